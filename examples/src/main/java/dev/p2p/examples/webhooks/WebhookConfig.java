package dev.p2p.examples.webhooks;

import dev.p2p.ValidationException;
import dev.p2p.Violation;
import dev.p2p.gateway.SmsGateway;
import dev.p2p.gateway.bandwidth.BandwidthGateway;
import dev.p2p.gateway.twilio.TwilioGateway;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.stream.Stream;

/**
 * The webhook server's settings, read from environment variables by {@link #fromEnvironment} and
 * checked all at once, with each carrier's gateway built from its variables.
 *
 * @param port the port to listen on; 0 picks a free one
 * @param publicUrl the scheme, host and port the carriers call, such as {@code
 *     https://crm.example.com}, without a trailing slash
 * @param jdbcUrl the database; empty for H2 files in {@link #DEFAULT_DATA_DIR}
 * @param gateways the carriers' gateways by id ({@value #TWILIO}, {@value #BANDWIDTH}), at least
 *     one
 */
public record WebhookConfig(
    int port, URI publicUrl, Optional<String> jdbcUrl, Map<String, SmsGateway> gateways) {

  /** The gateway id of Twilio, and the last segment of its webhook path. */
  public static final String TWILIO = "twilio";

  /** The gateway id of Bandwidth, and the last segment of its webhook path. */
  public static final String BANDWIDTH = "bandwidth";

  /** Where the H2 database lives unless {@code P2P_JDBC_URL} is set. */
  public static final Path DEFAULT_DATA_DIR = Path.of("p2p-webhooks-data");

  private static final List<String> TWILIO_VARIABLES =
      List.of(
          "TWILIO_ACCOUNT_SID",
          "TWILIO_AUTH_TOKEN",
          "TWILIO_MESSAGING_SERVICE_SID",
          "TWILIO_NUMBERS");
  private static final List<String> BANDWIDTH_VARIABLES =
      List.of(
          "BANDWIDTH_ACCOUNT_ID",
          "BANDWIDTH_APPLICATION_ID",
          "BANDWIDTH_NUMBERS",
          "BANDWIDTH_CLIENT_ID",
          "BANDWIDTH_CLIENT_SECRET",
          "BANDWIDTH_CALLBACK_USER",
          "BANDWIDTH_CALLBACK_PASSWORD");

  // The builders name their settings; the operator knows only the variables.
  private static final Map<String, String> TWILIO_NAMES =
      Map.of(
          "accountSid", "TWILIO_ACCOUNT_SID",
          "authToken", "TWILIO_AUTH_TOKEN",
          "messagingService", "TWILIO_MESSAGING_SERVICE_SID",
          "senderNumbers", "TWILIO_NUMBERS",
          "statusCallback", "P2P_PUBLIC_URL");
  private static final Map<String, String> BANDWIDTH_NAMES =
      Map.of(
          "accountId", "BANDWIDTH_ACCOUNT_ID",
          "applicationId", "BANDWIDTH_APPLICATION_ID",
          "senderNumbers", "BANDWIDTH_NUMBERS",
          "clientId", "BANDWIDTH_CLIENT_ID",
          "clientSecret", "BANDWIDTH_CLIENT_SECRET",
          "callbackUserId", "BANDWIDTH_CALLBACK_USER",
          "callbackPassword", "BANDWIDTH_CALLBACK_PASSWORD");

  /** Checks presence and copies the gateways, keeping their order. */
  public WebhookConfig {
    Objects.requireNonNull(publicUrl, "publicUrl");
    Objects.requireNonNull(jdbcUrl, "jdbcUrl");
    gateways = Collections.unmodifiableMap(new LinkedHashMap<>(gateways));
  }

  /**
   * Reads the settings from environment variables ({@code System.getenv()} in {@code main}; tests
   * pass their own map). A carrier is configured when any of its variables is set, and then needs
   * all of them.
   *
   * @throws ValidationException naming every missing or bad variable
   */
  public static WebhookConfig fromEnvironment(Map<String, String> env) {
    Objects.requireNonNull(env, "env");
    List<Violation> problems = new ArrayList<>();
    int port = port(get(env, "P2P_PORT").orElse("8080"), problems);
    Optional<URI> publicUrl = publicUrl(get(env, "P2P_PUBLIC_URL"), problems);
    Optional<String> jdbcUrl = get(env, "P2P_JDBC_URL");
    if (jdbcUrl.isPresent() && !jdbcUrl.get().startsWith("jdbc:")) {
      problems.add(new Violation("P2P_JDBC_URL", "must be a JDBC URL starting with jdbc:"));
    }
    Map<String, SmsGateway> gateways = new LinkedHashMap<>();
    twilio(env, publicUrl, problems).ifPresent(g -> gateways.put(TWILIO, g));
    bandwidth(env, problems).ifPresent(g -> gateways.put(BANDWIDTH, g));
    if (Stream.concat(TWILIO_VARIABLES.stream(), BANDWIDTH_VARIABLES.stream())
        .allMatch(name -> get(env, name).isEmpty())) {
      problems.add(
          new Violation(
              "TWILIO_* or BANDWIDTH_*",
              "must configure at least one carrier: "
                  + "TWILIO_ACCOUNT_SID, TWILIO_AUTH_TOKEN and TWILIO_MESSAGING_SERVICE_SID or"
                  + " TWILIO_NUMBERS; or "
                  + String.join(", ", BANDWIDTH_VARIABLES)));
    }
    if (!problems.isEmpty()) {
      throw new ValidationException(problems);
    }
    return new WebhookConfig(port, publicUrl.orElseThrow(), jdbcUrl, gateways);
  }

  private static Optional<SmsGateway> twilio(
      Map<String, String> env, Optional<URI> publicUrl, List<Violation> problems) {
    if (TWILIO_VARIABLES.stream().allMatch(name -> get(env, name).isEmpty())) {
      return Optional.empty();
    }
    Optional<String> sid = required(env, "TWILIO_ACCOUNT_SID", "Twilio", problems);
    Optional<String> token = required(env, "TWILIO_AUTH_TOKEN", "Twilio", problems);
    Optional<String> service = get(env, "TWILIO_MESSAGING_SERVICE_SID");
    List<String> numbers = list(get(env, "TWILIO_NUMBERS"));
    if (service.isEmpty() && numbers.isEmpty()) {
      problems.add(
          new Violation(
              "TWILIO_MESSAGING_SERVICE_SID or TWILIO_NUMBERS",
              "is required: the Messaging Service or the numbers Twilio sends from"));
    }
    TwilioGateway.Builder twilio = TwilioGateway.builder().senderNumbers(numbers);
    sid.ifPresent(twilio::accountSid);
    token.ifPresent(twilio::authToken);
    service.ifPresent(twilio::messagingService);
    // Each send names this URL, with the message's reference in its query: Twilio posts the
    // message's statuses there, whatever the Messaging Service's own callback setting.
    publicUrl.ifPresent(url -> twilio.statusCallback(url + "/webhooks/" + TWILIO + "/status"));
    return build(twilio::build, TWILIO_NAMES, problems);
  }

  private static Optional<SmsGateway> bandwidth(Map<String, String> env, List<Violation> problems) {
    if (BANDWIDTH_VARIABLES.stream().allMatch(name -> get(env, name).isEmpty())) {
      return Optional.empty();
    }
    List<String> values = new ArrayList<>();
    for (String name : BANDWIDTH_VARIABLES) {
      values.add(required(env, name, "Bandwidth", problems).orElse(""));
    }
    return build(
        () ->
            BandwidthGateway.builder()
                .accountId(values.get(0))
                .applicationId(values.get(1))
                .senderNumbers(list(Optional.of(values.get(2))))
                .clientCredentials(values.get(3), values.get(4))
                .callbackCredentials(values.get(5), values.get(6))
                .build(),
        BANDWIDTH_NAMES,
        problems);
  }

  /**
   * Builds a gateway, turning the builder's violations into ones naming the variables; those about
   * a variable already reported (missing, say) are left out.
   */
  private static Optional<SmsGateway> build(
      Supplier<SmsGateway> builder, Map<String, String> names, List<Violation> problems) {
    try {
      return Optional.of(builder.get());
    } catch (ValidationException e) {
      List<Violation> reported = List.copyOf(problems);
      for (Violation v : e.violations()) {
        int index = v.field().indexOf('['); // senderNumbers[2]: the third of the list
        String setting = index < 0 ? v.field() : v.field().substring(0, index);
        String rest = index < 0 ? "" : v.field().substring(index);
        String variable = names.getOrDefault(setting, setting);
        if (reported.stream().noneMatch(p -> p.field().contains(variable))) {
          problems.add(new Violation(variable + rest, v.reason()));
        }
      }
      return Optional.empty();
    }
  }

  private static int port(String text, List<Violation> problems) {
    try {
      int port = Integer.parseInt(text);
      if (port >= 0 && port <= 65_535) {
        return port;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    problems.add(new Violation("P2P_PORT", "must be a port number from 0 to 65535"));
    return 0;
  }

  private static Optional<URI> publicUrl(Optional<String> text, List<Violation> problems) {
    if (text.isEmpty()) {
      problems.add(
          new Violation(
              "P2P_PUBLIC_URL",
              "is required: the base URL the carriers call, such as https://crm.example.com"));
      return Optional.empty();
    }
    try {
      URI url = new URI(text.get().replaceAll("/+$", "")); // the paths are appended to it
      boolean http =
          "https".equalsIgnoreCase(url.getScheme()) || "http".equalsIgnoreCase(url.getScheme());
      if (http
          && url.getHost() != null
          && url.getRawPath().isEmpty()
          && url.getRawQuery() == null
          && url.getRawFragment() == null) {
        return Optional.of(url);
      }
    } catch (URISyntaxException e) {
      // reported below
    }
    problems.add(
        new Violation(
            "P2P_PUBLIC_URL",
            "must be an http or https URL with a host and no path, such as"
                + " https://crm.example.com"));
    return Optional.empty();
  }

  private static Optional<String> required(
      Map<String, String> env, String name, String carrier, List<Violation> problems) {
    Optional<String> value = get(env, name);
    if (value.isEmpty()) {
      problems.add(new Violation(name, "is required: other " + carrier + " variables are set"));
    }
    return value;
  }

  /** A variable's value, trimmed; empty when unset or blank. */
  private static Optional<String> get(Map<String, String> env, String name) {
    return Optional.ofNullable(env.get(name)).map(String::trim).filter(v -> !v.isEmpty());
  }

  /** A comma-separated list, such as {@code +13125550199, +13125550198}. */
  private static List<String> list(Optional<String> text) {
    return text.stream()
        .flatMap(t -> Arrays.stream(t.split(",")))
        .map(String::trim)
        .filter(n -> !n.isEmpty())
        .toList();
  }

  /** Shows the port, the public URL and the carriers; never a secret or the JDBC URL. */
  @Override
  public String toString() {
    return "WebhookConfig[port="
        + port
        + ", publicUrl="
        + publicUrl
        + ", database="
        + (jdbcUrl.isPresent() ? "P2P_JDBC_URL" : "H2 files in " + DEFAULT_DATA_DIR)
        + ", gateways="
        + gateways.keySet()
        + "]";
  }
}

package dev.p2p.gateway.bandwidth;

import dev.p2p.ValidationException;
import dev.p2p.Violation;
import dev.p2p.gateway.Sender;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The checked, immutable settings of one {@link BandwidthGateway}. Secrets stay out of toString.
 */
final class BandwidthConfig {
  private static final Pattern ACCOUNT_ID = Pattern.compile("[0-9]{1,16}");
  private static final Pattern APPLICATION_ID = Pattern.compile("[A-Za-z0-9-]{1,128}");

  final String accountId;
  final String applicationId;
  final Set<String> senderNumbers;
  final String clientId;
  final String clientSecret;
  final byte[] callbackCredentials;
  final URI messagesUri;
  final URI tokenUri;
  final Duration requestTimeout;
  final BandwidthGateway.Priority priority;
  final Clock clock;

  private BandwidthConfig(BandwidthGateway.Builder b) {
    this.accountId = b.accountId;
    this.applicationId = b.applicationId;
    this.senderNumbers = Set.copyOf(b.senderNumbers);
    this.clientId = b.clientId;
    this.clientSecret = b.clientSecret;
    this.callbackCredentials =
        (b.callbackUserId + ":" + b.callbackPassword).getBytes(StandardCharsets.UTF_8);
    String base =
        b.baseUrl.endsWith("/") ? b.baseUrl.substring(0, b.baseUrl.length() - 1) : b.baseUrl;
    this.messagesUri = URI.create(base + "/users/" + b.accountId + "/messages");
    this.tokenUri = URI.create(b.tokenUrl);
    this.requestTimeout = b.requestTimeout;
    this.priority = b.priority;
    this.clock = b.clock;
  }

  /**
   * Checks every setting of the builder.
   *
   * @throws ValidationException listing every problem
   */
  static BandwidthConfig of(BandwidthGateway.Builder b) {
    List<Violation> problems = new ArrayList<>();
    if (!ACCOUNT_ID.matcher(b.accountId).matches()) {
      problems.add(
          new Violation("accountId", "must be the numeric Bandwidth account id, such as 9900000"));
    }
    if (!APPLICATION_ID.matcher(b.applicationId).matches()) {
      problems.add(
          new Violation(
              "applicationId",
              "must be the Bandwidth Application id (letters, digits and dashes)"));
    }
    senderProblems(b.senderNumbers, problems);
    requireText("clientId", b.clientId, problems);
    requireText("clientSecret", b.clientSecret, problems);
    requireText("callbackUserId", b.callbackUserId, problems);
    requireText("callbackPassword", b.callbackPassword, problems);
    if (b.callbackUserId.contains(":")) {
      problems.add(new Violation("callbackUserId", "must not contain ':' (HTTP Basic)"));
    }
    requireUrl("baseUrl", b.baseUrl, problems);
    requireUrl("tokenUrl", b.tokenUrl, problems);
    requirePositive("connectTimeout", b.connectTimeout, problems);
    requirePositive("requestTimeout", b.requestTimeout, problems);
    if (!problems.isEmpty()) {
      throw new ValidationException(problems);
    }
    return new BandwidthConfig(b);
  }

  private static void senderProblems(List<String> numbers, List<Violation> problems) {
    if (numbers.isEmpty()) {
      problems.add(new Violation("senderNumbers", "must hold at least one Bandwidth number"));
    }
    Set<String> seen = new HashSet<>();
    for (int i = 0; i < numbers.size(); i++) {
      String number = numbers.get(i);
      try {
        Sender.number(number);
        if (!seen.add(number)) {
          problems.add(new Violation("senderNumbers[" + i + "]", "repeats an earlier number"));
        }
      } catch (ValidationException e) {
        problems.add(
            new Violation(
                "senderNumbers[" + i + "]",
                "must be an E.164 number or a 5 or 6 digit short code"));
      }
    }
  }

  private static void requireText(String field, String value, List<Violation> problems) {
    if (value.isBlank()) {
      problems.add(new Violation(field, "must not be blank"));
    }
  }

  private static void requireUrl(String field, String value, List<Violation> problems) {
    boolean ok;
    try {
      URI uri = URI.create(value);
      ok =
          uri.getHost() != null
              && ("https".equals(uri.getScheme()) || "http".equals(uri.getScheme()));
    } catch (IllegalArgumentException e) {
      ok = false;
    }
    if (!ok) {
      problems.add(new Violation(field, "must be an absolute http or https URL"));
    }
  }

  private static void requirePositive(String field, Duration value, List<Violation> problems) {
    if (value.isZero() || value.isNegative()) {
      problems.add(new Violation(field, "must be positive"));
    }
  }

  /** Shows what identifies the account; the client secret and callback credentials are redacted. */
  @Override
  public String toString() {
    return "BandwidthConfig[accountId="
        + accountId
        + ", applicationId="
        + applicationId
        + ", senderNumbers="
        + senderNumbers.size()
        + ", messagesUri="
        + messagesUri
        + ", tokenUri="
        + tokenUri
        + ", clientId="
        + clientId
        + ", clientSecret=***, callbackCredentials=***, priority="
        + priority
        + "]";
  }
}

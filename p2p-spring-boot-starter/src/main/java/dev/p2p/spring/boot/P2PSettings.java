package dev.p2p.spring.boot;

import dev.p2p.P2P;
import dev.p2p.ValidationException;
import dev.p2p.Violation;
import dev.p2p.contact.Phones;
import dev.p2p.gateway.Sender;
import dev.p2p.gateway.bandwidth.BandwidthGateway;
import dev.p2p.gateway.policy.GatewayPolicy;
import dev.p2p.gateway.twilio.TwilioGateway;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * The gateways and the policy built from {@code p2p.*}, every property checked before anything is
 * built, so that start-up reports all bad properties at once. p2p's builders decide every rule;
 * this only names each of their fields by its property.
 */
final class P2PSettings {
  private static final Map<String, String> TWILIO_FIELDS =
      Map.of(
          "apiKey.sid", "api-key-sid",
          "apiKey.secret", "api-key-secret",
          "messagingService", "messaging-service-sid");
  private static final Map<String, String> POLICY_FIELDS =
      Map.of("messagesPerSecond", "messages-per-second");

  private final @Nullable TwilioGateway twilio;
  private final @Nullable BandwidthGateway bandwidth;
  private final GatewayPolicy policy;

  private P2PSettings(
      @Nullable TwilioGateway twilio, @Nullable BandwidthGateway bandwidth, GatewayPolicy policy) {
    this.twilio = twilio;
    this.bandwidth = bandwidth;
    this.policy = policy;
  }

  /**
   * Checks every property and builds what they configure.
   *
   * @throws InvalidP2PPropertiesException listing every bad property
   */
  static P2PSettings of(P2PProperties properties) {
    List<Violation> problems = new ArrayList<>();
    TwilioGateway twilio = null;
    if (twilioEnabled(properties)) {
      try {
        twilio = twilio(properties.getTwilio());
      } catch (ValidationException e) {
        problems.addAll(rename(e, "p2p.twilio.", TWILIO_FIELDS));
      }
    }
    BandwidthGateway bandwidth = null;
    if (bandwidthEnabled(properties)) {
      try {
        bandwidth = bandwidth(properties.getBandwidth());
      } catch (ValidationException e) {
        problems.addAll(rename(e, "p2p.bandwidth.", Map.of()));
      }
    }
    GatewayPolicy policy = GatewayPolicy.ofDefaults();
    try {
      policy = policy(properties.getPolicy(), problems);
    } catch (ValidationException e) {
      problems.addAll(rename(e, "p2p.policy.", POLICY_FIELDS));
    }
    problems.addAll(p2pProblems(properties, twilio, bandwidth));
    if (!problems.isEmpty()) {
      throw new InvalidP2PPropertiesException(problems);
    }
    return new P2PSettings(twilio, bandwidth, policy);
  }

  static boolean twilioEnabled(P2PProperties properties) {
    return properties.getTwilio().getAccountSid() != null;
  }

  static boolean bandwidthEnabled(P2PProperties properties) {
    return properties.getBandwidth().getAccountId() != null;
  }

  Optional<TwilioGateway> twilio() {
    return Optional.ofNullable(twilio);
  }

  Optional<BandwidthGateway> bandwidth() {
    return Optional.ofNullable(bandwidth);
  }

  GatewayPolicy policy() {
    return policy;
  }

  /**
   * p2p's own checks of the default region and the gateway ids, run on a builder without a store
   * (whose absence is the one problem left out).
   */
  private static List<Violation> p2pProblems(
      P2PProperties properties,
      @Nullable TwilioGateway twilio,
      @Nullable BandwidthGateway bandwidth) {
    P2P.Builder builder = P2P.builder().defaultRegion(properties.getDefaultRegion());
    if (twilio != null) {
      builder.gateway(properties.getTwilio().getId(), twilio);
    }
    if (bandwidth != null) {
      builder.gateway(properties.getBandwidth().getId(), bandwidth);
    }
    try {
      builder.build().close();
      return List.of();
    } catch (ValidationException e) {
      List<Violation> found = new ArrayList<>();
      for (Violation v : e.violations()) {
        if (!v.field().equals("store")) {
          found.add(new Violation(p2pProperty(v.field()), v.reason()));
        }
      }
      return found;
    }
  }

  /** The property of a violation P2P.Builder reports. */
  static String p2pProperty(String field) {
    if (field.equals("gateway")) {
      return "p2p.twilio.id / p2p.bandwidth.id";
    }
    return "p2p." + kebab(field);
  }

  private static TwilioGateway twilio(P2PProperties.Twilio t) {
    TwilioGateway.Builder b =
        TwilioGateway.builder()
            .accountSid(nonNull(t.getAccountSid()))
            .authToken(nonNull(t.getAuthToken()))
            .senderNumbers(t.getSenderNumbers())
            .baseUrl(t.getBaseUrl())
            .connectTimeout(t.getConnectTimeout())
            .requestTimeout(t.getRequestTimeout());
    if (t.getApiKeySid() != null || t.getApiKeySecret() != null) {
      b.apiKey(nonNull(t.getApiKeySid()), nonNull(t.getApiKeySecret()));
    }
    if (t.getMessagingServiceSid() != null) {
      b.messagingService(t.getMessagingServiceSid());
    }
    if (t.getStatusCallback() != null) {
      b.statusCallback(t.getStatusCallback());
    }
    return b.build();
  }

  private static BandwidthGateway bandwidth(P2PProperties.Bandwidth w) {
    return BandwidthGateway.builder()
        .accountId(nonNull(w.getAccountId()))
        .applicationId(w.getApplicationId())
        .senderNumbers(w.getSenderNumbers())
        .clientCredentials(w.getClientId(), w.getClientSecret())
        .callbackCredentials(w.getCallbackUserId(), w.getCallbackPassword())
        .baseUrl(w.getBaseUrl())
        .tokenUrl(w.getTokenUrl())
        .connectTimeout(w.getConnectTimeout())
        .requestTimeout(w.getRequestTimeout())
        .priority(w.getPriority())
        .build();
  }

  private static GatewayPolicy policy(P2PProperties.Policy p, List<Violation> problems) {
    GatewayPolicy.Builder b =
        GatewayPolicy.builder()
            .maxRateWait(p.getMaxRateWait())
            .maxAttempts(p.getMaxAttempts())
            .initialBackoff(p.getInitialBackoff())
            .backoffMultiplier(p.getBackoffMultiplier())
            .maxBackoff(p.getMaxBackoff())
            .jitterFactor(p.getJitterFactor())
            .failureRateThreshold(p.getFailureRateThreshold())
            .slidingWindowSize(p.getSlidingWindowSize())
            .minimumCalls(p.getMinimumCalls())
            .waitInOpenState(p.getWaitInOpenState())
            .halfOpenCalls(p.getHalfOpenCalls())
            .maxConcurrentSends(p.getMaxConcurrentSends())
            .maxBulkheadWait(p.getMaxBulkheadWait());
    p.getMessagesPerSecond().forEach(b::messagesPerSecond);
    p.getSenderMessagesPerSecond()
        .forEach(
            (number, rate) -> {
              try {
                b.messagesPerSecond(Sender.number(number), rate);
              } catch (ValidationException e) {
                problems.add(
                    new Violation(
                        "p2p.policy.sender-messages-per-second",
                        "has a key that is not an E.164 number or a 5 or 6 digit short code: "
                            + Phones.maskSender(number)));
              }
            });
    return b.build();
  }

  /** A builder's violations with each field named by its property under {@code prefix}. */
  private static List<Violation> rename(
      ValidationException e, String prefix, Map<String, String> special) {
    List<Violation> renamed = new ArrayList<>();
    for (Violation v : e.violations()) {
      renamed.add(new Violation(prefix + property(v.field(), special), v.reason()));
    }
    return renamed;
  }

  /**
   * {@code senderNumbers[2]} → {@code sender-numbers[2]}, {@code messagesPerSecond.LONG_CODE} → …
   */
  private static String property(String field, Map<String, String> special) {
    String exact = special.get(field);
    if (exact != null) {
      return exact;
    }
    int dot = field.indexOf('.');
    if (dot > 0) {
      String head = field.substring(0, dot);
      String tail = field.substring(dot + 1);
      String mapped = special.getOrDefault(head, kebab(head));
      return mapped + "." + (tail.equals(tail.toUpperCase(Locale.ROOT)) ? constant(tail) : tail);
    }
    return kebab(field);
  }

  /** {@code LONG_CODE} → {@code long-code}. */
  private static String constant(String name) {
    return name.toLowerCase(Locale.ROOT).replace('_', '-');
  }

  /** {@code accountSid} → {@code account-sid}; an index suffix is kept. */
  static String kebab(String camel) {
    StringBuilder out = new StringBuilder(camel.length() + 4);
    for (int i = 0; i < camel.length(); i++) {
      char c = camel.charAt(i);
      if (Character.isUpperCase(c)) {
        if (i > 0) {
          out.append('-');
        }
        out.append(Character.toLowerCase(c));
      } else {
        out.append(c);
      }
    }
    return out.toString();
  }

  private static String nonNull(@Nullable String value) {
    return value == null ? "" : value;
  }
}

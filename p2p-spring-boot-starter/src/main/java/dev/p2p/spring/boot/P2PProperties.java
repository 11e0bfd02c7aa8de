package dev.p2p.spring.boot;

import dev.p2p.contact.ImportOptions;
import dev.p2p.gateway.NumberType;
import dev.p2p.gateway.bandwidth.BandwidthGateway;
import dev.p2p.gateway.policy.GatewayPolicy;
import dev.p2p.gateway.twilio.TwilioGateway;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The {@code p2p.*} properties the starter builds {@code P2P} from. Secrets (the keys ending in
 * {@code token}, {@code secret} or {@code password}) belong in the environment, such as {@code
 * p2p.twilio.auth-token=${TWILIO_AUTH_TOKEN}}; they are never logged and {@code
 * /actuator/configprops} masks them.
 */
@ConfigurationProperties("p2p")
public class P2PProperties {
  /** The ISO 3166 region assumed for phones written without a country code, such as US or CA. */
  private String defaultRegion = ImportOptions.DEFAULT_REGION;

  private final Store store = new Store();
  private final Twilio twilio = new Twilio();
  private final Bandwidth bandwidth = new Bandwidth();
  private final Policy policy = new Policy();
  private final Webhooks webhooks = new Webhooks();
  private final Health health = new Health();
  private final Shutdown shutdown = new Shutdown();
  private final Metrics metrics = new Metrics();

  /**
   * The default region.
   *
   * @return an ISO 3166 region code
   */
  public String getDefaultRegion() {
    return defaultRegion;
  }

  /**
   * Sets the default region.
   *
   * @param defaultRegion an ISO 3166 region code
   */
  public void setDefaultRegion(String defaultRegion) {
    this.defaultRegion = defaultRegion;
  }

  /**
   * The store settings.
   *
   * @return {@code p2p.store.*}
   */
  public Store getStore() {
    return store;
  }

  /**
   * The Twilio gateway settings.
   *
   * @return {@code p2p.twilio.*}
   */
  public Twilio getTwilio() {
    return twilio;
  }

  /**
   * The Bandwidth gateway settings.
   *
   * @return {@code p2p.bandwidth.*}
   */
  public Bandwidth getBandwidth() {
    return bandwidth;
  }

  /**
   * The send policy every gateway is wrapped in.
   *
   * @return {@code p2p.policy.*}
   */
  public Policy getPolicy() {
    return policy;
  }

  /**
   * The webhook endpoint settings.
   *
   * @return {@code p2p.webhooks.*}
   */
  public Webhooks getWebhooks() {
    return webhooks;
  }

  /**
   * The health contributor settings.
   *
   * @return {@code p2p.health.*}
   */
  public Health getHealth() {
    return health;
  }

  /**
   * The shutdown settings.
   *
   * @return {@code p2p.shutdown.*}
   */
  public Shutdown getShutdown() {
    return shutdown;
  }

  /**
   * The meter settings.
   *
   * @return {@code p2p.metrics.*}
   */
  public Metrics getMetrics() {
    return metrics;
  }

  /** Which store backs p2p. */
  public enum StoreType {
    /** JdbcStore on the application's DataSource bean when there is one, else embedded H2. */
    AUTO,
    /** JdbcStore on the application's DataSource bean, which must exist. */
    JDBC,
    /** Embedded H2 in files under {@code p2p.store.h2.path}. */
    H2,
    /** In memory, lost on restart: for demos and tests only. */
    MEMORY
  }

  /** {@code p2p.store.*}. */
  public static class Store {
    /** Which store backs p2p: auto (the DataSource bean if any, else H2), jdbc, h2 or memory. */
    private StoreType type = StoreType.AUTO;

    private final H2 h2 = new H2();

    /**
     * The store type.
     *
     * @return the type
     */
    public StoreType getType() {
      return type;
    }

    /**
     * Sets the store type.
     *
     * @param type the type
     */
    public void setType(StoreType type) {
      this.type = type;
    }

    /**
     * The embedded H2 settings.
     *
     * @return {@code p2p.store.h2.*}
     */
    public H2 getH2() {
      return h2;
    }
  }

  /** {@code p2p.store.h2.*}. */
  public static class H2 {
    /** The directory of the embedded H2 database's files (created if missing). */
    private Path path = Path.of("p2p-data");

    /**
     * The H2 directory.
     *
     * @return the directory
     */
    public Path getPath() {
      return path;
    }

    /**
     * Sets the H2 directory.
     *
     * @param path the directory
     */
    public void setPath(Path path) {
      this.path = path;
    }
  }

  /** {@code p2p.twilio.*}: the Twilio gateway, on when {@code account-sid} is set. */
  public static class Twilio {
    /** The id the gateway is registered under; the last segment of its webhook URL. */
    private String id = "twilio";

    /** The account SID (AC and 32 hex digits). Setting it turns the Twilio gateway on. */
    private @Nullable String accountSid;

    /**
     * The account's primary Auth Token: Twilio signs webhooks with it. A secret: bind it to the
     * environment, p2p.twilio.auth-token=${TWILIO_AUTH_TOKEN}.
     */
    private @Nullable String authToken;

    /** An API key SID (SK and 32 hex digits) for REST calls instead of the Auth Token. */
    private @Nullable String apiKeySid;

    /** The API key's secret; required with api-key-sid. A secret: bind it to the environment. */
    private @Nullable String apiKeySecret;

    /** The Messaging Service SID (MG and 32 hex digits); this or sender-numbers is required. */
    private @Nullable String messagingServiceSid;

    /** The numbers (E.164) or short codes this account sends from. */
    private List<String> senderNumbers = new ArrayList<>();

    /**
     * The status-callback URL given with every send, such as https://crm.example/webhooks/twilio.
     */
    private @Nullable String statusCallback;

    /** Twilio's REST API base URL. */
    private String baseUrl = TwilioGateway.Builder.DEFAULT_BASE_URL.toString();

    /** How long a send waits for a connection (1 ms to 10 minutes). */
    private Duration connectTimeout = TwilioGateway.Builder.DEFAULT_CONNECT_TIMEOUT;

    /** How long a send waits for Twilio's answer once connected (1 ms to 10 minutes). */
    private Duration requestTimeout = TwilioGateway.Builder.DEFAULT_REQUEST_TIMEOUT;

    /**
     * The gateway id.
     *
     * @return the id
     */
    public String getId() {
      return id;
    }

    /**
     * Sets the gateway id.
     *
     * @param id the id
     */
    public void setId(String id) {
      this.id = id;
    }

    /**
     * The account SID.
     *
     * @return the SID, or null when Twilio is off
     */
    public @Nullable String getAccountSid() {
      return accountSid;
    }

    /**
     * Sets the account SID.
     *
     * @param accountSid the SID
     */
    public void setAccountSid(@Nullable String accountSid) {
      this.accountSid = accountSid;
    }

    /**
     * The Auth Token.
     *
     * @return the token, or null
     */
    public @Nullable String getAuthToken() {
      return authToken;
    }

    /**
     * Sets the Auth Token.
     *
     * @param authToken the token
     */
    public void setAuthToken(@Nullable String authToken) {
      this.authToken = authToken;
    }

    /**
     * The API key SID.
     *
     * @return the SID, or null
     */
    public @Nullable String getApiKeySid() {
      return apiKeySid;
    }

    /**
     * Sets the API key SID.
     *
     * @param apiKeySid the SID
     */
    public void setApiKeySid(@Nullable String apiKeySid) {
      this.apiKeySid = apiKeySid;
    }

    /**
     * The API key secret.
     *
     * @return the secret, or null
     */
    public @Nullable String getApiKeySecret() {
      return apiKeySecret;
    }

    /**
     * Sets the API key secret.
     *
     * @param apiKeySecret the secret
     */
    public void setApiKeySecret(@Nullable String apiKeySecret) {
      this.apiKeySecret = apiKeySecret;
    }

    /**
     * The Messaging Service SID.
     *
     * @return the SID, or null
     */
    public @Nullable String getMessagingServiceSid() {
      return messagingServiceSid;
    }

    /**
     * Sets the Messaging Service SID.
     *
     * @param messagingServiceSid the SID
     */
    public void setMessagingServiceSid(@Nullable String messagingServiceSid) {
      this.messagingServiceSid = messagingServiceSid;
    }

    /**
     * The sender numbers.
     *
     * @return the numbers
     */
    public List<String> getSenderNumbers() {
      return senderNumbers;
    }

    /**
     * Sets the sender numbers.
     *
     * @param senderNumbers the numbers
     */
    public void setSenderNumbers(List<String> senderNumbers) {
      this.senderNumbers = senderNumbers;
    }

    /**
     * The status-callback URL.
     *
     * @return the URL, or null
     */
    public @Nullable String getStatusCallback() {
      return statusCallback;
    }

    /**
     * Sets the status-callback URL.
     *
     * @param statusCallback the URL
     */
    public void setStatusCallback(@Nullable String statusCallback) {
      this.statusCallback = statusCallback;
    }

    /**
     * The REST API base URL.
     *
     * @return the URL
     */
    public String getBaseUrl() {
      return baseUrl;
    }

    /**
     * Sets the REST API base URL.
     *
     * @param baseUrl the URL
     */
    public void setBaseUrl(String baseUrl) {
      this.baseUrl = baseUrl;
    }

    /**
     * The connect timeout.
     *
     * @return the timeout
     */
    public Duration getConnectTimeout() {
      return connectTimeout;
    }

    /**
     * Sets the connect timeout.
     *
     * @param connectTimeout the timeout
     */
    public void setConnectTimeout(Duration connectTimeout) {
      this.connectTimeout = connectTimeout;
    }

    /**
     * The request timeout.
     *
     * @return the timeout
     */
    public Duration getRequestTimeout() {
      return requestTimeout;
    }

    /**
     * Sets the request timeout.
     *
     * @param requestTimeout the timeout
     */
    public void setRequestTimeout(Duration requestTimeout) {
      this.requestTimeout = requestTimeout;
    }
  }

  /** {@code p2p.bandwidth.*}: the Bandwidth gateway, on when {@code account-id} is set. */
  public static class Bandwidth {
    /** The id the gateway is registered under; the last segment of its webhook URL. */
    private String id = "bandwidth";

    /** The numeric Bandwidth account id. Setting it turns the Bandwidth gateway on. */
    private @Nullable String accountId;

    /** The id of the Bandwidth messaging Application the sender numbers belong to. */
    private String applicationId = "";

    /** The Bandwidth numbers (E.164) or short codes p2p may send from; at least one. */
    private List<String> senderNumbers = new ArrayList<>();

    /** The OAuth2 client id of a Bandwidth API credential. */
    private String clientId = "";

    /** The OAuth2 client secret. A secret: bind it to the environment. */
    private String clientSecret = "";

    /** The HTTP Basic user id set on the Application for its callbacks. */
    private String callbackUserId = "";

    /** The HTTP Basic password of the callbacks. A secret: bind it to the environment. */
    private String callbackPassword = "";

    /** The messaging API's base URL. */
    private String baseUrl = BandwidthGateway.DEFAULT_BASE_URL;

    /** The OAuth2 token endpoint. */
    private String tokenUrl = BandwidthGateway.DEFAULT_TOKEN_URL;

    /** How long to wait for a connection. */
    private Duration connectTimeout = BandwidthGateway.DEFAULT_CONNECT_TIMEOUT;

    /** How long to wait for Bandwidth's answer to one request. */
    private Duration requestTimeout = BandwidthGateway.DEFAULT_REQUEST_TIMEOUT;

    /** The priority of every message in the account's queue. */
    private BandwidthGateway.Priority priority = BandwidthGateway.Priority.DEFAULT;

    /**
     * The gateway id.
     *
     * @return the id
     */
    public String getId() {
      return id;
    }

    /**
     * Sets the gateway id.
     *
     * @param id the id
     */
    public void setId(String id) {
      this.id = id;
    }

    /**
     * The account id.
     *
     * @return the id, or null when Bandwidth is off
     */
    public @Nullable String getAccountId() {
      return accountId;
    }

    /**
     * Sets the account id.
     *
     * @param accountId the id
     */
    public void setAccountId(@Nullable String accountId) {
      this.accountId = accountId;
    }

    /**
     * The Application id.
     *
     * @return the id
     */
    public String getApplicationId() {
      return applicationId;
    }

    /**
     * Sets the Application id.
     *
     * @param applicationId the id
     */
    public void setApplicationId(String applicationId) {
      this.applicationId = applicationId;
    }

    /**
     * The sender numbers.
     *
     * @return the numbers
     */
    public List<String> getSenderNumbers() {
      return senderNumbers;
    }

    /**
     * Sets the sender numbers.
     *
     * @param senderNumbers the numbers
     */
    public void setSenderNumbers(List<String> senderNumbers) {
      this.senderNumbers = senderNumbers;
    }

    /**
     * The OAuth2 client id.
     *
     * @return the id
     */
    public String getClientId() {
      return clientId;
    }

    /**
     * Sets the OAuth2 client id.
     *
     * @param clientId the id
     */
    public void setClientId(String clientId) {
      this.clientId = clientId;
    }

    /**
     * The OAuth2 client secret.
     *
     * @return the secret
     */
    public String getClientSecret() {
      return clientSecret;
    }

    /**
     * Sets the OAuth2 client secret.
     *
     * @param clientSecret the secret
     */
    public void setClientSecret(String clientSecret) {
      this.clientSecret = clientSecret;
    }

    /**
     * The callbacks' user id.
     *
     * @return the user id
     */
    public String getCallbackUserId() {
      return callbackUserId;
    }

    /**
     * Sets the callbacks' user id.
     *
     * @param callbackUserId the user id
     */
    public void setCallbackUserId(String callbackUserId) {
      this.callbackUserId = callbackUserId;
    }

    /**
     * The callbacks' password.
     *
     * @return the password
     */
    public String getCallbackPassword() {
      return callbackPassword;
    }

    /**
     * Sets the callbacks' password.
     *
     * @param callbackPassword the password
     */
    public void setCallbackPassword(String callbackPassword) {
      this.callbackPassword = callbackPassword;
    }

    /**
     * The messaging API's base URL.
     *
     * @return the URL
     */
    public String getBaseUrl() {
      return baseUrl;
    }

    /**
     * Sets the messaging API's base URL.
     *
     * @param baseUrl the URL
     */
    public void setBaseUrl(String baseUrl) {
      this.baseUrl = baseUrl;
    }

    /**
     * The OAuth2 token endpoint.
     *
     * @return the URL
     */
    public String getTokenUrl() {
      return tokenUrl;
    }

    /**
     * Sets the OAuth2 token endpoint.
     *
     * @param tokenUrl the URL
     */
    public void setTokenUrl(String tokenUrl) {
      this.tokenUrl = tokenUrl;
    }

    /**
     * The connect timeout.
     *
     * @return the timeout
     */
    public Duration getConnectTimeout() {
      return connectTimeout;
    }

    /**
     * Sets the connect timeout.
     *
     * @param connectTimeout the timeout
     */
    public void setConnectTimeout(Duration connectTimeout) {
      this.connectTimeout = connectTimeout;
    }

    /**
     * The request timeout.
     *
     * @return the timeout
     */
    public Duration getRequestTimeout() {
      return requestTimeout;
    }

    /**
     * Sets the request timeout.
     *
     * @param requestTimeout the timeout
     */
    public void setRequestTimeout(Duration requestTimeout) {
      this.requestTimeout = requestTimeout;
    }

    /**
     * The message priority.
     *
     * @return the priority
     */
    public BandwidthGateway.Priority getPriority() {
      return priority;
    }

    /**
     * Sets the message priority.
     *
     * @param priority the priority
     */
    public void setPriority(BandwidthGateway.Priority priority) {
      this.priority = priority;
    }
  }

  /** {@code p2p.policy.*}: the send policy ({@link GatewayPolicy}) every gateway is wrapped in. */
  public static class Policy {
    /**
     * Messages per second for every sender of a type (long-code, toll-free, short-code,
     * messaging-service), 0.001 to 10,000.
     */
    private Map<NumberType, Double> messagesPerSecond = new EnumMap<>(NumberType.class);

    /** Messages per second for one sender number (E.164), overriding its type's rate. */
    private Map<String, Double> senderMessagesPerSecond = new LinkedHashMap<>();

    /** How long a send may wait for its sender's next rate slot (0 to 1 hour). */
    private Duration maxRateWait = GatewayPolicy.DEFAULT_MAX_RATE_WAIT;

    /** Attempts per send, the first included (1 to 10). */
    private int maxAttempts = GatewayPolicy.DEFAULT_MAX_ATTEMPTS;

    /** The wait before the first retry (1 ms to 1 hour, at most max-backoff). */
    private Duration initialBackoff = GatewayPolicy.DEFAULT_INITIAL_BACKOFF;

    /** What each retry's wait is multiplied by (1 to 10). */
    private double backoffMultiplier = GatewayPolicy.DEFAULT_BACKOFF_MULTIPLIER;

    /** The longest wait between retries (1 ms to 1 hour). */
    private Duration maxBackoff = GatewayPolicy.DEFAULT_MAX_BACKOFF;

    /** The random share of each retry's wait (0 to below 1). */
    private double jitterFactor = GatewayPolicy.DEFAULT_JITTER_FACTOR;

    /** The failure percentage that opens a gateway's circuit (above 0, at most 100). */
    private float failureRateThreshold = GatewayPolicy.DEFAULT_FAILURE_RATE_THRESHOLD;

    /** How many recent sends the circuit breaker judges (1 to 10,000). */
    private int slidingWindowSize = GatewayPolicy.DEFAULT_SLIDING_WINDOW_SIZE;

    /** Sends needed before the breaker judges the failure rate (1 to sliding-window-size). */
    private int minimumCalls = GatewayPolicy.DEFAULT_MINIMUM_CALLS;

    /** How long an open circuit refuses sends before letting trial sends through. */
    private Duration waitInOpenState = GatewayPolicy.DEFAULT_WAIT_IN_OPEN_STATE;

    /** Trial sends in the half-open state (1 to 1,000). */
    private int halfOpenCalls = GatewayPolicy.DEFAULT_HALF_OPEN_CALLS;

    /** Sends to one gateway under way at once (1 to 10,000). */
    private int maxConcurrentSends = GatewayPolicy.DEFAULT_MAX_CONCURRENT_SENDS;

    /** How long a send may wait for a free bulkhead slot (0 to 1 hour). */
    private Duration maxBulkheadWait = GatewayPolicy.DEFAULT_MAX_BULKHEAD_WAIT;

    /**
     * Rates per number type.
     *
     * @return messages per second by type; types absent keep their default
     */
    public Map<NumberType, Double> getMessagesPerSecond() {
      return messagesPerSecond;
    }

    /**
     * Sets the rates per number type.
     *
     * @param messagesPerSecond messages per second by type
     */
    public void setMessagesPerSecond(Map<NumberType, Double> messagesPerSecond) {
      this.messagesPerSecond = messagesPerSecond;
    }

    /**
     * Rates per sender number.
     *
     * @return messages per second by E.164 number
     */
    public Map<String, Double> getSenderMessagesPerSecond() {
      return senderMessagesPerSecond;
    }

    /**
     * Sets the rates per sender number.
     *
     * @param senderMessagesPerSecond messages per second by E.164 number
     */
    public void setSenderMessagesPerSecond(Map<String, Double> senderMessagesPerSecond) {
      this.senderMessagesPerSecond = senderMessagesPerSecond;
    }

    /**
     * The longest rate wait.
     *
     * @return the wait
     */
    public Duration getMaxRateWait() {
      return maxRateWait;
    }

    /**
     * Sets the longest rate wait.
     *
     * @param maxRateWait the wait
     */
    public void setMaxRateWait(Duration maxRateWait) {
      this.maxRateWait = maxRateWait;
    }

    /**
     * Attempts per send.
     *
     * @return the attempts
     */
    public int getMaxAttempts() {
      return maxAttempts;
    }

    /**
     * Sets the attempts per send.
     *
     * @param maxAttempts the attempts
     */
    public void setMaxAttempts(int maxAttempts) {
      this.maxAttempts = maxAttempts;
    }

    /**
     * The first retry's wait.
     *
     * @return the wait
     */
    public Duration getInitialBackoff() {
      return initialBackoff;
    }

    /**
     * Sets the first retry's wait.
     *
     * @param initialBackoff the wait
     */
    public void setInitialBackoff(Duration initialBackoff) {
      this.initialBackoff = initialBackoff;
    }

    /**
     * The backoff multiplier.
     *
     * @return the multiplier
     */
    public double getBackoffMultiplier() {
      return backoffMultiplier;
    }

    /**
     * Sets the backoff multiplier.
     *
     * @param backoffMultiplier the multiplier
     */
    public void setBackoffMultiplier(double backoffMultiplier) {
      this.backoffMultiplier = backoffMultiplier;
    }

    /**
     * The longest retry wait.
     *
     * @return the wait
     */
    public Duration getMaxBackoff() {
      return maxBackoff;
    }

    /**
     * Sets the longest retry wait.
     *
     * @param maxBackoff the wait
     */
    public void setMaxBackoff(Duration maxBackoff) {
      this.maxBackoff = maxBackoff;
    }

    /**
     * The jitter factor.
     *
     * @return the factor
     */
    public double getJitterFactor() {
      return jitterFactor;
    }

    /**
     * Sets the jitter factor.
     *
     * @param jitterFactor the factor
     */
    public void setJitterFactor(double jitterFactor) {
      this.jitterFactor = jitterFactor;
    }

    /**
     * The failure rate that opens the circuit.
     *
     * @return a percentage
     */
    public float getFailureRateThreshold() {
      return failureRateThreshold;
    }

    /**
     * Sets the failure rate that opens the circuit.
     *
     * @param failureRateThreshold a percentage
     */
    public void setFailureRateThreshold(float failureRateThreshold) {
      this.failureRateThreshold = failureRateThreshold;
    }

    /**
     * The breaker's window.
     *
     * @return sends
     */
    public int getSlidingWindowSize() {
      return slidingWindowSize;
    }

    /**
     * Sets the breaker's window.
     *
     * @param slidingWindowSize sends
     */
    public void setSlidingWindowSize(int slidingWindowSize) {
      this.slidingWindowSize = slidingWindowSize;
    }

    /**
     * The breaker's minimum calls.
     *
     * @return sends
     */
    public int getMinimumCalls() {
      return minimumCalls;
    }

    /**
     * Sets the breaker's minimum calls.
     *
     * @param minimumCalls sends
     */
    public void setMinimumCalls(int minimumCalls) {
      this.minimumCalls = minimumCalls;
    }

    /**
     * The open state's wait.
     *
     * @return the wait
     */
    public Duration getWaitInOpenState() {
      return waitInOpenState;
    }

    /**
     * Sets the open state's wait.
     *
     * @param waitInOpenState the wait
     */
    public void setWaitInOpenState(Duration waitInOpenState) {
      this.waitInOpenState = waitInOpenState;
    }

    /**
     * Trial sends when half open.
     *
     * @return sends
     */
    public int getHalfOpenCalls() {
      return halfOpenCalls;
    }

    /**
     * Sets the trial sends when half open.
     *
     * @param halfOpenCalls sends
     */
    public void setHalfOpenCalls(int halfOpenCalls) {
      this.halfOpenCalls = halfOpenCalls;
    }

    /**
     * Concurrent sends per gateway.
     *
     * @return sends
     */
    public int getMaxConcurrentSends() {
      return maxConcurrentSends;
    }

    /**
     * Sets the concurrent sends per gateway.
     *
     * @param maxConcurrentSends sends
     */
    public void setMaxConcurrentSends(int maxConcurrentSends) {
      this.maxConcurrentSends = maxConcurrentSends;
    }

    /**
     * The bulkhead's longest wait.
     *
     * @return the wait
     */
    public Duration getMaxBulkheadWait() {
      return maxBulkheadWait;
    }

    /**
     * Sets the bulkhead's longest wait.
     *
     * @param maxBulkheadWait the wait
     */
    public void setMaxBulkheadWait(Duration maxBulkheadWait) {
      this.maxBulkheadWait = maxBulkheadWait;
    }
  }

  /** {@code p2p.webhooks.*}. */
  public static class Webhooks {
    /** Whether the Spring MVC webhook endpoint is registered. */
    private boolean enabled = true;

    /** The path the endpoint serves; each gateway's webhooks go to this path + /{gatewayId}. */
    private String path = "/webhooks";

    /**
     * Whether the endpoint is on.
     *
     * @return true when registered
     */
    public boolean isEnabled() {
      return enabled;
    }

    /**
     * Turns the endpoint on or off.
     *
     * @param enabled true to register it
     */
    public void setEnabled(boolean enabled) {
      this.enabled = enabled;
    }

    /**
     * The endpoint's path.
     *
     * @return the path, such as /webhooks
     */
    public String getPath() {
      return path;
    }

    /**
     * Sets the endpoint's path.
     *
     * @param path the path
     */
    public void setPath(String path) {
      this.path = path;
    }
  }

  /** {@code p2p.health.*}. */
  public static class Health {
    /**
     * The status the p2p health contributor reports while a gateway's circuit is open (the store
     * being up). UP by default, so that an outage at a carrier never takes the pod out of readiness
     * and webhooks keep flowing; the details show each circuit either way.
     */
    private String openCircuitStatus = "UP";

    /**
     * The status for an open circuit.
     *
     * @return a health status code
     */
    public String getOpenCircuitStatus() {
      return openCircuitStatus;
    }

    /**
     * Sets the status for an open circuit.
     *
     * @param openCircuitStatus a health status code such as UP, DEGRADED or DOWN
     */
    public void setOpenCircuitStatus(String openCircuitStatus) {
      this.openCircuitStatus = openCircuitStatus;
    }
  }

  /** {@code p2p.shutdown.*}. */
  public static class Shutdown {
    /**
     * How long the shutdown waits for sends under way before closing p2p; unset, the value of
     * spring.lifecycle.timeout-per-shutdown-phase (30 s by default).
     */
    private @Nullable Duration grace;

    /**
     * The shutdown grace.
     *
     * @return the grace, or null to use spring.lifecycle.timeout-per-shutdown-phase
     */
    public @Nullable Duration getGrace() {
      return grace;
    }

    /**
     * Sets the shutdown grace.
     *
     * @param grace the grace
     */
    public void setGrace(@Nullable Duration grace) {
      this.grace = grace;
    }
  }

  /** {@code p2p.metrics.*}. */
  public static class Metrics {
    /**
     * Whether p2p's meters of an organization's work carry an organization tag (its id). Off by
     * default: one time series per organization is many with many tenants.
     */
    private boolean tagOrganization;

    /**
     * Whether meters carry the organization tag.
     *
     * @return true to tag by organization
     */
    public boolean isTagOrganization() {
      return tagOrganization;
    }

    /**
     * Sets whether meters carry the organization tag.
     *
     * @param tagOrganization true to tag by organization
     */
    public void setTagOrganization(boolean tagOrganization) {
      this.tagOrganization = tagOrganization;
    }
  }
}

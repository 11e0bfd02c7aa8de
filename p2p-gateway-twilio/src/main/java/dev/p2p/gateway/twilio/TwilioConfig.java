package dev.p2p.gateway.twilio;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Optional;
import java.util.Set;

/**
 * A gateway's validated settings. Immutable; built only by {@link TwilioGateway.Builder#build()},
 * which checks every value. {@link #toString()} never shows a secret.
 *
 * @param accountSid the account ({@code AC…}), the path segment of every REST call
 * @param authToken the primary Auth Token: the REST password unless an API key is set, and always
 *     the key of webhook signatures
 * @param apiKeySid the API key ({@code SK…}) REST calls authenticate with, if set
 * @param apiKeySecret the API key's secret, present exactly when {@code apiKeySid} is
 * @param messagingService the Messaging Service ({@code MG…}) every send goes through, if set
 * @param senderNumbers the numbers this account may send from; empty allows any number
 * @param statusCallback the status-callback URL given with every send, if set
 * @param baseUrl the REST API's base URL, without a trailing slash
 * @param connectTimeout how long to wait for a connection
 * @param requestTimeout how long to wait for Twilio's answer once connected
 */
record TwilioConfig(
    String accountSid,
    String authToken,
    Optional<String> apiKeySid,
    Optional<String> apiKeySecret,
    Optional<String> messagingService,
    Set<String> senderNumbers,
    Optional<URI> statusCallback,
    URI baseUrl,
    Duration connectTimeout,
    Duration requestTimeout) {

  TwilioConfig {
    senderNumbers = Set.copyOf(senderNumbers);
  }

  /** The create-message endpoint of this account. */
  URI messagesUri() {
    return URI.create(baseUrl + "/2010-04-01/Accounts/" + accountSid + "/Messages.json");
  }

  /** The HTTP Basic {@code Authorization} value: the API key if set, else the account. */
  String authorization() {
    String user = apiKeySid.orElse(accountSid);
    String password = apiKeySecret.orElse(authToken);
    String pair = user + ":" + password;
    return "Basic " + Base64.getEncoder().encodeToString(pair.getBytes(StandardCharsets.UTF_8));
  }

  /** Shows the account, the senders and the URLs; never the Auth Token or the API key secret. */
  @Override
  public String toString() {
    return "TwilioConfig[accountSid="
        + accountSid
        + ", authToken=****"
        + apiKeySid.map(sid -> ", apiKey=" + sid + ":****").orElse("")
        + messagingService.map(sid -> ", messagingService=" + sid).orElse("")
        + ", senderNumbers="
        + senderNumbers.size()
        + statusCallback.map(url -> ", statusCallback=" + redacted(url)).orElse("")
        + ", baseUrl="
        + baseUrl
        + ", connectTimeout="
        + connectTimeout
        + ", requestTimeout="
        + requestTimeout
        + "]";
  }

  /** The URL without any user info (a webhook URL may carry HTTP Basic credentials). */
  static String redacted(URI url) {
    String text = url.toString();
    String userInfo = url.getRawUserInfo();
    return userInfo == null ? text : text.replace(userInfo + "@", "****@");
  }
}

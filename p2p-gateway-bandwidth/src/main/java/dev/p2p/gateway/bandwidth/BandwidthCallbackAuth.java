package dev.p2p.gateway.bandwidth;

import dev.p2p.gateway.WebhookRequest;
import dev.p2p.gateway.WebhookResult;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.Optional;

/**
 * Checks the HTTP Basic credentials Bandwidth sends with every callback (set on the Application).
 * Compares SHA-256 digests with {@link MessageDigest#isEqual}, so the time taken tells nothing
 * about the expected credentials, not even their length.
 */
final class BandwidthCallbackAuth {
  private final byte[] expectedDigest;

  BandwidthCallbackAuth(byte[] expectedCredentials) {
    this.expectedDigest = sha256(expectedCredentials);
  }

  /** The rejection of a request whose credentials are missing (401) or wrong (403), if it is. */
  Optional<WebhookResult> reject(WebhookRequest request) {
    Optional<String> header = request.header("Authorization").map(String::trim);
    if (header.isEmpty() || header.get().isEmpty()) {
      return Optional.of(WebhookResult.unauthorized("missing Basic credentials"));
    }
    String value = header.get();
    if (value.length() < 6 || !value.regionMatches(true, 0, "Basic ", 0, 6)) {
      return Optional.of(WebhookResult.unauthorized("the Authorization header is not Basic"));
    }
    byte[] given;
    try {
      given = Base64.getDecoder().decode(value.substring(6).trim());
    } catch (IllegalArgumentException e) {
      return Optional.of(WebhookResult.forbidden("the Basic credentials are not valid base64"));
    }
    if (!MessageDigest.isEqual(expectedDigest, sha256(given))) {
      return Optional.of(WebhookResult.forbidden("the Basic credentials do not match"));
    }
    return Optional.empty();
  }

  /** {@code Basic base64(userId:password)}: the header Bandwidth sends. */
  static String header(String userId, String password) {
    return "Basic "
        + Base64.getEncoder()
            .encodeToString((userId + ":" + password).getBytes(StandardCharsets.UTF_8));
  }

  private static byte[] sha256(byte[] bytes) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(bytes);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java platform has SHA-256", e);
    }
  }
}

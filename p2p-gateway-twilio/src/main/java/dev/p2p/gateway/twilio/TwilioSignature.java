package dev.p2p.gateway.twilio;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Twilio's webhook signature, {@code X-Twilio-Signature}, computed as Twilio computes it: HMAC-SHA1
 * keyed with the account's primary Auth Token over the full URL Twilio called (query included, as
 * encoded) followed, for a form POST, by every parameter name and value in code-point order of the
 * names; then Base64. Like Twilio's own libraries it accepts the URL with and without its port
 * ({@code :443} or {@code :80} added when absent, any port removed when present), since Twilio's
 * back ends differ. The JSON variant signs the URL alone, which carries {@code bodySHA256}, the hex
 * SHA-256 of the body. Comparisons take constant time.
 *
 * <p>Immutable and thread-safe; {@link #toString()} never shows the token.
 */
public final class TwilioSignature {
  private static final String HMAC = "HmacSHA1";
  private static final String BODY_HASH_PARAMETER = "bodySHA256";

  private final SecretKeySpec key;
  private final Mac prototype;

  private TwilioSignature(String authToken) {
    this.key = new SecretKeySpec(authToken.getBytes(StandardCharsets.UTF_8), HMAC);
    this.prototype = newMac(key);
  }

  /**
   * The signature of an account.
   *
   * @param authToken the account's primary Auth Token
   */
  public static TwilioSignature of(String authToken) {
    Objects.requireNonNull(authToken, "authToken");
    if (authToken.isEmpty()) {
      throw new IllegalArgumentException("authToken must not be empty");
    }
    return new TwilioSignature(authToken);
  }

  /**
   * The signature Twilio sends for a request to {@code url} with these form parameters (empty for a
   * GET or a JSON request). A parameter with several values adds each, in code-point order, without
   * repeats, as Twilio's Python and Node libraries do.
   */
  public String compute(String url, Map<String, List<String>> params) {
    return Base64.getEncoder().encodeToString(digest(url, canonical(params)));
  }

  /**
   * Whether {@code signature} is Twilio's for a form (or GET) request to {@code url} with these
   * parameters; {@code url} with and without its port both count.
   */
  public boolean matches(String url, Map<String, List<String>> params, String signature) {
    byte[] given = decode(signature);
    if (given.length == 0) {
      return false;
    }
    String suffix = canonical(params);
    // Each comparison takes constant time; trying the port variant only when the URL as received
    // fails tells an attacker nothing about the token.
    for (String candidate : TwilioSignature.urlVariants(url)) {
      if (MessageDigest.isEqual(digest(candidate, suffix), given)) {
        return true;
      }
    }
    return false;
  }

  /**
   * Whether {@code signature} is Twilio's for a JSON request to {@code url} with this raw body: the
   * URL must carry {@code bodySHA256}, equal to the hex SHA-256 of the body, and the signature must
   * match the URL alone.
   */
  public boolean matchesJson(String url, byte[] body, String signature) {
    String expected;
    try {
      expected = TwilioUrls.queryParameter(URI.create(url), BODY_HASH_PARAMETER).orElse("");
    } catch (IllegalArgumentException e) {
      return false;
    }
    if (expected.isEmpty()) {
      return false;
    }
    boolean bodyMatches =
        MessageDigest.isEqual(
            hex(sha256(body)).getBytes(StandardCharsets.US_ASCII),
            expected.getBytes(StandardCharsets.UTF_8));
    return matches(url, Map.of(), signature) && bodyMatches;
  }

  /** The string after the URL: each name then its values, names in code-point order. */
  private static String canonical(Map<String, List<String>> params) {
    if (params.isEmpty()) {
      return "";
    }
    List<Map.Entry<String, List<String>>> entries = new ArrayList<>(params.entrySet());
    entries.sort((a, b) -> byCodePoint(a.getKey(), b.getKey()));
    StringBuilder text = new StringBuilder(512);
    for (Map.Entry<String, List<String>> entry : entries) {
      String name = entry.getKey();
      List<String> values = entry.getValue();
      if (values.size() == 1) {
        text.append(name).append(values.get(0));
      } else {
        TreeSet<String> distinct = new TreeSet<>(TwilioSignature::byCodePoint);
        distinct.addAll(values);
        for (String value : distinct) {
          text.append(name).append(value);
        }
      }
    }
    return text.toString();
  }

  /** The URL as given, and with its port added (when absent) or removed (when present). */
  static List<String> urlVariants(String url) {
    int start = url.indexOf("://");
    if (start < 0) {
      return List.of(url);
    }
    int hostStart = start + 3;
    int end = hostStart;
    while (end < url.length() && "/?#".indexOf(url.charAt(end)) < 0) {
      end++;
    }
    String authority = url.substring(hostStart, end);
    int at = authority.lastIndexOf('@');
    int colon = authority.lastIndexOf(':');
    boolean hasPort = colon > at && colon > authority.lastIndexOf(']');
    String head = url.substring(0, hostStart);
    String rest = url.substring(end);
    if (hasPort) {
      return List.of(url, head + authority.substring(0, colon) + rest);
    }
    String scheme = url.substring(0, start);
    String port = "https".equalsIgnoreCase(scheme) ? ":443" : ":80";
    return List.of(url, head + authority + port + rest);
  }

  private byte[] digest(String url, String suffix) {
    Mac mac = mac();
    mac.update(url.getBytes(StandardCharsets.UTF_8));
    mac.update(suffix.getBytes(StandardCharsets.UTF_8));
    return mac.doFinal();
  }

  private Mac mac() {
    try {
      return (Mac) prototype.clone();
    } catch (CloneNotSupportedException e) {
      return newMac(key);
    }
  }

  private static Mac newMac(SecretKeySpec key) {
    try {
      Mac mac = Mac.getInstance(HMAC);
      mac.init(key);
      return mac;
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("this JVM has no " + HMAC, e);
    }
  }

  private static byte[] decode(String signature) {
    try {
      return Base64.getDecoder().decode(signature.trim());
    } catch (IllegalArgumentException e) {
      return new byte[0];
    }
  }

  private static byte[] sha256(byte[] body) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(body);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("this JVM has no SHA-256", e);
    }
  }

  private static String hex(byte[] bytes) {
    StringBuilder text = new StringBuilder(bytes.length * 2);
    for (byte b : bytes) {
      text.append(Character.forDigit((b >> 4) & 0xf, 16)).append(Character.forDigit(b & 0xf, 16));
    }
    return text.toString();
  }

  private static int byCodePoint(String a, String b) {
    int i = 0;
    int j = 0;
    while (i < a.length() && j < b.length()) {
      int ca = a.codePointAt(i);
      int cb = b.codePointAt(j);
      if (ca != cb) {
        return Integer.compare(ca, cb);
      }
      i += Character.charCount(ca);
      j += Character.charCount(cb);
    }
    return Integer.compare(a.length() - i, b.length() - j);
  }

  /** Never shows the token. */
  @Override
  public String toString() {
    return "TwilioSignature[authToken=****]";
  }
}

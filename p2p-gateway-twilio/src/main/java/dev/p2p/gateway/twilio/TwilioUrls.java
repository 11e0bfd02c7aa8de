package dev.p2p.gateway.twilio;

import dev.p2p.Violation;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;

/** The URLs a gateway builds and reads: base URL, status callback, and the p2p reference. */
final class TwilioUrls {
  /**
   * The query parameter that carries a message's p2p reference on its status-callback URL. Twilio
   * calls the URL as given, so the callback brings the reference back, and signs it with the rest.
   */
  static final String REFERENCE_PARAMETER = "p2pRef";

  private TwilioUrls() {}

  /** Checks a base URL: absolute http(s), no query or fragment; the trailing slash is dropped. */
  static URI baseUrl(String text, List<Violation> problems) {
    String trimmed = text.endsWith("/") ? text.substring(0, text.length() - 1) : text;
    try {
      URI url = new URI(trimmed);
      if (isHttp(url) && url.getRawQuery() == null && url.getRawFragment() == null) {
        return url;
      }
    } catch (java.net.URISyntaxException e) {
      // reported below
    }
    problems.add(new Violation("baseUrl", "must be an absolute http or https URL without query"));
    return TwilioGateway.Builder.DEFAULT_BASE_URL;
  }

  /**
   * Checks a status-callback URL as Twilio takes it: absolute http(s) with a host that has no
   * underscore (Twilio refuses those).
   */
  static Optional<URI> statusCallback(String text, List<Violation> problems) {
    try {
      URI url = new URI(text);
      if (isHttp(url) && url.getHost() != null && !url.getHost().contains("_")) {
        return Optional.of(url);
      }
    } catch (java.net.URISyntaxException e) {
      // reported below
    }
    problems.add(
        new Violation(
            "statusCallback",
            "must be an absolute http or https URL whose host has no underscore"));
    return Optional.empty();
  }

  private static boolean isHttp(URI url) {
    return url.isAbsolute()
        && ("https".equalsIgnoreCase(url.getScheme()) || "http".equalsIgnoreCase(url.getScheme()))
        && url.getRawAuthority() != null;
  }

  /**
   * The callback URL for one message: the configured URL with the reference added to its query
   * (before any fragment, where Twilio's connection overrides live).
   */
  static String callbackFor(URI callback, String reference) {
    String text = callback.toString();
    int hash = text.indexOf('#');
    String head = hash < 0 ? text : text.substring(0, hash);
    String tail = hash < 0 ? "" : text.substring(hash);
    String separator = callback.getRawQuery() == null ? "?" : "&";
    return head
        + separator
        + REFERENCE_PARAMETER
        + "="
        + URLEncoder.encode(reference, StandardCharsets.UTF_8)
        + tail;
  }

  /** The value of a query parameter of a URL, decoded; the first one if repeated. */
  static Optional<String> queryParameter(URI url, String name) {
    String query = url.getRawQuery();
    if (query == null) {
      return Optional.empty();
    }
    for (String pair : query.split("&")) {
      int eq = pair.indexOf('=');
      String key = eq < 0 ? pair : pair.substring(0, eq);
      if (key.equals(name)) {
        try {
          return Optional.of(
              URLDecoder.decode(eq < 0 ? "" : pair.substring(eq + 1), StandardCharsets.UTF_8));
        } catch (IllegalArgumentException e) {
          return Optional.empty();
        }
      }
    }
    return Optional.empty();
  }
}

package dev.p2p.gateway;

import dev.p2p.ValidationException;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A webhook request exactly as the CRM's web framework received it: a plain value, so that p2p
 * needs no servlet or framework type. Header names are matched without regard to case.
 *
 * @param method the HTTP method, upper case
 * @param url the full URL the carrier called, with scheme, host, port if any, path and query, as
 *     the carrier saw it (behind a proxy, the public URL): signatures are computed over it
 * @param headers every header with all its values; names are stored lower case
 * @param body the raw body bytes, exactly as received
 */
public record WebhookRequest(
    String method, URI url, Map<String, List<String>> headers, byte[] body) {

  /** Checks presence, upper-cases the method, lower-cases header names and copies everything. */
  public WebhookRequest {
    if (method == null || method.isBlank()) {
      throw ValidationException.of("method", "must not be blank");
    }
    if (url == null || !url.isAbsolute()) {
      throw ValidationException.of("url", "must be the absolute URL the carrier called");
    }
    Objects.requireNonNull(headers, "headers");
    Objects.requireNonNull(body, "body");
    method = method.toUpperCase(Locale.ROOT);
    Map<String, List<String>> copy = new LinkedHashMap<>();
    headers.forEach(
        (name, values) ->
            copy.computeIfAbsent(name.toLowerCase(Locale.ROOT), k -> new ArrayList<>())
                .addAll(values));
    copy.replaceAll((name, values) -> List.copyOf(values));
    headers = Collections.unmodifiableMap(copy);
    body = body.clone();
  }

  /** A request from its parts; {@code url} is parsed as a URI. */
  public static WebhookRequest of(
      String method, String url, Map<String, List<String>> headers, byte[] body) {
    URI uri;
    try {
      uri = URI.create(Objects.requireNonNull(url, "url"));
    } catch (IllegalArgumentException e) {
      throw ValidationException.of("url", "is not a valid URL: " + e.getMessage());
    }
    return new WebhookRequest(method, uri, headers, body);
  }

  /** The raw body bytes (a copy). */
  @Override
  public byte[] body() {
    return body.clone();
  }

  /** The body decoded as UTF-8. */
  public String bodyText() {
    return new String(body, StandardCharsets.UTF_8);
  }

  /** The first value of a header, matched without regard to case. */
  public Optional<String> header(String name) {
    List<String> values = headers.get(name.toLowerCase(Locale.ROOT));
    return values == null || values.isEmpty() ? Optional.empty() : Optional.of(values.get(0));
  }

  /**
   * The form parameters: the URL-encoded body of a POST, or the query string of any other method.
   * Names keep their order and every value; a parameter without {@code =} has an empty value.
   */
  public Map<String, List<String>> formParameters() {
    String encoded = "POST".equals(method) ? bodyText() : url.getRawQuery();
    Map<String, List<String>> params = new LinkedHashMap<>();
    if (encoded == null || encoded.isEmpty()) {
      return params;
    }
    for (String pair : encoded.split("&")) {
      if (pair.isEmpty()) {
        continue;
      }
      int eq = pair.indexOf('=');
      String name = decode(eq < 0 ? pair : pair.substring(0, eq));
      String value = eq < 0 ? "" : decode(pair.substring(eq + 1));
      params.computeIfAbsent(name, k -> new ArrayList<>()).add(value);
    }
    return params;
  }

  private static String decode(String text) {
    return URLDecoder.decode(text, StandardCharsets.UTF_8);
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof WebhookRequest r
        && method.equals(r.method)
        && url.equals(r.url)
        && headers.equals(r.headers)
        && Arrays.equals(body, r.body);
  }

  @Override
  public int hashCode() {
    return Objects.hash(method, url, headers, Arrays.hashCode(body));
  }

  /** Shows the method, the URL's path and the body size; never header values or the body. */
  @Override
  public String toString() {
    return "WebhookRequest[" + method + " " + url.getPath() + ", " + body.length + " bytes]";
  }
}

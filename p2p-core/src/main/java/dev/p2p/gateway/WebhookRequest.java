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

  /**
   * Checks presence, upper-cases the method, lower-cases header names and copies everything.
   *
   * @throws ValidationException naming {@code method}, {@code url}, {@code headers} or {@code body}
   *     when one is missing, or a header name or value that is null
   */
  @SuppressWarnings("NullAway") // callers outside p2p may pass nulls; each is refused by name
  public WebhookRequest {
    if (method == null || method.isBlank()) {
      throw ValidationException.of("method", "must not be blank");
    }
    if (url == null || !url.isAbsolute()) {
      throw ValidationException.of("url", "must be the absolute URL the carrier called");
    }
    if (headers == null) {
      throw ValidationException.of("headers", "must not be null (pass an empty map for none)");
    }
    if (body == null) {
      throw ValidationException.of("body", "must not be null (pass an empty array for none)");
    }
    method = method.toUpperCase(Locale.ROOT);
    headers = copy(headers);
    body = body.clone();
  }

  /**
   * A request from its parts; {@code url} is parsed as a URI.
   *
   * @throws ValidationException naming the argument that is missing or not valid
   */
  @SuppressWarnings("NullAway") // callers outside p2p may pass nulls; each is refused by name
  public static WebhookRequest of(
      String method, String url, Map<String, List<String>> headers, byte[] body) {
    if (url == null) {
      throw ValidationException.of("url", "must be the absolute URL the carrier called");
    }
    URI uri;
    try {
      uri = URI.create(url);
    } catch (IllegalArgumentException e) {
      throw ValidationException.of("url", "is not a valid URL: " + e.getMessage());
    }
    return new WebhookRequest(method, uri, headers, body);
  }

  /** The headers with lower-case names, each name's values merged, unmodifiable. */
  @SuppressWarnings("NullAway") // a map from outside may hold null names or values
  private static Map<String, List<String>> copy(Map<String, List<String>> headers) {
    Map<String, List<String>> copy = new LinkedHashMap<>();
    for (Map.Entry<String, List<String>> header : headers.entrySet()) {
      String name = header.getKey();
      if (name == null) {
        throw ValidationException.of("headers", "a header name is null");
      }
      List<String> values = header.getValue();
      if (values == null || values.stream().anyMatch(Objects::isNull)) {
        throw ValidationException.of(
            "headers", "the header " + shown(name) + " has a null value list or value");
      }
      copy.computeIfAbsent(name.toLowerCase(Locale.ROOT), k -> new ArrayList<>()).addAll(values);
    }
    copy.replaceAll((name, values) -> List.copyOf(values));
    return Collections.unmodifiableMap(copy);
  }

  /** A header name fit for an error message: at most 64 characters. */
  private static String shown(String name) {
    return "'" + (name.length() > 64 ? name.substring(0, 64) + "…" : name) + "'";
  }

  /** The raw body bytes (a copy). */
  @Override
  public byte[] body() {
    return body.clone();
  }

  /** The body's size in bytes, without copying it. */
  public int bodyLength() {
    return body.length;
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

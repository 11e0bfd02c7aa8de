package dev.p2p.gateway.twilio;

import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Form encoding for tests: what Twilio puts on the wire and what the stub server reads. */
final class Forms {
  private Forms() {}

  /** Decodes {@code a=1&b=2&b=3}, keeping order and repeats. */
  static Map<String, List<String>> decode(String body) {
    Map<String, List<String>> params = new LinkedHashMap<>();
    if (body.isEmpty()) {
      return params;
    }
    for (String pair : body.split("&")) {
      int eq = pair.indexOf('=');
      String name =
          URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
      String value =
          eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
      params.computeIfAbsent(name, k -> new ArrayList<>()).add(value);
    }
    return params;
  }

  /** Encodes parameters in their order. */
  static String encode(Map<String, List<String>> params) {
    StringBuilder form = new StringBuilder();
    params.forEach(
        (name, values) ->
            values.forEach(
                value -> {
                  if (form.length() > 0) {
                    form.append('&');
                  }
                  form.append(URLEncoder.encode(name, StandardCharsets.UTF_8))
                      .append('=')
                      .append(URLEncoder.encode(value, StandardCharsets.UTF_8));
                }));
    return form.toString();
  }

  /** The first value of a parameter, or the empty string. */
  static String first(Map<String, List<String>> params, String name) {
    List<String> values = params.getOrDefault(name, List.of());
    return values.isEmpty() ? "" : values.get(0);
  }
}

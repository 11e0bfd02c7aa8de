package dev.p2p.benchmarks;

import dev.p2p.gateway.WebhookRequest;
import dev.p2p.gateway.twilio.TwilioSignature;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A typical inbound SMS webhook as Twilio posts it: 19 form parameters in Twilio's order, signed
 * with {@code X-Twilio-Signature} by the account's token.
 */
final class TwilioInboundForm {
  static final String TOKEN = "bench_auth_token_0123456789abcdef";
  static final String BODY = "Yes, count me in! What time do the polls open on Tuesday?";

  private TwilioInboundForm() {}

  /** The form's parameters, in the order Twilio sends them. */
  static Map<String, List<String>> params(String sid, String from, String to, String body) {
    String[][] pairs = {
      {"ToCountry", "US"},
      {"ToState", "IL"},
      {"SmsMessageSid", sid},
      {"NumMedia", "0"},
      {"ToCity", "CHICAGO"},
      {"FromZip", "60601"},
      {"SmsSid", sid},
      {"FromState", "IL"},
      {"SmsStatus", "received"},
      {"FromCity", "CHICAGO"},
      {"Body", body},
      {"FromCountry", "US"},
      {"To", to},
      {"ToZip", "60601"},
      {"NumSegments", "1"},
      {"MessageSid", sid},
      {"AccountSid", TwilioStubServer.ACCOUNT_SID},
      {"From", from},
      {"ApiVersion", "2010-04-01"}
    };
    Map<String, List<String>> params = new LinkedHashMap<>();
    for (String[] pair : pairs) {
      params.put(pair[0], List.of(pair[1]));
    }
    return params;
  }

  /** The signed POST of these parameters to {@code url}. */
  static WebhookRequest request(String url, Map<String, List<String>> params) {
    StringBuilder form = new StringBuilder();
    params.forEach(
        (name, values) ->
            values.forEach(
                value ->
                    form.append(form.length() == 0 ? "" : "&")
                        .append(name)
                        .append('=')
                        .append(URLEncoder.encode(value, StandardCharsets.UTF_8))));
    return WebhookRequest.of(
        "POST",
        url,
        Map.of(
            "Content-Type", List.of("application/x-www-form-urlencoded"),
            "X-Twilio-Signature", List.of(TwilioSignature.of(TOKEN).compute(url, params))),
        form.toString().getBytes(StandardCharsets.UTF_8));
  }

  /** A signed inbound message from {@code from} to p2p's number {@code to}. */
  static WebhookRequest inbound(String url, String sid, String from, String to) {
    return request(url, params(sid, from, to, BODY));
  }
}

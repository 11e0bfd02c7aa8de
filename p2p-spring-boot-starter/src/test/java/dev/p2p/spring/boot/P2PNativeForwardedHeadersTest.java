package dev.p2p.spring.boot;

import static org.assertj.core.api.Assertions.assertThat;

import dev.p2p.gateway.twilio.TwilioSignature;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * With {@code server.forward-headers-strategy=native} (Tomcat's RemoteIpValve, which trusts a proxy
 * on the loopback address), the URL handed to p2p is the public one too: a Twilio signature over
 * {@code https://crm.example.org/...} verifies (200: acknowledged), one over the local URL is
 * refused (403).
 */
@SpringBootTest(
    classes = P2PNativeForwardedHeadersTest.App.class,
    webEnvironment = WebEnvironment.RANDOM_PORT,
    properties = {
      "p2p.store.type=memory",
      "p2p.twilio.account-sid=" + P2PStarterHttpTest.ACCOUNT_SID,
      "p2p.twilio.auth-token=" + P2PStarterHttpTest.AUTH_TOKEN,
      "p2p.twilio.sender-numbers=" + P2PStarterHttpTest.TWILIO_NUMBER,
      "p2p.webhooks.path=/carriers",
      "server.forward-headers-strategy=native"
    })
class P2PNativeForwardedHeadersTest {
  @LocalServerPort int port;

  /** The application: autoconfiguration only. */
  @SpringBootConfiguration
  @EnableAutoConfiguration
  static class App {}

  @Test
  @DisplayName("Tomcat's RemoteIpValve gives p2p the public https URL, at p2p.webhooks.path")
  void publicUrl() throws Exception {
    Map<String, List<String>> form = new LinkedHashMap<>();
    form.put("MessageSid", List.of("SM0123456789abcdef0123456789abcdef"));
    form.put("AccountSid", List.of(P2PStarterHttpTest.ACCOUNT_SID));
    form.put("From", List.of("+13125550111"));
    form.put("To", List.of(P2PStarterHttpTest.TWILIO_NUMBER));
    form.put("Body", List.of("Hello"));
    form.put("NumMedia", List.of("0"));
    TwilioSignature signature = TwilioSignature.of(P2PStarterHttpTest.AUTH_TOKEN);
    String local = "http://localhost:" + port + "/carriers/twilio?kind=inbound";
    String published = "https://crm.example.org/carriers/twilio?kind=inbound";

    assertThat(post(local, form, signature.compute(published, form)).statusCode()).isEqualTo(200);
    assertThat(post(local, form, signature.compute(local, form)).statusCode()).isEqualTo(403);
  }

  private static HttpResponse<String> post(
      String url, Map<String, List<String>> form, String signature) throws Exception {
    String body =
        form.entrySet().stream()
            .flatMap(
                e ->
                    e.getValue().stream()
                        .map(
                            v ->
                                URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8)
                                    + "="
                                    + URLEncoder.encode(v, StandardCharsets.UTF_8)))
            .collect(Collectors.joining("&"));
    return HttpClient.newHttpClient()
        .send(
            HttpRequest.newBuilder(URI.create(url))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("X-Twilio-Signature", signature)
                .header("X-Forwarded-Proto", "https")
                .header("X-Forwarded-Host", "crm.example.org")
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build(),
            HttpResponse.BodyHandlers.ofString());
  }
}

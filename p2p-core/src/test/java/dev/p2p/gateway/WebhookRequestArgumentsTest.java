package dev.p2p.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.p2p.ValidationException;
import dev.p2p.Violation;
import java.net.URI;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Every argument of WebhookRequest's factories is checked by name, never a bare NPE. */
class WebhookRequestArgumentsTest {
  private static final String URL = "https://crm.example/webhooks/twilio";
  private static final byte[] BODY = new byte[0];

  private static void refused(ThrowingCallable call, String field, String reason) {
    assertThatThrownBy(call)
        .isInstanceOf(ValidationException.class)
        .satisfies(
            e ->
                assertThat(((ValidationException) e).violations())
                    .extracting(Violation::field)
                    .containsExactly(field))
        .hasMessageContaining(reason);
  }

  @Test
  @DisplayName("a null header name is refused naming headers")
  void nullHeaderName() {
    Map<String, List<String>> headers = new HashMap<>();
    headers.put(null, List.of("x"));
    refused(
        () -> WebhookRequest.of("POST", URL, headers, BODY), "headers", "a header name is null");
  }

  @Test
  @DisplayName("a null value list or value of a header is refused naming headers and the header")
  void nullHeaderValue() {
    Map<String, List<String>> noList = new HashMap<>();
    noList.put("X-Twilio-Signature", null);
    refused(() -> WebhookRequest.of("POST", URL, noList, BODY), "headers", "'X-Twilio-Signature'");
    List<String> values = new ArrayList<>();
    values.add(null);
    refused(
        () -> WebhookRequest.of("POST", URL, Map.of("Accept", values), BODY),
        "headers",
        "'Accept' has a null value");
  }

  @Test
  @DisplayName("null method, url, headers or body is refused naming the argument")
  void nullArguments() {
    refused(() -> WebhookRequest.of(null, URL, Map.of(), BODY), "method", "must not be blank");
    refused(() -> WebhookRequest.of("POST", null, Map.of(), BODY), "url", "absolute URL");
    refused(() -> WebhookRequest.of("POST", URL, null, BODY), "headers", "must not be null");
    refused(() -> WebhookRequest.of("POST", URL, Map.of(), null), "body", "must not be null");
    refused(() -> new WebhookRequest("POST", null, Map.of(), BODY), "url", "absolute URL");
    refused(
        () -> new WebhookRequest("POST", URI.create(URL), null, BODY),
        "headers",
        "must not be null");
  }

  @Test
  @DisplayName("a URL that is not one, or is relative, is refused naming url")
  void badUrl() {
    refused(
        () -> WebhookRequest.of("POST", "http://a b", Map.of(), BODY), "url", "not a valid URL");
    refused(() -> WebhookRequest.of("POST", "/webhooks", Map.of(), BODY), "url", "absolute URL");
  }
}

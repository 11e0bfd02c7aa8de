package dev.p2p.gateway.twilio;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** The four test vectors of gateways.md §1.9, and tampered variants that must fail. */
class TwilioSignatureTest {
  private static final String SM1 = "SM" + "1".repeat(32);
  private static final String TOKEN = "test_auth_token_0123456789abcdef";
  private static final String INBOUND_URL = "https://hooks.example.com/twilio/inbound?tenant=acme";

  private static Map<String, List<String>> params(String... pairs) {
    Map<String, List<String>> params = new LinkedHashMap<>();
    for (int i = 0; i < pairs.length; i += 2) {
      params.computeIfAbsent(pairs[i], k -> new java.util.ArrayList<>()).add(pairs[i + 1]);
    }
    return params;
  }

  private static Map<String, List<String>> inbound() {
    // deliberately not in sorted order: the signature sorts the names
    return params(
        "To", "+15005550001",
        "SmsStatus", "received",
        "Body", "Hello ✓ world",
        "AccountSid", "AC00000000000000000000000000000000",
        "ApiVersion", "2010-04-01",
        "From", "+15005550006",
        "MessageSid", SM1,
        "NumMedia", "0",
        "NumSegments", "1",
        "SmsMessageSid", SM1,
        "SmsSid", SM1);
  }

  @Nested
  @DisplayName("the documented vectors")
  class Vectors {
    @Test
    @DisplayName("vector 1: Twilio's public example")
    void twiliosExample() {
      Map<String, List<String>> params =
          params(
              "CallSid", "CA1234567890ABCDE",
              "Caller", "+12349013030",
              "Digits", "1234",
              "From", "+12349013030",
              "To", "+18005551212");
      TwilioSignature signature = TwilioSignature.of("12345");
      String url = "https://mycompany.com/myapp.php?foo=1&bar=2";
      assertThat(signature.compute(url, params)).isEqualTo("0/KCTR6DLpKmkAf8muzZqo1nDgQ=");
      assertThat(signature.matches(url, params, "0/KCTR6DLpKmkAf8muzZqo1nDgQ=")).isTrue();
    }

    @Test
    @DisplayName("vector 2: an inbound SMS with a non-ASCII body")
    void inboundSms() {
      TwilioSignature signature = TwilioSignature.of(TOKEN);
      assertThat(signature.compute(INBOUND_URL, inbound()))
          .isEqualTo("5Hfv4p/RbA+3EodzO4RtqVj+BXw=");
      assertThat(signature.matches(INBOUND_URL, inbound(), "5Hfv4p/RbA+3EodzO4RtqVj+BXw="))
          .isTrue();
    }

    @Test
    @DisplayName("vector 3: the same request signed over the URL with :443")
    void withPort() {
      String withPort = "https://hooks.example.com:443/twilio/inbound?tenant=acme";
      TwilioSignature signature = TwilioSignature.of(TOKEN);
      assertThat(signature.compute(withPort, inbound())).isEqualTo("XTjqqLcMEiA7dbMeUKk4oUu5bvs=");
      assertThat(signature.matches(INBOUND_URL, inbound(), "XTjqqLcMEiA7dbMeUKk4oUu5bvs="))
          .as("received without the port, signed with it")
          .isTrue();
      assertThat(signature.matches(withPort, inbound(), "5Hfv4p/RbA+3EodzO4RtqVj+BXw="))
          .as("received with the port, signed without it")
          .isTrue();
    }

    @Test
    @DisplayName("vector 4: a JSON body signed through bodySHA256")
    void jsonBody() {
      String url =
          "https://hooks.example.com/twilio/json?bodySHA256=717c748cd65f15265fdd61df5cd257b0d5b0a04b9b441804edfe54e21fca5122";
      byte[] body =
          "{\"MessageSid\":\"SM11111111111111111111111111111111\",\"Status\":\"delivered\"}"
              .getBytes(StandardCharsets.UTF_8);
      TwilioSignature signature = TwilioSignature.of(TOKEN);
      assertThat(signature.compute(url, Map.of())).isEqualTo("WfwXVFsquEDCks11ZyptON4qI0s=");
      assertThat(signature.matchesJson(url, body, "WfwXVFsquEDCks11ZyptON4qI0s=")).isTrue();
    }
  }

  @Nested
  @DisplayName("tampered requests fail")
  class Tampered {
    private final TwilioSignature signature = TwilioSignature.of(TOKEN);

    @Test
    @DisplayName("a changed body parameter")
    void changedParameter() {
      Map<String, List<String>> params = inbound();
      params.put("Body", List.of("Hello ✓ world!"));
      assertThat(signature.matches(INBOUND_URL, params, "5Hfv4p/RbA+3EodzO4RtqVj+BXw=")).isFalse();
    }

    @Test
    @DisplayName("a changed query string")
    void changedQuery() {
      String url = "https://hooks.example.com/twilio/inbound?tenant=other";
      assertThat(signature.matches(url, inbound(), "5Hfv4p/RbA+3EodzO4RtqVj+BXw=")).isFalse();
    }

    @Test
    @DisplayName("another Auth Token")
    void otherToken() {
      assertThat(
              TwilioSignature.of("another")
                  .matches(INBOUND_URL, inbound(), "5Hfv4p/RbA+3EodzO4RtqVj+BXw="))
          .isFalse();
    }

    @Test
    @DisplayName("a JSON body that no longer hashes to bodySHA256")
    void changedJsonBody() {
      String url =
          "https://hooks.example.com/twilio/json?bodySHA256=717c748cd65f15265fdd61df5cd257b0d5b0a04b9b441804edfe54e21fca5122";
      byte[] body =
          "{\"MessageSid\":\"SM11111111111111111111111111111111\",\"Status\":\"failed\"}"
              .getBytes(StandardCharsets.UTF_8);
      assertThat(signature.matchesJson(url, body, "WfwXVFsquEDCks11ZyptON4qI0s=")).isFalse();
    }

    @Test
    @DisplayName("a JSON request without bodySHA256")
    void jsonWithoutHash() {
      String url = "https://hooks.example.com/twilio/json";
      String signed = signature.compute(url, Map.of());
      assertThat(signature.matchesJson(url, new byte[0], signed)).isFalse();
    }

    @Test
    @DisplayName("a signature that is not Base64")
    void notBase64() {
      assertThat(signature.matches(INBOUND_URL, inbound(), "not base64!")).isFalse();
    }
  }

  @Test
  @DisplayName("a URL with a non-default port also matches without it")
  void otherPortVariants() {
    assertThat(TwilioSignature.urlVariants("http://h.example:8080/a?b=1"))
        .containsExactly("http://h.example:8080/a?b=1", "http://h.example/a?b=1");
    assertThat(TwilioSignature.urlVariants("http://h.example/a"))
        .containsExactly("http://h.example/a", "http://h.example:80/a");
  }

  @Test
  @DisplayName("a repeated parameter signs each distinct value in order")
  void repeatedParameter() {
    TwilioSignature signature = TwilioSignature.of(TOKEN);
    String url = "https://hooks.example.com/x";
    assertThat(signature.compute(url, params("A", "2", "A", "1", "A", "2", "B", "3")))
        .isEqualTo(signature.compute(url, params("A1A2B", "3")));
  }

  @Test
  @DisplayName("toString never shows the Auth Token")
  void redacted() {
    assertThat(TwilioSignature.of(TOKEN).toString()).doesNotContain(TOKEN);
  }
}

package dev.p2p.gateway.twilio;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.p2p.conversation.MessageStatus;
import dev.p2p.gateway.SendReceipt;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * The spec checks themselves: the validator that every recorded request goes through refuses what
 * Twilio's spec refuses, and the spec's own example responses parse into receipts.
 */
class TwilioSpecTest {
  private static final TwilioSpec SPEC = TwilioSpec.instance();

  @org.junit.jupiter.api.BeforeAll
  static void specFound() {
    org.junit.jupiter.api.Assumptions.assumeTrue(
        SPEC.available(), "the carrier's spec is not here (see CarrierSpecs): spec tests skipped");
  }

  private static final String PATH = TwilioStubs.MESSAGES_PATH;
  private static final String FORM = "application/x-www-form-urlencoded";
  private static final String BASIC =
      "Basic "
          + Base64.getEncoder()
              .encodeToString(
                  (TwilioStubs.ACCOUNT_SID + ":token").getBytes(StandardCharsets.UTF_8));

  private static Map<String, List<String>> form(String... pairs) {
    Map<String, List<String>> form = new LinkedHashMap<>();
    for (int i = 0; i < pairs.length; i += 2) {
      form.computeIfAbsent(pairs[i], k -> new ArrayList<>()).add(pairs[i + 1]);
    }
    return form;
  }

  private static List<String> problems(Map<String, List<String>> form) {
    return SPEC.problems("POST", PATH, FORM, BASIC, form);
  }

  @Nested
  @DisplayName("the request validator")
  class Validator {
    @Test
    @DisplayName("accepts a request like the adapter's")
    void acceptsAValidRequest() {
      assertThat(
              problems(
                  form(
                      "To", "+13125550101",
                      "From", "+13125550199",
                      "Body", "Hi",
                      "MediaUrl", "https://m.example/a.png",
                      "MediaUrl", "https://m.example/b.png",
                      "StatusCallback", "https://crm.example.com/s?p2pRef=r1",
                      "ValidityPeriod", "3600")))
          .isEmpty();
    }

    @Test
    @DisplayName("refuses a parameter the spec does not declare")
    void undeclaredParameter() {
      assertThat(
              problems(
                  form("To", "+13125550101", "From", "+13125550199", "Body", "Hi", "Ref", "1")))
          .containsExactly("Ref is not a declared parameter");
    }

    @Test
    @DisplayName("refuses a request without the required To")
    void missingTo() {
      assertThat(problems(form("From", "+13125550199", "Body", "Hi")))
          .contains("the required parameter To is missing");
    }

    @Test
    @DisplayName("refuses a value of the wrong type or pattern")
    void wrongTypes() {
      assertThat(
              problems(
                  form(
                      "To", "+13125550101",
                      "MessagingServiceSid", "MG123",
                      "Body", "Hi",
                      "ValidityPeriod", "soon",
                      "SendAsMms", "yes")))
          .hasSize(3);
    }

    @Test
    @DisplayName("refuses a repeated parameter that is not an array")
    void repeatedScalar() {
      assertThat(
              problems(
                  form(
                      "To",
                      "+13125550101",
                      "To",
                      "+13125550102",
                      "From",
                      "+13125550199",
                      "Body",
                      "Hi")))
          .containsExactly("To is sent 2 times but is not an array");
    }

    @Test
    @DisplayName(
        "refuses what Twilio documents but the spec cannot say: no sender, a long validity")
    void documentedRules() {
      assertThat(problems(form("To", "+13125550101", "Body", "Hi", "ValidityPeriod", "36001")))
          .hasSize(2);
    }

    @Test
    @DisplayName("refuses an undeclared path, a bad account SID and missing credentials")
    void pathAndAuth() {
      assertThat(SPEC.problems("POST", "/2010-04-01/Messages.json", FORM, BASIC, form()))
          .singleElement()
          .asString()
          .startsWith("no path");
      assertThat(
              SPEC.problems(
                  "POST",
                  "/2010-04-01/Accounts/AC123/Messages.json",
                  FORM,
                  "",
                  form("To", "+13125550101", "From", "+13125550199", "Body", "Hi")))
          .hasSize(2);
    }
  }

  @TestFactory
  @DisplayName("every example response of the spec's create-message operation parses")
  Stream<DynamicTest> specExamplesParse() {
    JsonNode examples =
        SPEC.root()
            .at("/paths/~12010-04-01~1Accounts~1{AccountSid}~1Messages.json/post/responses/201")
            .at("/content/application~1json/examples");
    assertThat(examples.size()).isGreaterThanOrEqualTo(5);
    List<DynamicTest> tests = new ArrayList<>();
    examples
        .properties()
        .forEach(
            example ->
                tests.add(
                    DynamicTest.dynamicTest(
                        example.getKey(), () -> parsesAsItSays(example.getValue().get("value")))));
    return tests.stream();
  }

  private static void parsesAsItSays(JsonNode example) throws Exception {
    SendReceipt receipt = TwilioResponses.receipt(new ObjectMapper().writeValueAsBytes(example));
    assertThat(receipt.carrierMessageId()).isEqualTo(example.get("sid").asText());
    assertThat(receipt.status())
        .isEqualTo(TwilioStatuses.of(example.get("status").asText()).orElseThrow());
    assertThat(receipt.status().isFinal()).isFalse();
    String from = example.path("from").asText("");
    assertThat(receipt.from())
        .isEqualTo(from.startsWith("+") ? Optional.of(from) : Optional.empty());
  }

  @Test
  @DisplayName("the documented error body (gateways.md §1.4) parses with its code")
  void documentedErrorParses() {
    String body =
        "{\"code\": 21211, \"message\": \"The 'To' number 5551234567 is not a valid phone number.\","
            + " \"more_info\": \"https://www.twilio.com/docs/errors/21211\", \"status\": 400}";
    assertThat(TwilioResponses.error(body.getBytes(StandardCharsets.UTF_8)))
        .contains(
            new TwilioError(
                Optional.of("21211"), Optional.of("https://www.twilio.com/docs/errors/21211")));
  }

  @Test
  @DisplayName("the documented 201 body (gateways.md §1.2) parses to a queued receipt")
  void documentedReceiptParses() throws Exception {
    String body =
        "{\"sid\":\"SM0123456789abcdef0123456789abcdef\",\"account_sid\":\"AC0123456789abcdef0123456789abcdef\","
            + "\"messaging_service_sid\":null,\"from\":\"+15017122661\",\"to\":\"+15558675310\","
            + "\"body\":\"Hi there\",\"status\":\"queued\",\"direction\":\"outbound-api\","
            + "\"num_segments\":\"1\",\"num_media\":\"0\",\"price\":null,\"price_unit\":\"USD\","
            + "\"error_code\":null,\"error_message\":null,\"api_version\":\"2010-04-01\"}";
    SendReceipt receipt = TwilioResponses.receipt(body.getBytes(StandardCharsets.UTF_8));
    assertThat(receipt.status()).isEqualTo(MessageStatus.QUEUED);
    assertThat(receipt.segments()).hasValue(1);
    assertThat(receipt.from()).contains("+15017122661");
  }
}

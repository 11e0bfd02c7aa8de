package dev.p2p.gateway.twilio;

import static org.assertj.core.api.Assertions.assertThat;

import dev.p2p.conversation.MessageStatus;
import dev.p2p.gateway.GatewayError;
import dev.p2p.gateway.GatewayEvent;
import dev.p2p.gateway.GatewayEvent.InboundMessage;
import dev.p2p.gateway.GatewayEvent.StatusUpdate;
import dev.p2p.gateway.WebhookRequest;
import dev.p2p.gateway.WebhookResponse;
import dev.p2p.gateway.WebhookResult;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** Webhook verification and parsing beyond the contract: Twilio's own variants. */
class TwilioWebhooksTest {
  private static final String SID = "SM" + "a".repeat(32);
  private static final TwilioGateway GATEWAY =
      TwilioGateway.builder()
          .accountSid(TwilioStubs.ACCOUNT_SID)
          .authToken(TwilioStubs.AUTH_TOKEN)
          .senderNumbers("+13125550199")
          .build();
  private static final TwilioSignature SIGNATURE = TwilioSignature.of(TwilioStubs.AUTH_TOKEN);

  private static WebhookResult parse(String url, Map<String, List<String>> params) {
    return GATEWAY.parse(
        TwilioStubs.request(url, params, Optional.of(SIGNATURE.compute(url, params))));
  }

  private static WebhookResult.Accepted accepted(WebhookResult result) {
    assertThat(result).isInstanceOf(WebhookResult.Accepted.class);
    return (WebhookResult.Accepted) result;
  }

  private static GatewayEvent onlyEvent(WebhookResult result) {
    List<GatewayEvent> events = accepted(result).events();
    assertThat(events).hasSize(1);
    return events.get(0);
  }

  private static Map<String, List<String>> status(String twilioStatus) {
    Map<String, List<String>> params = TwilioStubs.statusParams(SID, MessageStatus.SENT);
    params.put("MessageStatus", List.of(twilioStatus));
    params.put("SmsStatus", List.of(twilioStatus));
    return params;
  }

  private static Map<String, List<String>> inbound(String body) {
    Map<String, List<String>> params = new LinkedHashMap<>();
    params.put("MessageSid", List.of(SID));
    params.put("SmsStatus", List.of("received"));
    params.put("From", List.of("+13125550101"));
    params.put("To", List.of("+13125550199"));
    params.put("Body", List.of(body));
    params.put("NumMedia", List.of("0"));
    return params;
  }

  @Nested
  @DisplayName("responses")
  class Responses {
    @Test
    @DisplayName("an inbound message is answered with empty TwiML")
    void inboundGetsTwiml() {
      WebhookResponse response = accepted(parse(TwilioStubs.INBOUND_URL, inbound("Hi"))).response();
      assertThat(response.status()).isEqualTo(200);
      assertThat(response.contentType()).isEqualTo("text/xml");
      assertThat(response.body()).endsWith("<Response/>");
    }

    @Test
    @DisplayName("a status callback is answered 204")
    void statusGets204() {
      assertThat(accepted(parse(TwilioStubs.STATUS_URL, status("sent"))).response())
          .isEqualTo(WebhookResponse.noContent());
    }
  }

  @Nested
  @DisplayName("status callbacks")
  class Statuses {
    @Test
    @DisplayName("carry back the p2p reference from the callback URL")
    void reference() {
      StatusUpdate update =
          (StatusUpdate)
              onlyEvent(parse(TwilioStubs.STATUS_URL + "?p2pRef=ref+1%2Fa", status("delivered")));
      assertThat(update.reference()).contains("ref 1/a");
    }

    @Test
    @DisplayName("without a reference on the URL, the update has none")
    void noReference() {
      StatusUpdate update = (StatusUpdate) onlyEvent(parse(TwilioStubs.STATUS_URL, status("sent")));
      assertThat(update.reference()).isEmpty();
    }

    @Test
    @DisplayName("a failure without ErrorCode is permanent, with no code")
    void failureWithoutCode() {
      StatusUpdate update =
          (StatusUpdate) onlyEvent(parse(TwilioStubs.STATUS_URL, status("failed")));
      assertThat(update.error()).contains(GatewayError.permanent());
      assertThat(update.carrierCode()).isEmpty();
    }

    @Test
    @DisplayName("30007 (filtered) is permanent and 21610 opted out, codes kept")
    void asyncCodes() {
      Map<String, List<String>> params = status("undelivered");
      params.put("ErrorCode", List.of("30007"));
      StatusUpdate filtered = (StatusUpdate) onlyEvent(parse(TwilioStubs.STATUS_URL, params));
      assertThat(filtered.error()).contains(GatewayError.permanent());
      assertThat(filtered.carrierCode()).contains("30007");
      params.put("ErrorCode", List.of("21610"));
      StatusUpdate optedOut = (StatusUpdate) onlyEvent(parse(TwilioStubs.STATUS_URL, params));
      assertThat(optedOut.error()).contains(GatewayError.optedOut());
    }

    @Test
    @DisplayName("Twilio's other statuses map: accepted queued, read delivered, canceled failed")
    void otherStatuses() {
      assertThat(
              ((StatusUpdate) onlyEvent(parse(TwilioStubs.STATUS_URL, status("accepted"))))
                  .status())
          .isEqualTo(MessageStatus.QUEUED);
      assertThat(((StatusUpdate) onlyEvent(parse(TwilioStubs.STATUS_URL, status("read")))).status())
          .isEqualTo(MessageStatus.DELIVERED);
      assertThat(
              ((StatusUpdate) onlyEvent(parse(TwilioStubs.STATUS_URL, status("canceled"))))
                  .status())
          .isEqualTo(MessageStatus.FAILED);
    }

    @Test
    @DisplayName(
        "an unknown status is acknowledged with no event, so Twilio does not send it again")
    void unknownStatus() {
      assertThat(parse(TwilioStubs.STATUS_URL, status("teleported")))
          .isEqualTo(WebhookResult.accepted(List.of(), WebhookResponse.noContent()));
    }
  }

  @Nested
  @DisplayName("inbound messages")
  class Inbound {
    @Test
    @DisplayName(
        "an Advanced Opt-Out keyword (OptOutType STOP) is flagged as the carrier's opt-out")
    void optOutType() {
      Map<String, List<String>> params = inbound("Unsubscribe me please");
      params.put("OptOutType", List.of("STOP"));
      InboundMessage in = (InboundMessage) onlyEvent(parse(TwilioStubs.INBOUND_URL, params));
      assertThat(in.body()).isEqualTo("Unsubscribe me please");
      assertThat(in.carrierOptOut()).isTrue();
    }

    @Test
    @DisplayName("a START or HELP keyword is not an opt-out")
    void optInType() {
      for (String type : List.of("START", "HELP")) {
        Map<String, List<String>> params = inbound(type);
        params.put("OptOutType", List.of(type));
        InboundMessage in = (InboundMessage) onlyEvent(parse(TwilioStubs.INBOUND_URL, params));
        assertThat(in.carrierOptOut()).as(type).isFalse();
      }
    }

    @Test
    @DisplayName("NumMedia without its MediaUrl is a bad request")
    void missingMedia() {
      Map<String, List<String>> params = inbound("");
      params.put("NumMedia", List.of("1"));
      assertThat(parse(TwilioStubs.INBOUND_URL, params)).isInstanceOf(WebhookResult.Rejected.class);
    }

    @Test
    @DisplayName("a GET webhook is signed over its URL, parameters in the query")
    void getWebhook() {
      String url = TwilioStubs.INBOUND_URL + "?" + Forms.encode(inbound("Hola"));
      WebhookRequest request =
          WebhookRequest.of(
              "GET",
              url,
              Map.of("X-Twilio-Signature", List.of(SIGNATURE.compute(url, Map.of()))),
              new byte[0]);
      assertThat(((InboundMessage) onlyEvent(GATEWAY.parse(request))).body()).isEqualTo("Hola");
    }
  }

  @Nested
  @DisplayName("verification")
  class Verification {
    @Test
    @DisplayName("a request received on :443 verifies against a signature made without the port")
    void portVariant() {
      Map<String, List<String>> params = inbound("Hi");
      String signed = SIGNATURE.compute(TwilioStubs.INBOUND_URL, params);
      String received = TwilioStubs.INBOUND_URL.replace(".com/", ".com:443/");
      assertThat(GATEWAY.parse(TwilioStubs.request(received, params, Optional.of(signed))))
          .isInstanceOf(WebhookResult.Accepted.class);
    }

    @Test
    @DisplayName("a JSON request verifies through bodySHA256")
    void jsonBody() {
      String body = "{\"MessageSid\":\"" + SID + "\",\"MessageStatus\":\"delivered\"}";
      String url =
          TwilioStubs.STATUS_URL
              + "?bodySHA256="
              + sha256Hex(body.getBytes(StandardCharsets.UTF_8));
      WebhookRequest request =
          WebhookRequest.of(
              "POST",
              url,
              Map.of(
                  "Content-Type", List.of("application/json"),
                  "X-Twilio-Signature", List.of(SIGNATURE.compute(url, Map.of()))),
              body.getBytes(StandardCharsets.UTF_8));
      assertThat(((StatusUpdate) onlyEvent(GATEWAY.parse(request))).status())
          .isEqualTo(MessageStatus.DELIVERED);
    }

    @Test
    @DisplayName("a body that cannot be decoded cannot be verified: 403")
    void undecodableBody() {
      WebhookRequest request =
          WebhookRequest.of(
              "POST",
              TwilioStubs.STATUS_URL,
              Map.of(
                  "X-Twilio-Signature", List.of("AAAA"),
                  "Content-Type", List.of("application/x-www-form-urlencoded")),
              "Body=%zz".getBytes(StandardCharsets.UTF_8));
      assertThat(GATEWAY.parse(request)).isInstanceOf(WebhookResult.Rejected.class);
      assertThat(((WebhookResult.Rejected) GATEWAY.parse(request)).status()).isEqualTo(403);
    }

    @Test
    @DisplayName("another account's gateway refuses a request signed for this one")
    void otherAccount() {
      TwilioGateway other =
          TwilioGateway.builder()
              .accountSid("AC" + "f".repeat(32))
              .authToken("another_token")
              .senderNumbers("+13125550199")
              .build();
      Map<String, List<String>> params = inbound("Hi");
      WebhookRequest request =
          TwilioStubs.request(
              TwilioStubs.INBOUND_URL,
              params,
              Optional.of(SIGNATURE.compute(TwilioStubs.INBOUND_URL, params)));
      assertThat(other.parse(request)).isInstanceOf(WebhookResult.Rejected.class);
      assertThat(GATEWAY.parse(request)).isInstanceOf(WebhookResult.Accepted.class);
    }
  }

  private static String sha256Hex(byte[] body) {
    try {
      byte[] digest = java.security.MessageDigest.getInstance("SHA-256").digest(body);
      StringBuilder hex = new StringBuilder();
      for (byte b : digest) {
        hex.append(String.format("%02x", b));
      }
      return hex.toString();
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new AssertionError(e);
    }
  }
}

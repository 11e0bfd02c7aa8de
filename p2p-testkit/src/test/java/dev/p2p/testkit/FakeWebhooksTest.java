package dev.p2p.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.p2p.NotFoundException;
import dev.p2p.conversation.MessageStatus;
import dev.p2p.gateway.GatewayError;
import dev.p2p.gateway.GatewayEvent;
import dev.p2p.gateway.GatewayEvent.InboundMessage;
import dev.p2p.gateway.GatewayEvent.StatusUpdate;
import dev.p2p.gateway.OutboundMessage;
import dev.p2p.gateway.Sender;
import dev.p2p.gateway.WebhookRequest;
import dev.p2p.gateway.WebhookResponse;
import dev.p2p.gateway.WebhookResult;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class FakeWebhooksTest {
  private static final Instant NOW = Instant.parse("2026-11-03T14:00:00Z");
  private static final String ANA = "+13125550101";
  private static final String SENDER = "+13125550199";

  private final FakeGateway fake =
      FakeGateway.builder().clock(Clock.fixed(NOW, ZoneOffset.UTC)).build();
  private final List<WebhookRequest> posted = new ArrayList<>();
  private final List<GatewayEvent> applied = new ArrayList<>();

  /** A stand-in for p2p's pipeline: records the request and applies what the gateway parses. */
  private WebhookResponse handle(WebhookRequest request) {
    posted.add(request);
    WebhookResult result = fake.parse(request);
    if (result instanceof WebhookResult.Accepted accepted) {
      applied.addAll(accepted.events());
      return accepted.response();
    }
    return ((WebhookResult.Rejected) result).response();
  }

  private static List<GatewayEvent> events(WebhookResult result) {
    assertThat(result).isInstanceOf(WebhookResult.Accepted.class);
    return ((WebhookResult.Accepted) result).events();
  }

  private static int rejection(WebhookResult result) {
    assertThat(result).isInstanceOf(WebhookResult.Rejected.class);
    return ((WebhookResult.Rejected) result).status();
  }

  private String sendOne(String reference) {
    return fake.send(OutboundMessage.text(reference, Sender.number(SENDER), ANA, "Hi"))
        .join()
        .carrierMessageId();
  }

  @Nested
  @DisplayName("posting through a connected handler")
  class Posting {
    @BeforeEach
    void connect() {
      fake.connect(FakeWebhooksTest.this::handle);
    }

    @Test
    @DisplayName("replyFrom posts an inbound message the gateway parses back to its parts")
    void replyFrom() {
      URI photo = URI.create("https://media.example.com/photo.jpg");
      WebhookResponse response = fake.replyFrom(ANA, SENDER, "Yes!", photo);
      assertThat(response.status()).isEqualTo(204);
      assertThat(applied)
          .singleElement()
          .isEqualTo(
              new InboundMessage("FK-in-1", ANA, SENDER, "Yes!", List.of(photo), Optional.of(NOW)));
    }

    @Test
    @DisplayName(
        "deliver by reference posts DELIVERED for the message's carrier id, with the reference")
    void deliverByReference() {
      String carrierId = sendOne("m-1");
      fake.deliver("m-1");
      assertThat(applied)
          .singleElement()
          .isEqualTo(
              new StatusUpdate(
                  carrierId,
                  MessageStatus.DELIVERED,
                  Optional.of("m-1"),
                  Optional.empty(),
                  Optional.empty(),
                  Optional.of(NOW)));
    }

    @Test
    void markSentByCarrierId() {
      String carrierId = sendOne("m-1");
      fake.markSent(carrierId);
      assertThat(applied)
          .singleElement()
          .isInstanceOfSatisfying(
              StatusUpdate.class, u -> assertThat(u.status()).isEqualTo(MessageStatus.SENT));
    }

    @Test
    @DisplayName("fail posts FAILED with the kind and the fake's code for it")
    void fail() {
      sendOne("m-1");
      fake.fail("m-1", GatewayError.optedOut());
      assertThat(applied)
          .singleElement()
          .isInstanceOfSatisfying(
              StatusUpdate.class,
              u -> {
                assertThat(u.status()).isEqualTo(MessageStatus.FAILED);
                assertThat(u.error()).contains(GatewayError.optedOut());
                assertThat(u.carrierCode()).contains("F610");
              });
    }

    @Test
    void undeliverPostsUndelivered() {
      sendOne("m-1");
      fake.undeliver("m-1", GatewayError.invalidNumber());
      assertThat(applied)
          .singleElement()
          .isInstanceOfSatisfying(
              StatusUpdate.class,
              u -> {
                assertThat(u.status()).isEqualTo(MessageStatus.UNDELIVERED);
                assertThat(u.error()).contains(GatewayError.invalidNumber());
              });
    }

    @Test
    void deliveringAMessageNeverSentIsNotFound() {
      assertThatThrownBy(() -> fake.deliver("m-unknown")).isInstanceOf(NotFoundException.class);
      assertThat(posted).isEmpty();
    }

    @Test
    @DisplayName("every request goes to the webhook URL as a signed JSON POST")
    void requestShape() {
      fake.replyFrom(ANA, SENDER, "Yes!");
      WebhookRequest request = posted.get(0);
      assertThat(request.method()).isEqualTo("POST");
      assertThat(request.url()).isEqualTo(FakeGateway.DEFAULT_WEBHOOK_URL);
      assertThat(request.header("content-type")).contains("application/json; charset=utf-8");
      assertThat(request.header("x-fake-signature")).isPresent();
    }
  }

  @Test
  @DisplayName("posting before connecting fails and says how to connect")
  void postNeedsAConnection() {
    assertThatThrownBy(() -> fake.replyFrom(ANA, SENDER, "Yes!"))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("connect");
  }

  @Nested
  @DisplayName("the wire format")
  class Wire {
    @Test
    @DisplayName("any events round-trip, optional fields and a rate limit's delay included")
    void roundTrip() {
      List<GatewayEvent> events =
          List.of(
              new InboundMessage(
                  "in-1",
                  ANA,
                  SENDER,
                  "",
                  List.of(URI.create("https://m/1.png")),
                  Optional.empty()),
              new StatusUpdate(
                  "FK-9",
                  MessageStatus.FAILED,
                  Optional.empty(),
                  Optional.of(GatewayError.rateLimited(Optional.of(Duration.ofSeconds(90)))),
                  Optional.of("30022"),
                  Optional.empty()),
              new StatusUpdate(
                  "FK-9",
                  MessageStatus.SENDING,
                  Optional.of("m-9"),
                  Optional.empty(),
                  Optional.empty(),
                  Optional.of(NOW)));
      assertThat(events(fake.parse(fake.webhooks().of(events)))).isEqualTo(events);
    }

    @Test
    void aStatusForAMessageTheFakeSentCarriesItsReference() {
      String carrierId = sendOne("m-7");
      assertThat(events(fake.parse(fake.webhooks().delivered(carrierId))))
          .singleElement()
          .isInstanceOfSatisfying(
              StatusUpdate.class, u -> assertThat(u.reference()).contains("m-7"));
    }

    @Test
    void aConfiguredUrlIsWhereRequestsGo() {
      URI url = URI.create("https://crm.example.org/p2p/hooks/fake-2?tenant=acme");
      FakeGateway other = FakeGateway.builder().webhookUrl(url).build();
      WebhookRequest request = other.webhooks().delivered("FK-1");
      assertThat(request.url()).isEqualTo(url);
      assertThat(other.parse(request)).isInstanceOf(WebhookResult.Accepted.class);
    }
  }

  @Nested
  @DisplayName("verification")
  class Verification {
    private final WebhookRequest good = fake.webhooks().inbound(ANA, SENDER, "Yes!");

    @Test
    void aMissingSignatureIsUnauthorized() {
      assertThat(rejection(fake.parse(fake.webhooks().unsigned(good)))).isEqualTo(401);
    }

    @Test
    void aWrongSignatureIsForbidden() {
      assertThat(rejection(fake.parse(fake.webhooks().withBadSignature(good)))).isEqualTo(403);
    }

    @Test
    @DisplayName("a signature that is not base64 is forbidden")
    void garbledSignature() {
      WebhookRequest garbled =
          new WebhookRequest(
              "POST",
              good.url(),
              java.util.Map.of("X-Fake-Signature", List.of("%%%")),
              good.body());
      assertThat(rejection(fake.parse(garbled))).isEqualTo(403);
    }

    @Test
    @DisplayName("a body changed after signing is forbidden")
    void tamperedBody() {
      byte[] body = good.bodyText().replace("Yes!", "STOP").getBytes(StandardCharsets.UTF_8);
      WebhookRequest tampered = new WebhookRequest("POST", good.url(), good.headers(), body);
      assertThat(rejection(fake.parse(tampered))).isEqualTo(403);
    }

    @Test
    @DisplayName("a request replayed to another URL is forbidden: the URL is signed")
    void otherUrl() {
      WebhookRequest moved =
          new WebhookRequest(
              "POST",
              URI.create("https://evil.example/webhooks/fake"),
              good.headers(),
              good.body());
      assertThat(rejection(fake.parse(moved))).isEqualTo(403);
    }

    @Test
    @DisplayName("a fake with another secret refuses this fake's requests")
    void otherSecret() {
      FakeGateway other = FakeGateway.builder().secret("another secret").build();
      assertThat(rejection(other.parse(good))).isEqualTo(403);
    }

    @Test
    void aSignedBodyThatIsNotJsonIsABadRequest() {
      assertThat(rejection(fake.parse(fake.webhooks().malformed()))).isEqualTo(400);
    }

    @Test
    @DisplayName("signed JSON that lacks an event's fields is a bad request naming the field")
    void missingField() {
      WebhookRequest request =
          new FakeWire(FakeGateway.DEFAULT_SECRET)
              .signed(
                  good.url(),
                  "{\"events\":[{\"type\":\"inbound\",\"id\":\"x\"}]}"
                      .getBytes(StandardCharsets.UTF_8));
      WebhookResult result = fake.parse(request);
      assertThat(rejection(result)).isEqualTo(400);
      assertThat(((WebhookResult.Rejected) result).reason()).contains("'from'");
    }

    @Test
    void aSignedGetIsABadRequest() {
      WebhookRequest get = new WebhookRequest("GET", good.url(), good.headers(), good.body());
      assertThat(rejection(fake.parse(get))).isEqualTo(400);
    }
  }
}

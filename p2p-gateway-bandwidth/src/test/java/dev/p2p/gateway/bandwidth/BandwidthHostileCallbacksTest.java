package dev.p2p.gateway.bandwidth;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import dev.p2p.Organization;
import dev.p2p.P2P;
import dev.p2p.action.ActionDraft;
import dev.p2p.action.SenderSettings;
import dev.p2p.assign.Target;
import dev.p2p.contact.NewContact;
import dev.p2p.conversation.Texter;
import dev.p2p.gateway.WebhookRequest;
import dev.p2p.gateway.WebhookResponse;
import dev.p2p.store.memory.InMemoryStore;
import dev.p2p.texter.TexterProfile;
import dev.p2p.webhook.Webhooks;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * Hostile Bandwidth callbacks through {@code p2p.webhooks()}: over the limits, of the wrong type,
 * or with fields of the wrong type or form, each is refused with its 4xx and stores nothing. The
 * organization has texted from our number, so an inbound message that got through would be stored.
 */
class BandwidthHostileCallbacksTest {
  private static final String ORG = "acme";
  private static final String OUR_NUMBER = "+13125550199";
  private static final String CONTACT = "+13125550101";
  private static final Instant NOW = Instant.parse("2026-11-03T15:00:00Z");

  private final WireMockServer server = new WireMockServer(options().dynamicPort());
  private final InMemoryStore store = InMemoryStore.create();
  private final Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
  private final P2P p2p;

  BandwidthHostileCallbacksTest() {
    server.start();
    BandwidthStubs stubs = new BandwidthStubs(server);
    BandwidthGateway bandwidth = BandwidthStubs.gateway(server, OUR_NUMBER).clock(clock).build();
    p2p = P2P.builder().store(store).clock(clock).gateway("bandwidth", bandwidth).build();
    Organization org = p2p.organization(ORG);
    org.texters().upsert(new TexterProfile("ana", "Ana", "Diaz"));
    long list = org.contacts().createList("GOTV").id();
    org.contacts().add(list, NewContact.builder(CONTACT).build());
    long action =
        org.actions()
            .create(
                ActionDraft.named("GOTV")
                    .contacts(list)
                    .initial("Hi")
                    .sender(SenderSettings.numbers("bandwidth", List.of(OUR_NUMBER))))
            .id();
    org.actions().publish(action);
    org.assignments().assign(action, Target.texter("ana"));
    Texter ana = org.texter("ana");
    ana.requestBatch(action);
    stubs.acceptNextSend("1667000000000abcdefghij", 1);
    ana.send(ana.nextToSend(action).orElseThrow().conversationId());
  }

  @AfterEach
  void close() {
    try {
      p2p.close();
    } finally {
      server.stop();
    }
  }

  /** An inbound message-received event from the contact to our number, numbered {@code n}. */
  private static ObjectNode inbound(int n) {
    ObjectNode message = CallbackBodies.message("in-" + n, OUR_NUMBER, "in");
    message.putArray("to").add(OUR_NUMBER);
    message.put("from", CONTACT).put("text", "Reply " + n);
    return CallbackBodies.event("message-received", OUR_NUMBER, "Incoming message", message);
  }

  /** Event 0 changed by {@code edit}, posted alone. */
  private WebhookResponse post(Consumer<ObjectNode> edit) {
    ObjectNode event = inbound(0);
    edit.accept(event);
    return p2p.webhooks().handle(CallbackBodies.callback(event));
  }

  /** How many inbound messages the organization's event feed records. */
  private long received() {
    return p2p.events().read(ORG, 0, 1_000).stream()
        .filter(e -> e.type().equals("message.received"))
        .count();
  }

  private static ObjectNode message(ObjectNode event) {
    return (ObjectNode) event.get("message");
  }

  @Nested
  @DisplayName("limits")
  class Limits {
    @Test
    @DisplayName("a request of 101 events is refused with 413 and stores none of them")
    void tooManyEvents() {
      ObjectNode[] events = new ObjectNode[Webhooks.MAX_EVENTS + 1];
      for (int i = 0; i < events.length; i++) {
        events[i] = inbound(i);
      }
      WebhookResponse response = p2p.webhooks().handle(CallbackBodies.callback(events));
      assertThat(response.status()).isEqualTo(413);
      assertThat(response.body()).contains("100 events");
      assertThat(received()).isZero();
    }

    @Test
    @DisplayName("a request of exactly 100 events stores all 100")
    void hundredEvents() {
      ObjectNode[] events = new ObjectNode[Webhooks.MAX_EVENTS];
      for (int i = 0; i < events.length; i++) {
        events[i] = inbound(i);
      }
      assertThat(p2p.webhooks().handle(CallbackBodies.callback(events)).status())
          .isBetween(200, 299);
      assertThat(received()).isEqualTo(Webhooks.MAX_EVENTS);
    }

    @Test
    @DisplayName("a body over 1 MiB is refused with 413 and stores nothing")
    void bodyTooLarge() {
      WebhookResponse response =
          post(event -> message(event).put("text", "x".repeat(Webhooks.MAX_BODY_BYTES)));
      assertThat(response.status()).isEqualTo(413);
      assertThat(received()).isZero();
    }

    @Test
    @DisplayName("a body that is not application/json is refused with 415 and stores nothing")
    void notJson() {
      String auth =
          BandwidthCallbackAuth.header(
              BandwidthStubs.CALLBACK_USER, BandwidthStubs.CALLBACK_PASSWORD);
      byte[] body = CallbackBodies.array(inbound(0)).getBytes(StandardCharsets.UTF_8);
      for (Map<String, List<String>> headers :
          List.of(
              Map.of("Authorization", List.of(auth), "Content-Type", List.of("text/plain")),
              Map.of(
                  "Authorization", List.of(auth),
                  "Content-Type", List.of("application/jsonx")),
              Map.of("Authorization", List.of(auth)))) {
        WebhookRequest request =
            new WebhookRequest("POST", BandwidthStubs.WEBHOOK_URL, headers, body);
        assertThat(p2p.webhooks().handle(request).status()).as("%s", headers).isEqualTo(415);
      }
      assertThat(received()).isZero();
    }
  }

  @Nested
  @DisplayName("fields")
  class Fields {
    @Test
    @DisplayName("text [1] is refused with 400 naming events[0].message.text, nothing stored")
    void textNotAString() {
      WebhookResponse response = post(event -> message(event).putArray("text").add(1));
      assertThat(response.status()).isEqualTo(400);
      assertThat(response.body()).contains("events[0].message.text must be a string");
      assertThat(received()).isZero();
    }

    @Test
    @DisplayName("a number, a boolean or an object where a string belongs is refused by name")
    void otherTypes() {
      assertThat(post(event -> message(event).put("from", 13125550101L)).body())
          .contains("events[0].message.from must be a string");
      assertThat(post(event -> event.put("to", true)).body())
          .contains("events[0].to must be a string");
      assertThat(post(event -> message(event).putObject("id")).body())
          .contains("events[0].message.id must be a string");
      assertThat(post(event -> event.put("type", 7)).body())
          .contains("events[0].type must be a string");
      assertThat(post(event -> message(event).put("direction", 1)).body())
          .contains("events[0].message.direction must be a string");
      assertThat(post(event -> message(event).put("time", 1)).body())
          .contains("events[0].message.time must be a string");
      assertThat(post(event -> message(event).put("media", "https://x.test/a.png")).body())
          .contains("events[0].message.media must be an array of URLs");
      assertThat(post(event -> message(event).putArray("media").add(5)).body())
          .contains("events[0].message.media must be an array of URLs");
      assertThat(received()).isZero();
    }

    @Test
    @DisplayName("from 'not-a-phone' is refused with 400 naming events[0].message.from")
    void fromNotAPhone() {
      WebhookResponse response = post(event -> message(event).put("from", "not-a-phone"));
      assertThat(response.status()).isEqualTo(400);
      assertThat(response.body()).contains("events[0].message.from is not an E.164 phone number");
      assertThat(received()).isZero();
    }

    @Test
    @DisplayName("a 'to' or 'owner' that is not E.164 is refused by name")
    void toNotAPhone() {
      assertThat(post(event -> event.put("to", "3125550199")).body())
          .contains("events[0].to is not an E.164 phone number");
      assertThat(
              post(event -> {
                    event.remove("to");
                    message(event).put("owner", "owner");
                  })
                  .body())
          .contains("events[0].message.owner is not an E.164 phone number");
      assertThat(received()).isZero();
    }

    @Test
    @DisplayName("a bad event after good ones stores none of the request")
    void badEventLast() {
      ObjectNode bad = inbound(2);
      message(bad).put("from", "not-a-phone");
      WebhookResponse response =
          p2p.webhooks().handle(CallbackBodies.callback(inbound(0), inbound(1), bad));
      assertThat(response.status()).isEqualTo(400);
      assertThat(response.body()).contains("events[2].message.from");
      assertThat(received()).isZero();
    }
  }
}

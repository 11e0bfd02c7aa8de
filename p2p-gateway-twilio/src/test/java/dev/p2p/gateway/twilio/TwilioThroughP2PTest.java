package dev.p2p.gateway.twilio;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import dev.p2p.Organization;
import dev.p2p.P2P;
import dev.p2p.action.ActionDraft;
import dev.p2p.action.SenderSettings;
import dev.p2p.assign.Target;
import dev.p2p.contact.NewContact;
import dev.p2p.conversation.Direction;
import dev.p2p.conversation.FailureKind;
import dev.p2p.conversation.Message;
import dev.p2p.conversation.MessageStatus;
import dev.p2p.conversation.Texter;
import dev.p2p.store.memory.InMemoryStore;
import dev.p2p.texter.TexterProfile;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Twilio's webhooks through p2p's pipeline: a message sent through the gateway to the stub server,
 * then Twilio's callbacks handed to {@code p2p.webhooks()} at the URLs the README gives.
 */
class TwilioThroughP2PTest {
  private static final String ORG = "acme";
  private static final String OUR_NUMBER = "+13125550199";
  private static final String CONTACT = "+13125550101";
  private static final String SID = "SM" + "b".repeat(32);
  private static final Instant NOW = Instant.parse("2026-11-03T15:00:00Z");

  private final WireMockServer server = new WireMockServer(options().dynamicPort());
  private final InMemoryStore store = InMemoryStore.create();
  private final Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
  private final TwilioStubs stubs;
  private final TwilioGateway twilio;
  private final P2P p2p;
  private long conversationId;

  TwilioThroughP2PTest() {
    server.start();
    stubs = new TwilioStubs(server);
    twilio =
        TwilioGateway.builder()
            .accountSid(TwilioStubs.ACCOUNT_SID)
            .authToken(TwilioStubs.AUTH_TOKEN)
            .senderNumbers(OUR_NUMBER)
            .statusCallback(TwilioStubs.STATUS_URL)
            .baseUrl(server.baseUrl())
            .clock(clock)
            .build();
    p2p = P2P.builder().store(store).clock(clock).gateway("twilio", twilio).build();
    p2p.organization(ORG);
  }

  @AfterEach
  void close() {
    try {
      stubs.sends().forEach(TwilioSpec.instance()::check);
    } finally {
      p2p.close();
      server.stop();
    }
  }

  /** A live action of the organization on a list holding the contact, texting from our number. */
  private long action(String name) {
    Organization org = p2p.organization(ORG);
    org.texters().upsert(new TexterProfile("ana", "Ana", "Diaz"));
    long list = org.contacts().createList(name).id();
    org.contacts().add(list, NewContact.builder(CONTACT).build());
    long action =
        org.actions()
            .create(
                ActionDraft.named(name)
                    .contacts(list)
                    .initial("Hi")
                    .sender(SenderSettings.numbers("twilio", List.of(OUR_NUMBER))))
            .id();
    org.actions().publish(action);
    org.assignments().assign(action, Target.texter("ana"));
    return action;
  }

  /** The contact's first message, sent by a texter through the gateway; Twilio answers with SID. */
  private long send() {
    long action = action("GOTV");
    Texter ana = p2p.organization(ORG).texter("ana");
    ana.requestBatch(action);
    stubs.acceptNextSend(SID, 1);
    conversationId = ana.nextToSend(action).orElseThrow().conversationId();
    return ana.send(conversationId).id();
  }

  private Message message(long id) {
    return store.messages().findMessage(ORG, id).orElseThrow();
  }

  /** Twilio's callback to the StatusCallback URL the gateway sent. */
  private int callback(MessageStatus status, String errorCode) {
    String url = Forms.first(stubs.lastForm(), "StatusCallback");
    Map<String, List<String>> params = TwilioStubs.statusParams(SID, status);
    if (!errorCode.isEmpty()) {
      params.put("ErrorCode", List.of(errorCode));
    }
    return p2p.webhooks().handle(stubs.signed(url, params)).status();
  }

  @Test
  @DisplayName("a delivered callback at /webhooks/twilio/status marks the message delivered")
  void delivered() {
    long id = send();
    assertThat(callback(MessageStatus.DELIVERED, "")).isEqualTo(204);
    assertThat(callback(MessageStatus.SENT, "")).isEqualTo(204);
    assertThat(message(id).status()).isEqualTo(MessageStatus.DELIVERED);
  }

  @Test
  @DisplayName("an undelivered callback with 30005 stores the message's failure as invalid number")
  void undelivered() {
    long id = send();
    assertThat(callback(MessageStatus.UNDELIVERED, "30005")).isEqualTo(204);
    assertThat(message(id).status()).isEqualTo(MessageStatus.UNDELIVERED);
    assertThat(message(id).failure()).contains(FailureKind.INVALID_NUMBER);
    long next = action("GOTV again");
    assertThat(p2p.organization(ORG).texter("ana").requestBatch(next))
        .as("no action hands the phone out again")
        .isZero();
  }

  @Test
  @DisplayName("an undelivered callback with 21610 opts the contact out of the organization")
  void unsubscribed() {
    send();
    assertThat(callback(MessageStatus.UNDELIVERED, "21610")).isEqualTo(204);
    assertThat(store.optOuts().findOptOut(ORG, CONTACT)).isPresent();
  }

  @Test
  @DisplayName("a reply Twilio flags with OptOutType STOP opts the contact out, whatever its words")
  void advancedOptOut() {
    send();
    Map<String, List<String>> params = new java.util.LinkedHashMap<>();
    params.put("MessageSid", List.of("SM" + "d".repeat(32)));
    params.put("AccountSid", List.of(TwilioStubs.ACCOUNT_SID));
    params.put("From", List.of(CONTACT));
    params.put("To", List.of(OUR_NUMBER));
    params.put("Body", List.of("please take me off your list"));
    params.put("NumMedia", List.of("0"));
    params.put("OptOutType", List.of("STOP"));
    assertThat(p2p.webhooks().handle(stubs.signed(TwilioStubs.INBOUND_URL, params)).status())
        .isEqualTo(200);
    assertThat(store.optOuts().findOptOut(ORG, CONTACT)).isPresent();
  }

  @Test
  @DisplayName("a reply at /webhooks/twilio lands once and is answered with empty TwiML")
  void reply() {
    send();
    URI photo = URI.create("https://api.twilio.com/2010-04-01/Accounts/AC/Messages/MM/Media/ME1");
    String inboundSid = "MM" + "c".repeat(32);
    var request = stubs.inbound(inboundSid, CONTACT, OUR_NUMBER, "Count me in!", List.of(photo));
    assertThat(p2p.webhooks().handle(request).body()).endsWith("<Response/>");
    assertThat(p2p.webhooks().handle(request).status()).isEqualTo(200);
    List<Message> replies =
        p2p.organization(ORG).conversations().messages(conversationId, 100).items().stream()
            .filter(m -> m.direction() == Direction.INBOUND)
            .toList();
    assertThat(replies)
        .singleElement()
        .satisfies(
            inbound -> {
              assertThat(inbound.carrierMessageId()).contains(inboundSid);
              assertThat(inbound.body()).isEqualTo("Count me in!");
              assertThat(inbound.media()).containsExactly(photo);
            });
  }

  @Test
  @DisplayName("a forged callback is refused with 403 and changes nothing")
  void forged() {
    long id = send();
    assertThat(p2p.webhooks().handle(stubs.badSignature()).status()).isEqualTo(403);
    assertThat(message(id).status()).isEqualTo(MessageStatus.QUEUED);
  }
}

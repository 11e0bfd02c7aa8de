package dev.p2p.webhook;

import dev.p2p.P2P;
import dev.p2p.action.Action;
import dev.p2p.action.ActionDraft;
import dev.p2p.action.ActionStatus;
import dev.p2p.contact.ContactDetails;
import dev.p2p.conversation.Direction;
import dev.p2p.conversation.Message;
import dev.p2p.conversation.QueuedMessage;
import dev.p2p.gateway.SendReceipt;
import dev.p2p.gateway.SmsGateway;
import dev.p2p.gateway.WebhookRequest;
import dev.p2p.store.ActionStore;
import dev.p2p.store.ClaimRequest;
import dev.p2p.store.ConversationUpdate;
import dev.p2p.store.MessageStore;
import dev.p2p.store.SendRecord;
import dev.p2p.store.Store;
import dev.p2p.store.memory.InMemoryStore;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;

/**
 * What the pipeline tests share: an in-memory store that can be told to fail, a clock the test
 * moves, and requests in {@link LineGateway}'s format.
 */
final class WebhookHarness {
  static final String ORG = "acme";
  static final String OUR_NUMBER = "+13125550100";
  static final String CONTACT = "+13125550123";
  static final Instant T0 = Instant.parse("2026-11-03T14:00:00Z");

  final InMemoryStore memory = InMemoryStore.create();
  final AtomicReference<String> failing = new AtomicReference<>("");
  final Store store = failingOn(memory, failing);
  final MovableClock clock = new MovableClock(T0);
  private long conversationId;

  /**
   * A store that throws from the operation named in {@code failing}, in the store itself or in one
   * of its parts (each part wrapped once, so the accessors still return one instance).
   */
  private static Store failingOn(Store target, AtomicReference<String> failing) {
    ActionStore actions = failingOn(ActionStore.class, target.actions(), failing, Map.of());
    MessageStore messages = failingOn(MessageStore.class, target.messages(), failing, Map.of());
    return failingOn(
        Store.class, target, failing, Map.of("actions", actions, "messages", messages));
  }

  private static <T> T failingOn(
      Class<T> type, T target, AtomicReference<String> failing, Map<String, Object> parts) {
    return type.cast(
        Proxy.newProxyInstance(
            WebhookHarness.class.getClassLoader(),
            new Class<?>[] {type},
            (proxy, method, args) -> {
              if (method.getName().equals(failing.get())) {
                throw new dev.p2p.StoreException("database unreachable", true);
              }
              Object part = method.getParameterCount() == 0 ? parts.get(method.getName()) : null;
              if (part != null) {
                return part;
              }
              try {
                return method.invoke(target, args);
              } catch (InvocationTargetException e) {
                throw e.getCause();
              }
            }));
  }

  P2P p2p(Map<String, SmsGateway> gateways) {
    P2P.Builder builder = P2P.builder().store(store).clock(clock);
    gateways.forEach(builder::gateway);
    P2P p2p = builder.build();
    p2p.organization(ORG);
    return p2p;
  }

  /**
   * An outbound message of the organization to {@link #CONTACT}, sent with this carrier id through
   * the gateway: the first message of a conversation of a new live action, recorded from {@link
   * #OUR_NUMBER} as the send path records it (binding the contact to the number, so replies find
   * the organization).
   */
  long sentMessage(String gatewayId, String carrierId) {
    memory.ensureOrganization(ORG, T0);
    long listId = memory.createList(ORG, "voters " + carrierId, T0).id();
    memory.addContact(ORG, listId, ContactDetails.ofPhone(CONTACT));
    Action draft =
        memory
            .actions()
            .createAction(
                ORG,
                ActionDraft.named("GOTV " + carrierId).contacts(listId).initial("Hi").spec(),
                T0);
    long actionId =
        memory
            .actions()
            .saveAction(ORG, draft, ActionStatus.PUBLISHED, draft.spec(), T0)
            .orElseThrow()
            .id();
    memory.assignments().openPool(ORG, actionId, T0);
    ClaimRequest one = new ClaimRequest(1, 0, Set.of("||"), Optional.empty());
    conversationId = memory.assignments().claim(ORG, actionId, "ana", one, T0).get(0);
    QueuedMessage queued =
        new QueuedMessage(gatewayId, "ref-" + carrierId, OUR_NUMBER, CONTACT, "Hi", List.of(), 1);
    SendRecord first =
        new SendRecord(
            conversationId,
            SendRecord.Kind.INITIAL,
            Optional.of("ana"),
            queued,
            List.of(OUR_NUMBER),
            ConversationUpdate.NONE,
            Duration.ZERO,
            0);
    long id = memory.conversations().recordSend(ORG, first, T0).id();
    memory.messages().markSent(ORG, id, SendReceipt.queued(carrierId), T0);
    return id;
  }

  Message message(long id) {
    return memory.messages().findMessage(ORG, id).orElseThrow();
  }

  /** The inbound message with this carrier id, in the sent message's conversation or unrouted. */
  Optional<Message> received(String carrierId) {
    List<Message> thread =
        conversationId == 0
            ? List.of()
            : memory.conversations().thread(ORG, conversationId, 0, 100);
    return Stream.concat(thread.stream(), memory.conversations().unrouted(ORG, 0, 100).stream())
        .filter(m -> m.direction() == Direction.INBOUND)
        .filter(m -> m.carrierMessageId().equals(Optional.of(carrierId)))
        .findFirst();
  }

  static WebhookRequest request(String url, String body) {
    return WebhookRequest.of(
        "POST",
        url,
        Map.of("X-Secret", List.of(LineGateway.SECRET)),
        body.getBytes(StandardCharsets.UTF_8));
  }

  static WebhookRequest unsigned(String url, String body) {
    return WebhookRequest.of("POST", url, Map.of(), body.getBytes(StandardCharsets.UTF_8));
  }

  /** A clock that stays put until the test moves it. */
  static final class MovableClock extends Clock {
    private volatile Instant now;

    MovableClock(Instant now) {
      this.now = now;
    }

    void set(Instant instant) {
      now = instant;
    }

    @Override
    public ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      return this;
    }

    @Override
    public Instant instant() {
      return now;
    }
  }
}

package dev.p2p.testkit;

import dev.p2p.action.Action;
import dev.p2p.action.ActionDraft;
import dev.p2p.action.ActionStatus;
import dev.p2p.action.Question;
import dev.p2p.contact.ContactDetails;
import dev.p2p.conversation.Conversation;
import dev.p2p.conversation.QueuedMessage;
import dev.p2p.field.Tag;
import dev.p2p.gateway.GatewayEvent.InboundMessage;
import dev.p2p.store.AssignmentStore;
import dev.p2p.store.ClaimRequest;
import dev.p2p.store.ConversationStore;
import dev.p2p.store.ConversationUpdate;
import dev.p2p.store.OptOutStore;
import dev.p2p.store.SendRecord;
import dev.p2p.store.Store;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Setup for the texting contracts, through the {@link Store} SPI only: lists of contacts, live
 * actions with open pools, claims and sends. The store is fresh for each test, with organizations
 * {@code acme} and {@code globex}.
 */
abstract class ConversationFixtures {
  static final Instant NOW = StoreContract.NOW;
  static final String ORG = StoreContract.ORG;
  static final String OTHER_ORG = StoreContract.OTHER_ORG;
  static final String GATEWAY = "twilio-acme";
  static final String OUR_NUMBER = "+13125550100";
  static final String OTHER_NUMBER = "+13125550101";

  /** The window key of a contact in Chicago, Illinois ({@link #contact}, odd numbers). */
  static final String CHICAGO = "America/Chicago|IL|IL";

  /** The window key of a contact without zone or states (even numbers). */
  static final String NOWHERE = "||";

  /** Both window keys. */
  static final Set<String> ALL_KEYS = Set.of(CHICAGO, NOWHERE);

  private final AtomicInteger references = new AtomicInteger();

  /** The store under test. */
  abstract Store store();

  AssignmentStore assignments() {
    return store().assignments();
  }

  ConversationStore conversations() {
    return store().conversations();
  }

  OptOutStore optOuts() {
    return store().optOuts();
  }

  /** The phone of contact {@code n}. */
  static String phone(int n) {
    return String.format("+1312555%04d", n);
  }

  /** Contact {@code n}: odd ones in Chicago with states, even ones with neither. */
  static ContactDetails contact(int n) {
    ContactDetails plain = ContactDetails.ofPhone(phone(n));
    if (n % 2 == 0) {
      return plain;
    }
    return new ContactDetails(
        plain.phone(),
        "Ana",
        "García",
        Optional.of("60601"),
        Optional.of(ZoneId.of("America/Chicago")),
        Optional.of("IL"),
        Optional.of("IL"),
        Optional.empty(),
        Map.of());
  }

  /** A list of the organization with contacts {@code from} to {@code to}, inclusive. */
  long list(String orgId, int from, int to) {
    long listId = store().createList(orgId, "List " + from + "-" + to, NOW).id();
    for (int n = from; n <= to; n++) {
      store().addContact(orgId, listId, contact(n));
    }
    return listId;
  }

  /** A published action of the organization on the list, asking for a report or not. */
  Action publish(String orgId, long listId, boolean asksReport) {
    ActionDraft draft = ActionDraft.named("Action on " + listId).contacts(listId).initial("Hi!");
    if (asksReport) {
      if (store().actions().findTag(orgId, "supporter").isEmpty()) {
        store().actions().createTag(orgId, Tag.named("supporter"));
      }
      draft = draft.question(Question.tags("Will they vote?", "supporter"));
    }
    Action created = store().actions().createAction(orgId, draft.spec(), NOW);
    return store()
        .actions()
        .saveAction(orgId, created, ActionStatus.PUBLISHED, created.spec(), NOW)
        .orElseThrow();
  }

  /** A live action of {@link #ORG} on contacts 1 to {@code n}, its pool open. */
  long live(int n) {
    return live(ORG, list(ORG, 1, n), false);
  }

  /** A live action of the organization on the list, its pool open. */
  long live(String orgId, long listId, boolean asksReport) {
    long actionId = publish(orgId, listId, asksReport).id();
    assignments().openPool(orgId, actionId, NOW);
    return actionId;
  }

  /** A request for up to {@code count} conversations in every window, no limits. */
  static ClaimRequest request(int count) {
    return new ClaimRequest(count, 0, ALL_KEYS, Optional.empty());
  }

  List<Long> claim(long actionId, String texter, int count) {
    return assignments().claim(ORG, actionId, texter, request(count), NOW);
  }

  Conversation find(long conversationId) {
    return conversations().findConversation(ORG, conversationId).orElseThrow();
  }

  /** A queued message to the phone with a fresh reference. */
  QueuedMessage message(String to, String sender) {
    return message(GATEWAY, to, sender);
  }

  /** A queued message to the phone through the gateway, with a fresh reference. */
  QueuedMessage message(String gatewayId, String to, String sender) {
    return new QueuedMessage(
        gatewayId, "ref-" + references.incrementAndGet(), sender, to, "Hi there", List.of(), 1);
  }

  SendRecord record(long conversationId, SendRecord.Kind kind, String texter) {
    return record(conversationId, kind, texter, ConversationUpdate.NONE);
  }

  SendRecord record(
      long conversationId, SendRecord.Kind kind, String texter, ConversationUpdate effects) {
    String to = find(conversationId).contactPhone();
    return new SendRecord(
        conversationId,
        kind,
        kind == SendRecord.Kind.AUTOMATIC ? Optional.empty() : Optional.of(texter),
        message(to, OUR_NUMBER),
        effects,
        Duration.ZERO);
  }

  long sendInitial(long conversationId, String texter, Instant at) {
    return conversations()
        .recordSend(ORG, record(conversationId, SendRecord.Kind.INITIAL, texter), at)
        .id();
  }

  /** Claims one conversation of the action for the texter and sends its initial message. */
  long started(long actionId, String texter, Instant at) {
    long id = claim(actionId, texter, 1).get(0);
    sendInitial(id, texter, at);
    return id;
  }

  static InboundMessage inbound(String carrierId, String from, String to) {
    return new InboundMessage(carrierId, from, to, "Yes!", List.of(), Optional.empty());
  }

  /** Runs the task on {@code threads} threads started together; returns each one's result. */
  static <T> List<T> race(int threads, IntTask<T> task) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      CountDownLatch start = new CountDownLatch(1);
      List<Future<T>> futures = new ArrayList<>();
      for (int t = 0; t < threads; t++) {
        int n = t;
        Callable<T> call =
            () -> {
              start.await();
              return task.run(n);
            };
        futures.add(pool.submit(call));
      }
      start.countDown();
      List<T> results = new ArrayList<>();
      for (Future<T> f : futures) {
        results.add(f.get());
      }
      return results;
    } finally {
      pool.shutdownNow();
    }
  }

  /** A task numbered by its thread. */
  @FunctionalInterface
  interface IntTask<T> {
    T run(int thread) throws Exception;
  }
}

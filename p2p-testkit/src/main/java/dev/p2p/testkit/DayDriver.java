package dev.p2p.testkit;

import dev.p2p.Organization;
import dev.p2p.P2P;
import dev.p2p.action.Action;
import dev.p2p.contact.ImportOptions;
import dev.p2p.contact.ImportReport;
import dev.p2p.conversation.Conversation;
import dev.p2p.conversation.Message;
import dev.p2p.conversation.NextMessage;
import dev.p2p.conversation.Texter;
import dev.p2p.event.Event;
import dev.p2p.gateway.GatewayError;
import dev.p2p.gateway.WebhookRequest;
import dev.p2p.gateway.WebhookResponse;
import dev.p2p.store.Store;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Supplier;

/**
 * What {@link ParityDay}'s steps are made of: p2p on the store under a {@link MutableClock} with
 * {@link FakeGateway}, and the calls that write what they observe to the {@link Journal} (imports,
 * publishing, claims, sends, carrier callbacks). Not thread-safe: one day, one thread.
 */
final class DayDriver implements AutoCloseable {
  /**
   * A texter's click: a little over a second, so that the default rate of one message a second per
   * number never waits, with nanoseconds, so that the transcript shows how each store keeps time.
   */
  private static final Duration CLICK = Duration.ofSeconds(1, 123_456_789);

  private static final long RECEIPT_WAIT_NANOS = TimeUnit.SECONDS.toNanos(30);

  final MutableClock clock;

  /** When the carrier answers the sends {@link FakeGateway#delayNext} holds back. */
  final ManualScheduler carrierTime = new ManualScheduler();

  final FakeGateway fake;
  final Journal journal = new Journal();
  final P2P p2p;
  final Organization org;

  DayDriver(Store store, Instant start, String orgId) {
    clock = MutableClock.at(start);
    fake = FakeGateway.builder().clock(clock).scheduler(carrierTime).build();
    p2p = P2P.builder().store(store).clock(clock).gateway("fake", fake).build();
    fake.connect(p2p.webhooks()::handle);
    org = p2p.organization(orgId);
  }

  void click() {
    clock.advance(CLICK);
  }

  void line(String text) {
    journal.line(text);
  }

  /** Posts a carrier callback, writes the answer's status, and waits for any receipt it caused. */
  void webhook(String what, Supplier<WebhookResponse> post) {
    line("webhook " + what + ": " + post.get().status());
    awaitReceipts();
  }

  void post(String what, WebhookRequest request) {
    webhook(what, () -> fake.post(request));
  }

  /**
   * Waits until every message the carrier accepted has its {@code message.sent} event: p2p writes
   * the receipt of an automatic answer (HELP) on its own thread after the webhook returns, stamped
   * with the clock, which must not move before.
   */
  private void awaitReceipts() {
    long deadline = System.nanoTime() + RECEIPT_WAIT_NANOS;
    while (events().stream().filter(e -> e.type().equals("message.sent")).count()
        < fake.sent().size()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError(
            fake.sent().size() + " messages accepted, but not as many message.sent events");
      }
      LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(1));
    }
  }

  /** The organization's whole feed. */
  List<Event> events() {
    List<Event> all = new ArrayList<>();
    while (true) {
      long after = all.isEmpty() ? 0 : all.get(all.size() - 1).position();
      List<Event> page = p2p.events().read(org.id(), after, 1_000);
      if (page.isEmpty()) {
        return all;
      }
      all.addAll(page);
    }
  }

  Conversation conversation(long id) {
    return org.conversations().find(id).orElseThrow();
  }

  long importCsv(String name, String csv) {
    ImportReport report =
        org.contacts()
            .importCsv(name, DayFixtures.csv(csv), ImportOptions.defaults(), progress -> {});
    long listId = report.listId().orElseThrow();
    line(
        "imported "
            + name
            + " as "
            + journal.id("list", listId)
            + ": read="
            + report.rowsRead()
            + " imported="
            + report.imported()
            + " duplicates="
            + report.duplicates()
            + " invalid="
            + report.invalid()
            + " errors="
            + report.errors()
            + " columns="
            + new TreeMap<>(report.columns()));
    return listId;
  }

  long publish(Action draft) {
    Action published = org.actions().publish(draft.id());
    line(
        "published "
            + journal.id("action", published.id())
            + " "
            + published.name()
            + " "
            + published.status());
    return published.id();
  }

  void claim(Texter texter, long actionId, String action) {
    click();
    line(texter.id() + " claims " + texter.requestBatch(actionId) + " of " + action);
  }

  /**
   * Sends the texter's first messages, at most {@code most}, the carrier refusing the one at index
   * {@code failAt} (-1: none); adds each conversation to {@code sent} and its message to {@code
   * initials}.
   */
  void sendAll(
      Texter texter,
      long actionId,
      List<Long> sent,
      Map<Long, Message> initials,
      int failAt,
      int most) {
    Optional<NextMessage> next;
    while (sent.size() < most && (next = texter.nextToSend(actionId)).isPresent()) {
      line(texter.id() + " previews " + preview(next.get()));
      if (sent.size() == failAt) {
        fake.failNext(1, GatewayError.permanent());
      }
      click();
      Message message = texter.send(next.get().conversationId());
      line(texter.id() + " sent " + journal.message(message));
      sent.add(next.get().conversationId());
      initials.put(next.get().conversationId(), message);
    }
  }

  String preview(NextMessage next) {
    return journal.conversation(next.conversation())
        + " variant="
        + next.variant()
        + " segments="
        + next.segments().count()
        + " body="
        + next.body();
  }

  @Override
  public void close() {
    p2p.close();
  }
}

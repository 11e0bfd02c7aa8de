package dev.p2p.store.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.p2p.NotFoundException;
import dev.p2p.ValidationException;
import dev.p2p.contact.Contact;
import dev.p2p.contact.ContactDetails;
import dev.p2p.contact.ContactList;
import dev.p2p.conversation.Message;
import dev.p2p.conversation.MessageStatus;
import dev.p2p.conversation.QueuedMessage;
import dev.p2p.gateway.GatewayEvent.StatusUpdate;
import dev.p2p.gateway.SendReceipt;
import dev.p2p.store.ClaimRequest;
import dev.p2p.store.ContactImport;
import dev.p2p.store.ConversationUpdate;
import dev.p2p.store.SendRecord;
import dev.p2p.texter.GroupKind;
import dev.p2p.texter.TexterProfile;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/** Checks beyond the store contract that every database runs: H2, PostgreSQL and MariaDB. */
final class VendorChecks {
  private static final Instant NOW = Instant.parse("2026-11-03T14:00:00Z");

  private VendorChecks() {}

  /** A contact whose text needs escaping in every wire format: quotes, commas, newlines. */
  static ContactDetails awkwardContact() {
    Map<String, String> fields = new LinkedHashMap<>();
    fields.put("note", "line one\nline \"two\", \\N\ttab");
    fields.put("empty", "");
    return new ContactDetails(
        "+13125550100",
        "\"Ana\", María",
        "O'Brien\r\n",
        Optional.of(""),
        Optional.of(ZoneOffset.ofHours(-5)),
        Optional.empty(),
        Optional.of("IL"),
        Optional.of("\\N"),
        fields);
  }

  /** Imports awkward and empty-string values and reads them back unchanged. */
  static void importRoundTripsAwkwardText(JdbcStore store) {
    store.ensureOrganization("acme", NOW);
    ContactList list;
    try (ContactImport imp = store.beginImport("acme", "Awkward", NOW)) {
      imp.add(List.of(awkwardContact(), ContactDetails.ofPhone("+13125550101")));
      list = imp.complete();
    }
    assertThat(list.size()).isEqualTo(2);
    assertThat(store.contacts("acme", list.id(), 0, 10))
        .extracting(Contact::details)
        .containsExactly(awkwardContact(), ContactDetails.ofPhone("+13125550101"));
  }

  /**
   * Threads adding contacts to one list at once: every distinct phone lands, each contested phone
   * exactly once, and the list's size counts them all.
   */
  static void concurrentAddsKeepCountAndUniqueness(JdbcStore store) throws Exception {
    store.ensureOrganization("acme", NOW);
    long listId = store.createList("acme", "Race", NOW).id();
    int threads = 6;
    int perThread = 25;
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      CountDownLatch start = new CountDownLatch(1);
      List<Future<Integer>> results = new ArrayList<>();
      for (int t = 0; t < threads; t++) {
        int thread = t;
        results.add(
            pool.submit(
                () -> {
                  start.await();
                  int refused = 0;
                  for (int i = 0; i < perThread; i++) {
                    String own = String.format("+1312555%02d%02d", thread, i);
                    store.addContact("acme", listId, ContactDetails.ofPhone(own));
                    String shared = String.format("+1313555%04d", i);
                    try {
                      store.addContact("acme", listId, ContactDetails.ofPhone(shared));
                    } catch (ValidationException e) {
                      refused++;
                    }
                  }
                  return refused;
                }));
      }
      start.countDown();
      int refused = 0;
      for (Future<Integer> result : results) {
        refused += result.get(60, TimeUnit.SECONDS);
      }
      assertThat(refused).isEqualTo((threads - 1) * perThread);
      assertThat(store.findList("acme", listId).map(ContactList::size))
          .contains((long) threads * perThread + perThread);
    } finally {
      pool.shutdownNow();
    }
  }

  /**
   * Threads parking early statuses at once (a fast carrier's callbacks arriving before the send
   * receipts, on many app nodes): none fails, and each is applied once its receipt is stored.
   */
  static void concurrentEarlyStatusesPark(JdbcStore store) throws Exception {
    store.ensureOrganization("acme", NOW);
    int threads = 6;
    int perThread = 15;
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      CountDownLatch start = new CountDownLatch(1);
      List<Future<?>> results = new ArrayList<>();
      for (int t = 0; t < threads; t++) {
        int thread = t;
        results.add(
            pool.submit(
                () -> {
                  start.await();
                  for (int i = 0; i < perThread; i++) {
                    store
                        .messages()
                        .applyStatus(
                            "twilio", delivered(String.format("SM%02d%02d", thread, i)), NOW);
                  }
                  return null;
                }));
      }
      start.countDown();
      for (Future<?> result : results) {
        result.get(60, TimeUnit.SECONDS);
      }
    } finally {
      pool.shutdownNow();
    }
    long id = queued(store, 1).get(0);
    store.messages().markSent("acme", id, SendReceipt.queued("SM0307"), NOW);
    assertThat(store.messages().findMessage("acme", id).orElseThrow().status())
        .isEqualTo(MessageStatus.DELIVERED);
  }

  /**
   * Receipts and their delivery statuses stored at once from two threads, as two app nodes would
   * when the carrier calls back fast: neither fails, and every message ends delivered.
   */
  static void receiptsAndStatusesRacing(JdbcStore store) throws Exception {
    int messages = 40;
    List<Long> ids = queued(store, messages);
    ExecutorService pool = Executors.newFixedThreadPool(2);
    try {
      CountDownLatch start = new CountDownLatch(1);
      Future<?> receipts =
          pool.submit(
              () -> {
                start.await();
                for (int i = 0; i < messages; i++) {
                  store.messages().markSent("acme", ids.get(i), SendReceipt.queued("SM-" + i), NOW);
                }
                return null;
              });
      Future<?> statuses =
          pool.submit(
              () -> {
                start.await();
                for (int i = 0; i < messages; i++) {
                  store.messages().applyStatus("twilio", delivered("SM-" + i), NOW);
                }
                return null;
              });
      start.countDown();
      receipts.get(60, TimeUnit.SECONDS);
      statuses.get(60, TimeUnit.SECONDS);
    } finally {
      pool.shutdownNow();
    }
    for (long id : ids) {
      assertThat(store.messages().findMessage("acme", id).orElseThrow().status())
          .as("message %d", id)
          .isEqualTo(MessageStatus.DELIVERED);
    }
  }

  /**
   * The race between a send receipt and a status for it, on two app nodes: the receipt's
   * transaction has read the parked statuses and not committed yet (held here by a lock on a parked
   * row), while the status finds no message and parks. The status must still be applied.
   *
   * @param blockerId the query for the current session's id
   * @param waitingOn the query counting the sessions waiting for the session with this id
   */
  static void statusParkedWhileReceiptCommitsIsApplied(
      JdbcStore store, javax.sql.DataSource dataSource, String blockerId, String waitingOn)
      throws Exception {
    long id = queued(store, 1).get(0);
    store.messages().applyStatus("twilio", status("SM1", MessageStatus.SENT), NOW);
    ExecutorService node = Executors.newSingleThreadExecutor();
    try (Connection lock = dataSource.getConnection()) {
      lock.setAutoCommit(false);
      try (PreparedStatement ps =
          lock.prepareStatement(
              "SELECT status FROM early_statuses WHERE carrier_message_id = 'SM1' FOR UPDATE")) {
        ps.executeQuery().close();
      }
      Future<Optional<Message>> receipt =
          node.submit(() -> store.messages().markSent("acme", id, SendReceipt.queued("SM1"), NOW));
      awaitWaiter(dataSource, lock, blockerId, waitingOn);

      store.messages().applyStatus("twilio", delivered("SM1"), NOW.plusMillis(1));

      lock.commit();
      assertThat(receipt.get(60, TimeUnit.SECONDS)).isPresent();
    } finally {
      node.shutdownNow();
    }
    assertThat(store.messages().findMessage("acme", id).orElseThrow().status())
        .isEqualTo(MessageStatus.DELIVERED);
  }

  /**
   * Polls on a connection of its own (PostgreSQL's activity view is fixed for a transaction) until
   * a session waits for the blocker's locks. No sleep: each poll is a round trip.
   */
  private static void awaitWaiter(
      javax.sql.DataSource dataSource, Connection blocker, String blockerId, String waitingOn)
      throws SQLException {
    Object self;
    try (PreparedStatement ps = blocker.prepareStatement(blockerId);
        ResultSet rs = ps.executeQuery()) {
      rs.next();
      self = rs.getObject(1);
    }
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    try (Connection poll = dataSource.getConnection()) {
      poll.setAutoCommit(true);
      while (System.nanoTime() < deadline) {
        try (PreparedStatement ps = poll.prepareStatement(waitingOn)) {
          ps.setObject(1, self);
          try (ResultSet rs = ps.executeQuery()) {
            rs.next();
            if (rs.getLong(1) > 0) {
              return;
            }
          }
        }
      }
    }
    throw new AssertionError("the receipt never reached the locked parked status");
  }

  /**
   * The first messages of {@code count} conversations of a new live action of {@code acme}, queued
   * through Twilio as the send path records them.
   *
   * @return their ids, in conversation order
   */
  static List<Long> queued(JdbcStore store, int count) {
    long actionId = EventFixtures.liveAction(store, count);
    ClaimRequest all = new ClaimRequest(count, 0, Set.of("||"), Optional.empty());
    List<Long> ids = new ArrayList<>();
    for (long conversationId : store.assignments().claim("acme", actionId, "ana", all, NOW)) {
      String to =
          store
              .conversations()
              .findConversation("acme", conversationId)
              .orElseThrow()
              .contactPhone();
      QueuedMessage hi =
          new QueuedMessage(
              "twilio", "ref-" + conversationId, "+13125550100", to, "Hi", List.of(), 1);
      SendRecord first =
          new SendRecord(
              conversationId,
              SendRecord.Kind.INITIAL,
              Optional.of("ana"),
              hi,
              ConversationUpdate.NONE,
              Duration.ZERO);
      ids.add(store.conversations().recordSend("acme", first, NOW).id());
    }
    return ids;
  }

  static StatusUpdate delivered(String carrierId) {
    return status(carrierId, MessageStatus.DELIVERED);
  }

  static StatusUpdate status(String carrierId, MessageStatus status) {
    return new StatusUpdate(
        carrierId, status, Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty());
  }

  /** Writes for an organization that was never ensured are refused as not found. */
  static void writesToAnUnknownOrganizationAreNotFound(JdbcStore store) {
    assertThatThrownBy(() -> store.createList("nobody", "GOTV", NOW))
        .isInstanceOf(NotFoundException.class)
        .hasMessageContaining("organization nobody");
    assertThatThrownBy(() -> store.upsertTexter("nobody", new TexterProfile("ana", "Ana", "")))
        .isInstanceOf(NotFoundException.class);
    assertThatThrownBy(() -> store.upsertGroup("nobody", GroupKind.TEAM, "vols", "Volunteers"))
        .isInstanceOf(NotFoundException.class);
    assertThatThrownBy(() -> store.beginImport("nobody", "Voters", NOW))
        .isInstanceOf(NotFoundException.class);
  }
}

package dev.p2p.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.p2p.NotFoundException;
import dev.p2p.conversation.MessageStatus;
import dev.p2p.conversation.QueuedMessage;
import dev.p2p.gateway.SendReceipt;
import dev.p2p.store.Store;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The sender-number operations of {@link dev.p2p.store.MessageStore}: sticky bindings, even spread
 * over a pool, atomic binding under concurrency, and the routing of inbound messages to their
 * organization. Run by {@link StoreContract} on every store; the store is fresh, with organizations
 * {@code acme} and {@code globex}.
 */
abstract class SenderBindingContract {
  static final Instant NOW = StoreContract.NOW;
  static final String ORG = StoreContract.ORG;
  static final String OTHER_ORG = StoreContract.OTHER_ORG;
  static final String GATEWAY = "twilio-acme";
  static final String A = "+13125550101";
  static final String B = "+13125550102";
  static final String C = "+13125550103";
  static final List<String> POOL = List.of(A, B, C);

  /** The store under test. */
  abstract Store store();

  static String contact(int n) {
    return String.format("+1773555%04d", n);
  }

  private String bind(String orgId, int contact, List<String> pool) {
    return store().messages().bindSender(orgId, GATEWAY, contact(contact), pool, NOW);
  }

  @Test
  @DisplayName("a contact keeps its number across calls and across actions with other pools")
  void aContactKeepsItsNumber() {
    bind(ORG, 1, POOL);
    String first = bind(ORG, 2, POOL);
    assertThat(first).isEqualTo(B);
    assertThat(bind(ORG, 2, POOL)).isEqualTo(B);
    assertThat(bind(ORG, 2, List.of(C, B))).isEqualTo(B);
    assertThat(store().messages().findSender(ORG, GATEWAY, contact(2))).contains(B);
  }

  @Test
  @DisplayName("when the pool no longer holds its number, a contact moves to the least used one")
  void poolChangeMovesTheContact() {
    bind(ORG, 1, POOL);
    bind(ORG, 2, List.of(B));
    assertThat(bind(ORG, 1, List.of(B, C))).isEqualTo(C);
    assertThat(store().messages().findSender(ORG, GATEWAY, contact(1))).contains(C);
  }

  @Test
  @DisplayName("new contacts spread evenly over the pool, ties going to the earlier number")
  void newContactsSpreadEvenly() {
    List<String> chosen = new ArrayList<>();
    for (int i = 0; i < 7; i++) {
      chosen.add(bind(ORG, i, POOL));
    }
    assertThat(chosen).containsExactly(A, B, C, A, B, C, A);
  }

  @Test
  @DisplayName("a contact moved away frees its place in the count")
  void movesAreCounted() {
    bind(ORG, 1, POOL);
    bind(ORG, 2, POOL);
    bind(ORG, 2, List.of(C));
    assertThat(bind(ORG, 3, POOL)).isEqualTo(B);
  }

  @Test
  @DisplayName("bindings of another organization or another gateway neither stick nor count")
  void bindingsAreScopedToOrganizationAndGateway() {
    bind(OTHER_ORG, 1, List.of(C));
    bind(OTHER_ORG, 2, POOL);
    store().messages().bindSender(ORG, "bandwidth", contact(3), List.of(A), NOW);
    assertThat(bind(ORG, 1, POOL)).isEqualTo(A);
    assertThat(bind(ORG, 3, POOL)).isEqualTo(B);
    assertThat(store().messages().findSender(ORG, "bandwidth", contact(1))).isEmpty();
  }

  @Test
  @DisplayName("binding for an unknown organization is not found and binds nothing")
  void bindingForAnUnknownOrganizationFails() {
    assertThatThrownBy(() -> bind("nobody", 1, POOL)).isInstanceOf(NotFoundException.class);
    assertThat(store().messages().findSender("nobody", GATEWAY, contact(1))).isEmpty();
    assertThat(store().messages().findOrganization(GATEWAY, A, contact(1))).isEmpty();
  }

  @Test
  @DisplayName("many threads binding one new contact at once all get one number")
  void concurrentBindingGivesOneNumber() throws Exception {
    int threads = 8;
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      CountDownLatch start = new CountDownLatch(1);
      List<Future<String>> results = new ArrayList<>();
      for (int t = 0; t < threads; t++) {
        // Each thread offers the numbers in another order, so each would pick another alone.
        List<String> rotated = new ArrayList<>(POOL);
        Collections.rotate(rotated, t);
        Callable<String> task =
            () -> {
              start.await();
              return store().messages().bindSender(ORG, GATEWAY, contact(1), rotated, NOW);
            };
        results.add(pool.submit(task));
      }
      start.countDown();
      HashSet<String> numbers = new HashSet<>();
      for (Future<String> result : results) {
        numbers.add(result.get());
      }
      assertThat(numbers).hasSize(1);
      assertThat(store().messages().findSender(ORG, GATEWAY, contact(1)))
          .contains(numbers.iterator().next());
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  @DisplayName("an inbound message routes to the organization bound to that contact and number")
  void inboundRoutesByBinding() {
    bind(ORG, 1, List.of(A));
    bind(OTHER_ORG, 2, List.of(A));
    assertThat(store().messages().findOrganization(GATEWAY, A, contact(1))).contains(ORG);
    assertThat(store().messages().findOrganization(GATEWAY, A, contact(2))).contains(OTHER_ORG);
    assertThat(store().messages().findOrganization(GATEWAY, B, contact(1))).isEmpty();
    assertThat(store().messages().findOrganization("bandwidth", A, contact(1))).isEmpty();
  }

  @Test
  @DisplayName("a contact with no binding to the number reaches the organization that used it last")
  void inboundFromAnUnboundContactRoutesByNumber() {
    store().messages().bindSender(ORG, GATEWAY, contact(1), List.of(A), NOW);
    store().messages().bindSender(OTHER_ORG, GATEWAY, contact(2), List.of(A), NOW.plusSeconds(60));
    store().messages().bindSender(ORG, GATEWAY, contact(4), List.of(B), NOW.plusSeconds(120));
    assertThat(store().messages().findOrganization(GATEWAY, A, contact(3))).contains(OTHER_ORG);
    assertThat(store().messages().findOrganization(GATEWAY, B, contact(3))).contains(ORG);
    assertThat(store().messages().findOrganization(GATEWAY, C, contact(3))).isEmpty();
    assertThat(store().messages().findOrganization("bandwidth", A, contact(3))).isEmpty();
  }

  @Test
  @DisplayName("when two organizations text a contact from one number, the later one gets replies")
  void inboundRoutesToTheLatestUser() {
    store().messages().bindSender(ORG, GATEWAY, contact(1), List.of(A), NOW);
    store().messages().bindSender(OTHER_ORG, GATEWAY, contact(1), List.of(A), NOW.plusSeconds(60));
    assertThat(store().messages().findOrganization(GATEWAY, A, contact(1))).contains(OTHER_ORG);
    store().messages().bindSender(ORG, GATEWAY, contact(1), List.of(A), NOW.plusSeconds(120));
    assertThat(store().messages().findOrganization(GATEWAY, A, contact(1))).contains(ORG);
  }

  @Test
  @DisplayName("a receipt naming the number a messaging service used binds the contact to it")
  void receiptFromBindsTheContact() {
    QueuedMessage viaService =
        new QueuedMessage(GATEWAY, "ref-1", "MG123", contact(1), "Hi", List.of(), 1);
    long id = store().messages().recordOutbound(ORG, viaService, NOW);
    store()
        .messages()
        .markSent(
            ORG,
            id,
            new SendReceipt("SM1", MessageStatus.QUEUED, OptionalInt.empty(), Optional.of(C)),
            NOW);
    assertThat(store().messages().findSender(ORG, GATEWAY, contact(1))).contains(C);
    assertThat(store().messages().findOrganization(GATEWAY, C, contact(1))).contains(ORG);
  }
}

package dev.p2p.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.p2p.NotFoundException;
import dev.p2p.conversation.Message;
import dev.p2p.conversation.MessageStatus;
import dev.p2p.conversation.QueuedMessage;
import dev.p2p.gateway.SendReceipt;
import dev.p2p.store.ConversationUpdate;
import dev.p2p.store.SendRecord;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Sender numbers: the number a contact is texted from, bound when {@link
 * dev.p2p.store.ConversationStore#recordSend} records a first message whose action texts from a
 * pool, and found again by {@link dev.p2p.store.MessageStore#findOrganization} when the contact
 * writes back. Sticky bindings, even spread over a pool, atomic binding under concurrency, and the
 * routing of inbound messages to their organization. Run by {@link StoreContract} on every store;
 * the store is fresh, with organizations {@code acme} and {@code globex}.
 */
abstract class SenderBindingContract extends ConversationFixtures {
  static final String A = "+13125550101";
  static final String B = "+13125550102";
  static final String C = "+13125550103";
  static final List<String> POOL = List.of(A, B, C);

  /** The initial message of the conversation, its sender chosen from the pool (none: its own). */
  SendRecord first(long conversationId, String gatewayId, String to, List<String> pool) {
    return new SendRecord(
        conversationId,
        SendRecord.Kind.INITIAL,
        Optional.of("ana"),
        message(gatewayId, to, OUR_NUMBER),
        pool,
        ConversationUpdate.NONE,
        Duration.ZERO,
        0);
  }

  /** Claims a new conversation with the contact in a new action of the organization. */
  long conversationWith(String orgId, int contact, Instant at) {
    long actionId = live(orgId, list(orgId, contact, contact), false);
    return assignments().claim(orgId, actionId, "ana", request(1), at).get(0);
  }

  /**
   * Records the first message of a new conversation with the contact through the gateway, at {@code
   * at}, as the send path does for an action that texts from the pool.
   *
   * @return the number it goes out from
   */
  String send(String orgId, String gatewayId, int contact, List<String> pool, Instant at) {
    long id = conversationWith(orgId, contact, at);
    return conversations()
        .recordSend(orgId, first(id, gatewayId, phone(contact), pool), at)
        .sender();
  }

  String send(String orgId, int contact, List<String> pool) {
    return send(orgId, GATEWAY, contact, pool, NOW);
  }

  @Test
  @DisplayName("a contact keeps its number across conversations and actions with other pools")
  void aContactKeepsItsNumber() {
    send(ORG, 1, POOL);
    assertThat(send(ORG, 2, POOL)).isEqualTo(B);
    assertThat(send(ORG, 2, POOL)).isEqualTo(B);
    assertThat(send(ORG, 2, List.of(C, B))).isEqualTo(B);
  }

  @Test
  @DisplayName("when the pool no longer holds its number, a contact moves to the least used one")
  void poolChangeMovesTheContact() {
    send(ORG, 1, POOL);
    send(ORG, 2, List.of(B));
    assertThat(send(ORG, 1, List.of(B, C))).isEqualTo(C);
    assertThat(send(ORG, 1, POOL)).as("the new number sticks").isEqualTo(C);
  }

  @Test
  @DisplayName("new contacts spread evenly over the pool, ties going to the earlier number")
  void newContactsSpreadEvenly() {
    long actionId = live(ORG, list(ORG, 1, 7), false);
    List<String> chosen = new ArrayList<>();
    for (long id : claim(actionId, "ana", 7)) {
      Message m =
          conversations().recordSend(ORG, first(id, GATEWAY, find(id).contactPhone(), POOL), NOW);
      chosen.add(m.sender());
    }
    assertThat(chosen).containsExactly(A, B, C, A, B, C, A);
  }

  @Test
  @DisplayName("a contact moved away frees its place in the count")
  void movesAreCounted() {
    send(ORG, 1, POOL);
    send(ORG, 2, POOL);
    send(ORG, 2, List.of(C));
    assertThat(send(ORG, 3, POOL)).isEqualTo(B);
  }

  @Test
  @DisplayName("bindings of another organization or another gateway neither stick nor count")
  void bindingsAreScopedToOrganizationAndGateway() {
    send(OTHER_ORG, 1, List.of(C));
    send(OTHER_ORG, 2, POOL);
    send(ORG, "bandwidth", 3, List.of(A), NOW);
    assertThat(send(ORG, 1, POOL)).isEqualTo(A);
    assertThat(send(ORG, 3, POOL)).isEqualTo(B);
    assertThat(send(ORG, "bandwidth", 1, List.of(B, A), NOW))
        .as("contact 1's number on the other gateway does not stick here")
        .isEqualTo(B);
  }

  @Test
  @DisplayName("a send for an unknown organization is not found and binds nothing")
  void bindingForAnUnknownOrganizationFails() {
    long id = conversationWith(ORG, 1, NOW);
    SendRecord record = first(id, GATEWAY, phone(1), POOL);
    assertThatThrownBy(() -> conversations().recordSend("nobody", record, NOW))
        .isInstanceOf(NotFoundException.class);
    assertThat(store().messages().findOrganization(GATEWAY, A, phone(1))).isEmpty();
  }

  @Test
  @DisplayName("many threads sending to one new contact at once, in eight actions, bind one number")
  void concurrentBindingGivesOneNumber() throws Exception {
    int threads = 8;
    List<Long> ids = new ArrayList<>();
    for (int t = 0; t < threads; t++) {
      ids.add(conversationWith(ORG, 1, NOW));
    }
    List<String> senders =
        race(
            threads,
            t -> {
              // Each thread offers the numbers in another order, so each would pick another alone.
              List<String> rotated = new ArrayList<>(POOL);
              Collections.rotate(rotated, t);
              return conversations()
                  .recordSend(ORG, first(ids.get(t), GATEWAY, phone(1), rotated), NOW)
                  .sender();
            });
    assertThat(new HashSet<>(senders)).hasSize(1);
    assertThat(send(ORG, 1, POOL)).as("the binding that won").isEqualTo(senders.get(0));
  }

  @Test
  @DisplayName("an inbound message routes to the organization bound to that contact and number")
  void inboundRoutesByBinding() {
    send(ORG, 1, List.of(A));
    send(OTHER_ORG, 2, List.of(A));
    assertThat(store().messages().findOrganization(GATEWAY, A, phone(1))).contains(ORG);
    assertThat(store().messages().findOrganization(GATEWAY, A, phone(2))).contains(OTHER_ORG);
    assertThat(store().messages().findOrganization(GATEWAY, B, phone(1))).isEmpty();
    assertThat(store().messages().findOrganization("bandwidth", A, phone(1))).isEmpty();
  }

  @Test
  @DisplayName("a contact with no binding to the number reaches the organization that used it last")
  void inboundFromAnUnboundContactRoutesByNumber() {
    send(ORG, GATEWAY, 1, List.of(A), NOW);
    send(OTHER_ORG, GATEWAY, 2, List.of(A), NOW.plusSeconds(60));
    send(ORG, GATEWAY, 4, List.of(B), NOW.plusSeconds(120));
    assertThat(store().messages().findOrganization(GATEWAY, A, phone(3))).contains(OTHER_ORG);
    assertThat(store().messages().findOrganization(GATEWAY, B, phone(3))).contains(ORG);
    assertThat(store().messages().findOrganization(GATEWAY, C, phone(3))).isEmpty();
    assertThat(store().messages().findOrganization("bandwidth", A, phone(3))).isEmpty();
  }

  @Test
  @DisplayName("when two organizations text a contact from one number, the later one gets replies")
  void inboundRoutesToTheLatestUser() {
    send(ORG, GATEWAY, 1, List.of(A), NOW);
    send(OTHER_ORG, GATEWAY, 1, List.of(A), NOW.plusSeconds(60));
    assertThat(store().messages().findOrganization(GATEWAY, A, phone(1))).contains(OTHER_ORG);
    send(ORG, GATEWAY, 1, List.of(A), NOW.plusSeconds(120));
    assertThat(store().messages().findOrganization(GATEWAY, A, phone(1))).contains(ORG);
  }

  @Test
  @DisplayName("a receipt naming the number a messaging service used binds the contact to it")
  void receiptFromBindsTheContact() {
    long id = conversationWith(ORG, 1, NOW);
    QueuedMessage viaService =
        new QueuedMessage(GATEWAY, "ref-service", "MG123", phone(1), "Hi", List.of(), 1);
    SendRecord record =
        new SendRecord(
            id,
            SendRecord.Kind.INITIAL,
            Optional.of("ana"),
            viaService,
            ConversationUpdate.NONE,
            Duration.ZERO);
    long messageId = conversations().recordSend(ORG, record, NOW).id();
    store()
        .messages()
        .markSent(
            ORG,
            messageId,
            new SendReceipt("SM1", MessageStatus.QUEUED, OptionalInt.empty(), Optional.of(C)),
            NOW);
    assertThat(store().messages().findOrganization(GATEWAY, C, phone(1))).contains(ORG);
    assertThat(send(ORG, 1, POOL))
        .as("the contact sticks to the number the receipt named")
        .isEqualTo(C);
  }
}

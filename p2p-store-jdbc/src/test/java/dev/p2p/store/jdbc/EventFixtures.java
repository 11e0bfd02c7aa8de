package dev.p2p.store.jdbc;

import dev.p2p.action.Action;
import dev.p2p.action.ActionDraft;
import dev.p2p.action.ActionStatus;
import dev.p2p.contact.ContactDetails;
import dev.p2p.conversation.QueuedMessage;
import dev.p2p.event.Event;
import dev.p2p.store.ConversationUpdate;
import dev.p2p.store.SendRecord;
import dev.p2p.store.Store;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Setup for the JDBC store tests, through the store SPI: a live action with an open pool. */
final class EventFixtures {
  static final Instant NOW = Instant.parse("2026-11-03T16:00:00Z");
  static final String ORG = "acme";

  private EventFixtures() {}

  static String phone(int n) {
    return String.format("+1312555%04d", n);
  }

  /** A published action of {@link #ORG} on contacts 1 to {@code contacts}, its pool open. */
  static long liveAction(Store store, int contacts) {
    store.ensureOrganization(ORG, NOW);
    long listId = store.createList(ORG, "voters", NOW).id();
    for (int n = 1; n <= contacts; n++) {
      store.addContact(ORG, listId, ContactDetails.ofPhone(phone(n)));
    }
    Action created =
        store
            .actions()
            .createAction(
                ORG, ActionDraft.named("GOTV").contacts(listId).initial("Hi!").spec(), NOW);
    long actionId =
        store
            .actions()
            .saveAction(ORG, created, ActionStatus.PUBLISHED, created.spec(), NOW)
            .orElseThrow()
            .id();
    store.assignments().openPool(ORG, actionId, NOW);
    return actionId;
  }

  /** The initial message of a conversation, with these effects. */
  static SendRecord initial(
      Store store, long conversationId, String texter, ConversationUpdate effects) {
    String to =
        store.conversations().findConversation(ORG, conversationId).orElseThrow().contactPhone();
    return new SendRecord(
        conversationId,
        SendRecord.Kind.INITIAL,
        Optional.of(texter),
        new QueuedMessage("fake", "ref-" + conversationId, "+13125550100", to, "Hi!", List.of(), 1),
        effects,
        Duration.ZERO);
  }

  /** The positions of the events. */
  static List<Long> positions(List<Event> events) {
    return events.stream().map(Event::position).toList();
  }
}

package dev.p2p.store.memory;

import dev.p2p.action.Action;
import dev.p2p.contact.Contact;
import dev.p2p.contact.ContactDetails;
import dev.p2p.conversation.ConversationStatus;
import dev.p2p.conversation.Direction;
import dev.p2p.conversation.Message;
import dev.p2p.store.ConversationExport;
import dev.p2p.store.MessageExport;
import dev.p2p.store.ReportFigures;
import dev.p2p.store.ReportStore;
import dev.p2p.store.support.Refusals;
import dev.p2p.store.support.ReportTally;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.TreeMap;

/** The in-memory {@link ReportStore}: one pass over the action's conversations, under the lock. */
final class InMemoryReports implements ReportStore {
  private final InMemoryStore store;

  InMemoryReports(InMemoryStore store) {
    this.store = store;
  }

  @Override
  public ReportFigures figures(String orgId, long actionId, Instant now) {
    return store.locked(() -> tally(orgId, actionId).figures());
  }

  @Override
  public List<ConversationExport> conversations(
      String orgId, long actionId, long afterId, int limit) {
    return store.locked(
        () -> {
          InMemoryConversationStore conversations = store.conversationData();
          List<ConversationExport> page = new ArrayList<>();
          for (ConvData c : action(orgId, actionId).tailMap(afterId, false).values()) {
            if (page.size() == limit) {
              break;
            }
            Contact contact = store.org(orgId).contacts.get(c.contactId);
            page.add(
                new ConversationExport(
                    conversations.snapshot(orgId, c),
                    contact == null ? ContactDetails.ofPhone(c.phone) : contact.details()));
          }
          return page;
        });
  }

  @Override
  public List<MessageExport> messages(String orgId, long actionId, long afterId, int limit) {
    return store.locked(
        () -> {
          InMemoryMessages messages = store.messageData();
          TreeMap<Long, MessageExport> found = new TreeMap<>();
          for (ConvData c : action(orgId, actionId).values()) {
            for (long id : c.messageIds) {
              if (id > afterId) {
                Message m = messages.find(orgId, id).orElseThrow();
                Optional<String> texter =
                    messages.linkOf(id).flatMap(l -> Optional.ofNullable(l.texterId()));
                found.put(id, new MessageExport(m, c.id, texter));
              }
            }
          }
          return found.values().stream().limit(limit).toList();
        });
  }

  private TreeMap<Long, ConvData> action(String orgId, long actionId) {
    if (store.actions().findAction(orgId, actionId).isEmpty()) {
      throw Refusals.noAction(actionId);
    }
    return store.conversationData().org(orgId).action(actionId);
  }

  private ReportTally tally(String orgId, long actionId) {
    Action action =
        store.actions().findAction(orgId, actionId).orElseThrow(() -> Refusals.noAction(actionId));
    boolean asksReport = !action.spec().report().isEmpty();
    ReportTally t = new ReportTally();
    InMemoryMessages messages = store.messageData();
    Map<String, List<Long>> responses = new TreeMap<>();
    Map<String, Long> sent = new TreeMap<>();
    ConvOrg org = store.conversationData().org(orgId);
    for (ConvData c : org.action(actionId).values()) {
      conversation(t, c, asksReport, org);
      for (long id : c.messageIds) {
        Message m = messages.find(orgId, id).orElseThrow();
        t.messages(
            m.createdAt().truncatedTo(ChronoUnit.HOURS),
            m.direction(),
            m.status(),
            Optional.of(m.carrierCode().orElse(m.failure().map(Enum::name).orElse("UNKNOWN"))),
            1,
            m.direction() == Direction.OUTBOUND ? m.segments() : 0);
        InMemoryMessages.Link link = messages.linkOf(id).orElse(null);
        if (m.direction() == Direction.OUTBOUND && link != null && link.texterId() != null) {
          sent.merge(link.texterId(), 1L, Long::sum);
          List<Long> times = responses.computeIfAbsent(link.texterId(), k -> new ArrayList<>());
          if (link.responseMs() != null) {
            times.add(link.responseMs());
          }
        }
      }
    }
    sent.forEach(
        (texter, n) ->
            t.texterMessages(
                texter, n, ReportTally.medianMillis(responses.getOrDefault(texter, List.of()))));
    return t;
  }

  /** Adds one conversation: its status, texter, variant, tags and report. */
  private static void conversation(ReportTally t, ConvData c, boolean asksReport, ConvOrg org) {
    boolean notStarted = c.status == ConversationStatus.NEEDS_FIRST_MESSAGE;
    t.conversations(
        Optional.ofNullable(c.texterId),
        c.variant == null ? OptionalInt.empty() : OptionalInt.of(c.variant),
        new ReportTally.ConversationGroup(
            1,
            notStarted ? 1 : 0,
            notStarted && org.blocked(c.phone) ? 1 : 0,
            c.replied ? 1 : 0,
            c.status == ConversationStatus.OPTED_OUT ? 1 : 0,
            c.status == ConversationStatus.CLOSED ? 1 : 0,
            c.needsAttention(asksReport) ? 1 : 0,
            c.initialSegments == null ? 0 : c.initialSegments));
    c.tags.forEach(tag -> t.tag(tag, 1));
    if (c.report != null) {
      c.report
          .answers()
          .forEach(
              (prompt, values) -> {
                t.answered(prompt, 1);
                values.forEach(value -> t.answer(prompt, value, 1));
              });
    }
  }
}

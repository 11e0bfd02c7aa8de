package dev.p2p.store;

import dev.p2p.NotFoundException;
import dev.p2p.action.Action;
import dev.p2p.contact.Contact;
import dev.p2p.contact.ContactDetails;
import dev.p2p.conversation.ConversationStatus;
import dev.p2p.conversation.Direction;
import dev.p2p.conversation.Message;
import dev.p2p.conversation.MessageStatus;
import dev.p2p.report.ActionReport;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;

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
    store
        .actions()
        .findAction(orgId, actionId)
        .orElseThrow(() -> new NotFoundException("action", actionId));
    return store.conversationData().org(orgId).action(actionId);
  }

  private Tally tally(String orgId, long actionId) {
    Action action =
        store
            .actions()
            .findAction(orgId, actionId)
            .orElseThrow(() -> new NotFoundException("action", actionId));
    boolean asksReport = !action.spec().report().isEmpty();
    Tally t = new Tally();
    InMemoryMessages messages = store.messageData();
    for (ConvData c : store.conversationData().org(orgId).action(actionId).values()) {
      t.conversation(c, asksReport);
      for (long id : c.messageIds) {
        Message m = messages.find(orgId, id).orElseThrow();
        t.message(m, messages.linkOf(id).orElse(null));
      }
    }
    return t;
  }

  /** The running sums of one report. */
  private static final class Tally {
    long contacts;
    long assigned;
    long waiting;
    long messaged;
    long outbound;
    long delivered;
    long failed;
    final Map<String, Long> failures = new TreeMap<>();
    long replied;
    long optedOut;
    long needingAttention;
    long closed;
    long segments;
    long initialSegments;
    final Map<String, long[]> texters = new TreeMap<>(); // conversations, sent, replied, open
    final Map<String, List<Long>> responses = new HashMap<>();
    final Map<String, Long> tags = new TreeMap<>();
    final Map<String, Long> answered = new TreeMap<>();
    final Map<String, Map<String, Long>> answers = new TreeMap<>();
    final Map<Integer, long[]> variants = new TreeMap<>(); // sent, replied
    final Map<Instant, long[]> hours = new TreeMap<>(); // sent, received

    void conversation(ConvData c, boolean asksReport) {
      contacts++;
      boolean open =
          c.status != ConversationStatus.CLOSED && c.status != ConversationStatus.OPTED_OUT;
      if (c.texterId != null) {
        assigned++;
        long[] texter = texter(c.texterId);
        texter[0]++;
        texter[2] += c.replied ? 1 : 0;
        texter[3] += open ? 1 : 0;
      }
      waiting += c.status == ConversationStatus.NEEDS_FIRST_MESSAGE ? 1 : 0;
      replied += c.replied ? 1 : 0;
      optedOut += c.status == ConversationStatus.OPTED_OUT ? 1 : 0;
      closed += c.status == ConversationStatus.CLOSED ? 1 : 0;
      needingAttention += c.needsAttention(asksReport) ? 1 : 0;
      if (c.variant != null) {
        messaged++;
        initialSegments += c.initialSegments == null ? 0 : c.initialSegments;
        long[] variant = variants.computeIfAbsent(c.variant, v -> new long[2]);
        variant[0]++;
        variant[1] += c.replied ? 1 : 0;
      }
      c.tags.forEach(tag -> tags.merge(tag, 1L, Long::sum));
      if (c.report != null) {
        c.report
            .answers()
            .forEach(
                (prompt, values) -> {
                  answered.merge(prompt, 1L, Long::sum);
                  Map<String, Long> counts = answers.computeIfAbsent(prompt, p -> new TreeMap<>());
                  values.forEach(value -> counts.merge(value, 1L, Long::sum));
                });
      }
    }

    void message(Message m, InMemoryMessages.@Nullable Link link) {
      long[] hour =
          hours.computeIfAbsent(m.createdAt().truncatedTo(ChronoUnit.HOURS), h -> new long[2]);
      if (m.direction() == Direction.INBOUND) {
        hour[1]++;
        return;
      }
      hour[0]++;
      outbound++;
      segments += m.segments();
      if (m.status() == MessageStatus.DELIVERED) {
        delivered++;
      } else if (m.status() == MessageStatus.FAILED || m.status() == MessageStatus.UNDELIVERED) {
        failed++;
        String code = m.carrierCode().orElse(m.failure().map(Enum::name).orElse("UNKNOWN"));
        failures.merge(code, 1L, Long::sum);
      }
      if (link != null && link.texterId() != null) {
        texter(link.texterId())[1]++;
        if (link.responseMs() != null) {
          responses.computeIfAbsent(link.texterId(), t -> new ArrayList<>()).add(link.responseMs());
        }
      }
    }

    private long[] texter(String texterId) {
      return texters.computeIfAbsent(texterId, t -> new long[4]);
    }

    ReportFigures figures() {
      List<ActionReport.TexterStats> texterStats = new ArrayList<>();
      texters.forEach(
          (id, f) ->
              texterStats.add(
                  new ActionReport.TexterStats(
                      id, f[0], f[1], f[2], f[3], median(responses.get(id)))));
      List<ActionReport.TagCount> tagCounts = new ArrayList<>();
      tags.forEach((tag, n) -> tagCounts.add(new ActionReport.TagCount(tag, n)));
      List<ActionReport.VariantStats> variantStats = new ArrayList<>();
      variants.forEach((i, f) -> variantStats.add(new ActionReport.VariantStats(i, f[0], f[1])));
      List<ActionReport.HourCount> timeline = new ArrayList<>();
      hours.forEach((h, f) -> timeline.add(new ActionReport.HourCount(h, f[0], f[1])));
      return new ReportFigures(
          new ActionReport.Totals(
              contacts,
              assigned,
              waiting,
              messaged,
              outbound,
              delivered,
              failed,
              failures,
              replied,
              optedOut,
              needingAttention,
              closed),
          segments,
          initialSegments,
          texterStats,
          tagCounts,
          answered,
          answers,
          variantStats,
          timeline);
    }

    /** The median, as SQL's {@code percentile_cont(0.5)} computes it, rounded to milliseconds. */
    private static Optional<Duration> median(@Nullable List<Long> values) {
      if (values == null || values.isEmpty()) {
        return Optional.empty();
      }
      List<Long> sorted = values.stream().sorted().toList();
      int n = sorted.size();
      double median =
          n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2.0;
      return Optional.of(Duration.ofMillis(Math.round(median)));
    }
  }
}

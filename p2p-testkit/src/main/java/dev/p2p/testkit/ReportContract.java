package dev.p2p.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import dev.p2p.NotFoundException;
import dev.p2p.ValidationException;
import dev.p2p.Violation;
import dev.p2p.action.ActionDraft;
import dev.p2p.action.ActionStatus;
import dev.p2p.action.Question;
import dev.p2p.conversation.ConversationStatus;
import dev.p2p.conversation.Direction;
import dev.p2p.conversation.FailureKind;
import dev.p2p.conversation.FiledReport;
import dev.p2p.conversation.MessageStatus;
import dev.p2p.field.Tag;
import dev.p2p.gateway.GatewayError;
import dev.p2p.gateway.GatewayEvent.StatusUpdate;
import dev.p2p.gateway.SendReceipt;
import dev.p2p.optout.OptOutSource;
import dev.p2p.report.ActionReport;
import dev.p2p.report.ActionReport.HourCount;
import dev.p2p.report.ActionReport.TagCount;
import dev.p2p.report.ActionReport.TexterStats;
import dev.p2p.report.ActionReport.VariantStats;
import dev.p2p.store.ConversationExport;
import dev.p2p.store.ConversationUpdate;
import dev.p2p.store.MessageExport;
import dev.p2p.store.ReportFigures;
import dev.p2p.store.SendRecord;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * {@link dev.p2p.store.ReportStore}: an action's figures checked against a scenario whose answers
 * are known, and the export pages. Run by {@link StoreContract} on every store.
 *
 * <p>The scenario: six contacts; ana claims 1 to 4, bob claims 5, 6 stays in the pool. First
 * messages at 14:00 to 1 (variant 0, delivered), 2 (variant 0, then opted out by ana), 3 (variant
 * 1, refused with code 21610) and 5 (variant 1, undelivered with 30006). Contact 1 writes at 14:01
 * and ana answers at 14:03 (2 minutes), tags it supporter and files the report; 5 writes at 14:01
 * and bob answers at 14:06 (5 minutes), then closes it; 3 writes at 16:00 and ana answers at 16:01
 * (1 minute) and tags it undecided, without a report.
 */
abstract class ReportContract extends ConversationFixtures {
  static final String PROMPT = "Will they vote?";

  long actionId;
  List<Long> ids;

  Instant at(int minutes) {
    return NOW.plus(Duration.ofMinutes(minutes));
  }

  long initial(int contact, String texter, int variant) {
    long id = ids.get(contact - 1);
    return conversations()
        .recordSend(
            ORG,
            new SendRecord(
                id,
                SendRecord.Kind.INITIAL,
                Optional.of(texter),
                message(phone(contact), OUR_NUMBER),
                List.of(),
                ConversationUpdate.NONE,
                Duration.ZERO,
                variant),
            NOW)
        .id();
  }

  void writes(int contact, String carrierId, int minutes) {
    conversations()
        .receive(ORG, GATEWAY, inbound(carrierId, phone(contact), OUR_NUMBER), false, at(minutes));
  }

  void answers(int contact, String texter, int minutes) {
    conversations()
        .recordSend(ORG, record(ids.get(contact - 1), SendRecord.Kind.REPLY, texter), at(minutes));
  }

  void update(int contact, String texter, ConversationUpdate update, int minutes) {
    conversations().update(ORG, ids.get(contact - 1), Optional.of(texter), update, at(minutes));
  }

  @BeforeEach
  void scenario() {
    long listId = list(ORG, 1, 6);
    for (String tag : List.of("supporter", "undecided", "not-voting")) {
      store().actions().createTag(ORG, Tag.named(tag));
    }
    ActionDraft draft =
        ActionDraft.named("GOTV")
            .contacts(listId)
            .initial("Hi {firstName|there}, will you vote?")
            .initial("Hey! Will you vote Tuesday?")
            .question(Question.tags(PROMPT, "supporter", "undecided", "not-voting"));
    var created = store().actions().createAction(ORG, draft.spec(), NOW);
    actionId =
        store()
            .actions()
            .saveAction(ORG, created, ActionStatus.PUBLISHED, created.spec(), NOW)
            .orElseThrow()
            .id();
    assignments().openPool(ORG, actionId, NOW);
    List<Long> ana = claim(actionId, "ana", 4);
    List<Long> bob = claim(actionId, "bob", 1);
    ids = new ArrayList<>(ana);
    ids.addAll(bob);

    long m1 = initial(1, "ana", 0);
    initial(2, "ana", 0);
    long m3 = initial(3, "ana", 1);
    long m5 = initial(5, "bob", 1);
    store().messages().markSent(ORG, m1, SendReceipt.queued("SM1"), NOW);
    store()
        .messages()
        .applyStatus(GATEWAY, status("SM1", MessageStatus.DELIVERED, Optional.empty()), NOW);
    store().messages().markFailed(ORG, m3, FailureKind.PERMANENT, Optional.of("21610"), true, NOW);
    store().messages().markSent(ORG, m5, SendReceipt.queued("SM5"), NOW);
    store()
        .messages()
        .applyStatus(GATEWAY, status("SM5", MessageStatus.UNDELIVERED, Optional.of("30006")), NOW);
    optOuts().optOut(ORG, phone(2), OptOutSource.TEXTER, at(1));

    writes(1, "IN-1", 1);
    answers(1, "ana", 3);
    update(
        1,
        "ana",
        ConversationUpdate.NONE
            .withTags(Set.of("supporter"))
            .withReport(new FiledReport(Map.of(PROMPT, List.of("supporter")), "ana", at(4))),
        4);
    writes(5, "IN-5", 1);
    answers(5, "bob", 6);
    update(5, "bob", ConversationUpdate.NONE.withClosed(true), 7);
    writes(3, "IN-3", 120);
    answers(3, "ana", 121);
    update(3, "ana", ConversationUpdate.NONE.withTags(Set.of("undecided")), 122);
  }

  static StatusUpdate status(String carrierId, MessageStatus status, Optional<String> code) {
    return new StatusUpdate(
        carrierId,
        status,
        Optional.empty(),
        code.map(c -> GatewayError.invalidNumber()),
        code,
        Optional.empty());
  }

  ReportFigures figures() {
    return store().reports().figures(ORG, actionId, at(200));
  }

  @Nested
  @DisplayName("an initial message's variant")
  class Variants {
    @Test
    @DisplayName("one the action does not have is refused, naming variant, and writes nothing")
    void anUnknownVariantIsRefused() {
      List<VariantStats> before = figures().variants();

      assertThatThrownBy(() -> initial(4, "ana", 2))
          .isInstanceOfSatisfying(
              ValidationException.class,
              e ->
                  assertThat(e.violations())
                      .containsExactly(
                          new Violation(
                              "variant",
                              "is 2 but the action has 2 initial messages: a variant is an index"
                                  + " from 0 to 1")));
      assertThat(figures().variants()).isEqualTo(before);
      assertThat(conversations().findConversation(ORG, ids.get(3)).orElseThrow().status())
          .isEqualTo(ConversationStatus.NEEDS_FIRST_MESSAGE);
    }

    @Test
    @DisplayName("a negative one, or one past every script's limit, is refused naming variant")
    void outOfRangeVariantsAreRefused() {
      for (int variant : new int[] {-7, 999}) {
        assertThatThrownBy(() -> initial(4, "ana", variant))
            .as("variant %d", variant)
            .isInstanceOfSatisfying(
                ValidationException.class,
                e ->
                    assertThat(e.violations())
                        .extracting(Violation::field)
                        .containsExactly("variant"));
      }
      assertThat(conversations().findConversation(ORG, ids.get(3)).orElseThrow().status())
          .isEqualTo(ConversationStatus.NEEDS_FIRST_MESSAGE);
    }

    @Test
    @DisplayName("one the action has is recorded and counted in the A/B figures")
    void aKnownVariantCounts() {
      initial(4, "ana", 1);

      assertThat(figures().variants())
          .extracting(VariantStats::index, VariantStats::sent)
          .containsExactly(tuple(0, 2L), tuple(1, 3L));
    }
  }

  @Nested
  @DisplayName("an action's figures")
  class Figures {
    @Test
    @DisplayName("totals count conversations, messages, deliveries, failures by code and replies")
    void totals() {
      ActionReport.Totals totals = figures().totals();
      assertThat(totals.contacts()).isEqualTo(6);
      assertThat(totals.assigned()).isEqualTo(5);
      assertThat(totals.unassigned()).isEqualTo(1);
      assertThat(totals.waiting()).isEqualTo(2);
      assertThat(totals.messaged()).isEqualTo(4);
      assertThat(totals.outbound()).isEqualTo(7);
      assertThat(totals.delivered()).isEqualTo(1);
      assertThat(totals.failed()).isEqualTo(2);
      assertThat(totals.failures()).isEqualTo(Map.of("21610", 1L, "30006", 1L));
      assertThat(totals.replied()).isEqualTo(3);
      assertThat(totals.optedOut()).isEqualTo(1);
      assertThat(totals.needingAttention()).isEqualTo(1);
      assertThat(totals.closed()).isEqualTo(1);
      assertThat(totals.replyRate()).isEqualTo(0.75);
    }

    @Test
    @DisplayName("segments: of every outbound message, and of first messages alone")
    void segments() {
      assertThat(figures().segmentsSent()).isEqualTo(7);
      assertThat(figures().initialSegments()).isEqualTo(4);
    }

    @Test
    @DisplayName("per texter: held, sent, replied, open and the median response time")
    void texters() {
      assertThat(figures().texters())
          .containsExactlyInAnyOrder(
              new TexterStats("ana", 4, 5, 2, 3, Optional.of(Duration.ofSeconds(90))),
              new TexterStats("bob", 1, 2, 1, 0, Optional.of(Duration.ofMinutes(5))));
    }

    @Test
    @DisplayName("per tag, per question and answer, per variant")
    void tagsAnswersVariants() {
      ReportFigures figures = figures();
      assertThat(figures.tags())
          .containsExactlyInAnyOrder(new TagCount("supporter", 1), new TagCount("undecided", 1));
      assertThat(figures.answered()).containsExactlyEntriesOf(Map.of(PROMPT, 1L));
      assertThat(figures.answers())
          .containsExactlyEntriesOf(Map.of(PROMPT, Map.of("supporter", 1L)));
      assertThat(figures.variants())
          .containsExactly(new VariantStats(0, 2, 1), new VariantStats(1, 2, 2));
    }

    @Test
    @DisplayName("the timeline counts messages each way per UTC hour, skipping empty hours")
    void timeline() {
      assertThat(figures().timeline())
          .containsExactly(new HourCount(NOW, 6, 2), new HourCount(at(120), 1, 1));
    }

    @Test
    @DisplayName("an unknown action is not found")
    void unknownAction() {
      assertThatThrownBy(() -> store().reports().figures(ORG, actionId + 1_000, NOW))
          .isInstanceOf(NotFoundException.class);
      assertThatThrownBy(() -> store().reports().figures(OTHER_ORG, actionId, NOW))
          .isInstanceOf(NotFoundException.class);
    }
  }

  @Nested
  @DisplayName("export pages")
  class Exports {
    @Test
    @DisplayName("conversations come by id after the cursor, as findConversation has them")
    void conversationPages() {
      List<ConversationExport> first = store().reports().conversations(ORG, actionId, 0, 4);
      assertThat(first).hasSize(4);
      List<ConversationExport> rest =
          store().reports().conversations(ORG, actionId, first.get(3).conversation().id(), 4);
      assertThat(rest).hasSize(2);
      assertThat(first.get(0).conversation()).isEqualTo(find(ids.get(0)));
      assertThat(first.get(0).contact()).isEqualTo(contact(1));
      assertThat(first.get(0).conversation().tags()).containsExactly("supporter");
      assertThat(first.get(0).conversation().report()).isPresent();
      assertThat(rest.get(1).conversation().texterId()).isEmpty();
      assertThat(first).extracting(e -> e.conversation().id()).isSorted().doesNotHaveDuplicates();
    }

    @Test
    @DisplayName("messages come by id after the cursor, with their conversation and texter")
    void messagePages() {
      List<MessageExport> all = store().reports().messages(ORG, actionId, 0, 100);
      assertThat(all).hasSize(10);
      assertThat(all).extracting(e -> e.message().id()).isSorted();
      MessageExport firstReply =
          all.stream()
              .filter(e -> e.message().direction() == Direction.INBOUND)
              .findFirst()
              .orElseThrow();
      assertThat(firstReply.conversationId()).isEqualTo(ids.get(0));
      assertThat(firstReply.texterId()).contains("ana");
      assertThat(all.get(0).texterId()).contains("ana");
      assertThat(store().reports().messages(ORG, actionId, all.get(7).message().id(), 100))
          .hasSize(2);
    }
  }
}

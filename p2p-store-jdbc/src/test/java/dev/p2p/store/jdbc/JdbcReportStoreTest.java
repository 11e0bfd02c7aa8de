package dev.p2p.store.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.p2p.NotFoundException;
import dev.p2p.action.Action;
import dev.p2p.action.ActionDraft;
import dev.p2p.action.ActionStatus;
import dev.p2p.action.Question;
import dev.p2p.contact.ContactDetails;
import dev.p2p.conversation.FailureKind;
import dev.p2p.conversation.FiledReport;
import dev.p2p.conversation.MessageStatus;
import dev.p2p.conversation.QueuedMessage;
import dev.p2p.field.Tag;
import dev.p2p.gateway.GatewayEvent.InboundMessage;
import dev.p2p.gateway.GatewayEvent.StatusUpdate;
import dev.p2p.gateway.SendReceipt;
import dev.p2p.report.ActionReport;
import dev.p2p.store.ClaimRequest;
import dev.p2p.store.ConversationExport;
import dev.p2p.store.ConversationUpdate;
import dev.p2p.store.MessageExport;
import dev.p2p.store.ReportFigures;
import dev.p2p.store.SendRecord;
import dev.p2p.store.Store;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The JDBC report part on one known-answer scenario: five contacts, two texters, three first
 * messages of two variants, replies with response times, a delivery, a failure, a report and a
 * closed conversation. On H2, and with {@code -Pdatabases} on PostgreSQL and MariaDB.
 */
class JdbcReportStoreTest {
  static final Instant T0 = Instant.parse("2026-11-03T14:00:00Z");
  static final String ORG = "acme";
  static final String GATEWAY = "twilio-acme";
  static final String OUR_NUMBER = "+13125550100";
  static final String PROMPT = "Will they vote?";

  /** The scenario, on a store each subclass opens. */
  abstract static class Scenario {
    Store store;
    long actionId;
    long c1;
    long c2;
    long c3;
    long c4;
    long c5;
    int references;

    abstract Store open();

    @BeforeEach
    void play() {
      store = open();
      store.ensureOrganization(ORG, T0);
      long listId = store.createList(ORG, "List", T0).id();
      for (int n = 1; n <= 5; n++) {
        store.addContact(ORG, listId, ContactDetails.ofPhone(phone(n)));
      }
      store.actions().createTag(ORG, Tag.named("supporter"));
      ActionDraft draft =
          ActionDraft.named("Vote")
              .contacts(listId)
              .initial("Hi!")
              .initial("Hello!") // the scenario sends variants 0 and 1
              .question(Question.tags(PROMPT, "supporter"));
      Action created = store.actions().createAction(ORG, draft.spec(), T0);
      actionId =
          store
              .actions()
              .saveAction(ORG, created, ActionStatus.PUBLISHED, created.spec(), T0)
              .orElseThrow()
              .id();
      store.assignments().openPool(ORG, actionId, T0);
      ClaimRequest three = new ClaimRequest(3, 0, Set.of("||"), Optional.empty());
      List<Long> ana = store.assignments().claim(ORG, actionId, "ana", three, T0);
      ClaimRequest one = new ClaimRequest(1, 0, Set.of("||"), Optional.empty());
      List<Long> bo = store.assignments().claim(ORG, actionId, "bo", one, T0);
      c1 = ana.get(0);
      c2 = ana.get(1);
      c3 = ana.get(2);
      c4 = bo.get(0);
      c5 = c4 + 1;

      long m1 = send(c1, SendRecord.Kind.INITIAL, "ana", 1, 2, T0);
      long m2 = send(c2, SendRecord.Kind.INITIAL, "ana", 0, 1, T0.plusSeconds(600));
      send(c4, SendRecord.Kind.INITIAL, "bo", 1, 1, T0.plusSeconds(3600));
      store.messages().markSent(ORG, m1, SendReceipt.queued("SM1"), T0.plusSeconds(1));
      store
          .messages()
          .applyStatus(
              GATEWAY,
              new StatusUpdate(
                  "SM1",
                  MessageStatus.DELIVERED,
                  Optional.empty(),
                  Optional.empty(),
                  Optional.empty(),
                  Optional.empty()),
              T0.plusSeconds(2));
      store
          .messages()
          .markFailed(
              ORG, m2, FailureKind.PERMANENT, Optional.of("30006"), true, T0.plusSeconds(601));

      receive("IN1", 1, T0.plusSeconds(3900));
      send(c1, SendRecord.Kind.REPLY, "ana", 0, 1, T0.plusSeconds(3930)); // 30 s
      receive("IN2", 4, T0.plusSeconds(4200));
      send(c4, SendRecord.Kind.REPLY, "bo", 0, 1, T0.plusSeconds(4245)); // 45 s
      receive("IN3", 1, T0.plusSeconds(7200));
      send(c1, SendRecord.Kind.REPLY, "ana", 0, 1, T0.plusSeconds(7210)); // 10 s
      send(c1, SendRecord.Kind.REPLY, "ana", 0, 1, T0.plusSeconds(7220)); // not an answer
      send(c4, SendRecord.Kind.AUTOMATIC, "", 0, 1, T0.plusSeconds(7230));

      FiledReport report = new FiledReport(Map.of(PROMPT, List.of("supporter")), "ana", T0);
      store
          .conversations()
          .update(
              ORG,
              c1,
              Optional.of("ana"),
              ConversationUpdate.NONE.withTags(Set.of("supporter")).withReport(report),
              T0.plusSeconds(7300));
      // Filed twice: the answers are replaced, not added.
      store
          .conversations()
          .update(
              ORG,
              c1,
              Optional.of("ana"),
              ConversationUpdate.NONE.withReport(report),
              T0.plusSeconds(7301));
      store
          .conversations()
          .update(
              ORG,
              c2,
              Optional.of("ana"),
              ConversationUpdate.NONE.withClosed(true),
              T0.plusSeconds(7400));
    }

    @AfterEach
    void close() {
      store.close();
    }

    static String phone(int n) {
      return String.format("+1312555%04d", n);
    }

    long send(
        long conversationId,
        SendRecord.Kind kind,
        String texter,
        int variant,
        int segments,
        Instant at) {
      String to =
          store.conversations().findConversation(ORG, conversationId).orElseThrow().contactPhone();
      QueuedMessage m =
          new QueuedMessage(
              GATEWAY, "ref-" + ++references, OUR_NUMBER, to, "Hi", List.of(), segments);
      return store
          .conversations()
          .recordSend(
              ORG,
              new SendRecord(
                  conversationId,
                  kind,
                  kind == SendRecord.Kind.AUTOMATIC ? Optional.empty() : Optional.of(texter),
                  m,
                  List.of(),
                  ConversationUpdate.NONE,
                  Duration.ZERO,
                  variant),
              at)
          .id();
    }

    void receive(String carrierId, int contact, Instant at) {
      store
          .conversations()
          .receive(
              ORG,
              GATEWAY,
              new InboundMessage(
                  carrierId, phone(contact), OUR_NUMBER, "Yes", List.of(), Optional.empty()),
              false,
              at);
    }

    @Test
    @DisplayName("the figures count the scenario's conversations and messages")
    void figures() {
      ReportFigures f = store.reports().figures(ORG, actionId, T0.plusSeconds(8000));

      assertThat(f.totals())
          .isEqualTo(
              new ActionReport.Totals(5, 4, 2, 0, 3, 8, 1, 1, Map.of("30006", 1L), 2, 0, 1, 1));
      assertThat(f.segmentsSent()).isEqualTo(4 + 5);
      assertThat(f.initialSegments()).isEqualTo(4);
      assertThat(f.texters())
          .containsExactly(
              new ActionReport.TexterStats("ana", 3, 5, 1, 2, Optional.of(Duration.ofSeconds(20))),
              new ActionReport.TexterStats("bo", 1, 2, 1, 1, Optional.of(Duration.ofSeconds(45))));
      assertThat(f.tags()).containsExactly(new ActionReport.TagCount("supporter", 1));
      assertThat(f.answered()).isEqualTo(Map.of(PROMPT, 1L));
      assertThat(f.answers()).isEqualTo(Map.of(PROMPT, Map.of("supporter", 1L)));
      assertThat(f.variants())
          .containsExactly(
              new ActionReport.VariantStats(0, 1, 0), new ActionReport.VariantStats(1, 2, 2));
      assertThat(f.timeline())
          .containsExactly(
              new ActionReport.HourCount(T0, 2, 0),
              new ActionReport.HourCount(T0.plusSeconds(3600), 3, 2),
              new ActionReport.HourCount(T0.plusSeconds(7200), 3, 1));
    }

    @Test
    @DisplayName("an unknown action has no figures and no export pages")
    void unknownAction() {
      assertThatThrownBy(() -> store.reports().figures(ORG, actionId + 99, T0))
          .isInstanceOf(NotFoundException.class);
      assertThatThrownBy(() -> store.reports().figures("globex", actionId, T0))
          .isInstanceOf(NotFoundException.class);
      assertThatThrownBy(() -> store.reports().conversations(ORG, actionId + 99, 0, 10))
          .isInstanceOf(NotFoundException.class);
    }

    @Test
    @DisplayName("conversation pages hold each conversation as findConversation reads it")
    void conversationPages() {
      long removed = store.conversations().findConversation(ORG, c5).orElseThrow().contactId();
      store.removeContact(ORG, removed);

      List<ConversationExport> first = store.reports().conversations(ORG, actionId, 0, 3);
      List<ConversationExport> rest =
          store.reports().conversations(ORG, actionId, first.get(2).conversation().id(), 3);

      List<ConversationExport> all = new ArrayList<>(first);
      all.addAll(rest);
      assertThat(all).extracting(e -> e.conversation().id()).containsExactly(c1, c2, c3, c4, c5);
      for (ConversationExport e : all) {
        assertThat(e.conversation())
            .isEqualTo(
                store.conversations().findConversation(ORG, e.conversation().id()).orElseThrow());
      }
      assertThat(all.get(0).contact())
          .isEqualTo(
              store
                  .findContact(ORG, all.get(0).conversation().contactId())
                  .orElseThrow()
                  .details());
      assertThat(all.get(4).contact()).isEqualTo(ContactDetails.ofPhone(phone(5)));
    }

    @Test
    @DisplayName("message pages hold each message as findMessage reads it, with its texter")
    void messagePages() {
      List<MessageExport> first = store.reports().messages(ORG, actionId, 0, 5);
      List<MessageExport> rest =
          store.reports().messages(ORG, actionId, first.get(4).message().id(), 100);

      List<MessageExport> all = new ArrayList<>(first);
      all.addAll(rest);
      assertThat(all).hasSize(11);
      for (MessageExport e : all) {
        assertThat(e.message())
            .isEqualTo(store.messages().findMessage(ORG, e.message().id()).orElseThrow());
      }
      assertThat(all)
          .extracting(e -> e.conversationId() + ":" + e.texterId().orElse("-"))
          .containsExactly(
              c1 + ":ana",
              c2 + ":ana",
              c4 + ":bo",
              c1 + ":ana",
              c1 + ":ana",
              c4 + ":bo",
              c4 + ":bo",
              c1 + ":ana",
              c1 + ":ana",
              c1 + ":ana",
              c4 + ":-");
    }
  }

  @Nested
  class H2 extends Scenario {
    @Override
    Store open() {
      return JdbcStore.h2InMemory("reports-" + UUID.randomUUID());
    }
  }

  @Nested
  @EnabledIfSystemProperty(named = "p2p.databases", matches = "true")
  class Postgres extends Scenario {
    @RegisterExtension final ScratchDatabase database = ScratchDatabase.postgres();

    @Override
    Store open() {
      return JdbcStore.of(database.dataSource());
    }
  }

  @Nested
  @EnabledIfSystemProperty(named = "p2p.databases", matches = "true")
  class MariaDb extends Scenario {
    @RegisterExtension final ScratchDatabase database = ScratchDatabase.mariadb();

    @Override
    Store open() {
      return JdbcStore.of(database.dataSource());
    }
  }
}

package dev.p2p.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.p2p.Organization;
import dev.p2p.P2P;
import dev.p2p.ValidationException;
import dev.p2p.Violation;
import dev.p2p.action.ActionDraft;
import dev.p2p.action.Question;
import dev.p2p.action.SenderSettings;
import dev.p2p.assign.Target;
import dev.p2p.contact.NewContact;
import dev.p2p.conversation.Texter;
import dev.p2p.field.Tag;
import dev.p2p.report.ActionReport;
import dev.p2p.store.Store;
import dev.p2p.texter.TexterProfile;
import java.io.StringWriter;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * A report question's stable id, on every store: answers are filed, tallied, exported and kept by
 * the id, so rewording a question (in a draft or a live action) breaks no caller. A store runs it
 * through a subclass that supplies a fresh store.
 */
public abstract class QuestionIdContract {
  private static final String OUR_NUMBER = "+13125550100";
  private static final Question WILL_VOTE =
      Question.tags("Will they vote?", "supporter", "not-voting").withId("will-vote");

  private final MutableClock clock = MutableClock.at(Instant.parse("2026-11-03T17:00:00Z"));
  private final FakeGateway fake = FakeGateway.builder().clock(clock).build();
  private P2P p2p;
  private Organization org;
  private long actionId;
  private long conversationId;
  private Texter ana;

  /** A new, empty store for one test. */
  protected abstract Store createStore();

  @BeforeEach
  void start() {
    p2p = P2P.builder().store(createStore()).clock(clock).gateway("fake", fake).build();
    fake.connect(p2p.webhooks()::handle);
    org = p2p.organization("acme");
    org.tags().define(Tag.named("supporter"));
    org.tags().define(Tag.named("not-voting"));
    org.texters().upsert(new TexterProfile("ana", "Ana", "Diaz"));
    long list = org.contacts().createList("voters").id();
    org.contacts().add(list, NewContact.builder("+13125550123").build());
    actionId =
        org.actions()
            .create(
                ActionDraft.named("GOTV")
                    .contacts(list)
                    .initial("Hi, can we count on your vote?")
                    .question(WILL_VOTE)
                    .sender(SenderSettings.numbers("fake", List.of(OUR_NUMBER))))
            .id();
    org.actions().publish(actionId);
    org.assignments().assign(actionId, Target.texter("ana"));
    ana = org.texter("ana");
    ana.requestBatch(actionId);
    conversationId = ana.nextToSend(actionId).orElseThrow().conversationId();
    ana.send(conversationId);
  }

  @AfterEach
  void stop() {
    p2p.close();
  }

  private ActionReport.QuestionAnswers answers() {
    return org.reports().action(actionId).questions().get(0);
  }

  @Test
  @DisplayName("answers are filed and tallied by the question's id")
  void filedById() {
    ana.fileReport(conversationId, Map.of("will-vote", List.of("supporter")));

    ActionReport.QuestionAnswers answers = answers();
    assertThat(answers.id()).isEqualTo("will-vote");
    assertThat(answers.prompt()).isEqualTo("Will they vote?");
    assertThat(answers.answered()).isEqualTo(1);
    assertThat(answers.answers().get(0).count()).isEqualTo(1);
    assertThat(ana.conversation(conversationId).report().orElseThrow().answers())
        .containsOnlyKeys("will-vote");
  }

  @Test
  @DisplayName("rewording a live action's question keeps its id, its answers and its callers")
  void rewordingKeepsAnswers() {
    ana.fileReport(conversationId, Map.of("will-vote", List.of("supporter")));

    org.actions()
        .update(actionId, d -> d.report(List.of(WILL_VOTE.withPrompt("Are they voting?"))));

    ActionReport.QuestionAnswers answers = answers();
    assertThat(answers.id()).isEqualTo("will-vote");
    assertThat(answers.prompt()).isEqualTo("Are they voting?");
    assertThat(answers.answered()).isEqualTo(1);
    assertThat(org.actions().find(actionId).orElseThrow().spec().report())
        .singleElement()
        .satisfies(q -> assertThat(q.id()).isEqualTo("will-vote"));
    ana.fileReport(conversationId, Map.of("will-vote", List.of("not-voting")));
    StringWriter csv = new StringWriter();
    org.reports().exportConversations(actionId, csv);
    assertThat(csv.toString().lines().findFirst().orElseThrow()).contains("report.will-vote");
    assertThat(csv.toString()).contains("not-voting");
  }

  @Test
  @DisplayName("an answer keyed by the prompt instead of the id is refused, naming report")
  void promptIsNotTheKey() {
    assertThatThrownBy(
            () -> ana.fileReport(conversationId, Map.of("Will they vote?", List.of("supporter"))))
        .isInstanceOfSatisfying(
            ValidationException.class,
            e ->
                assertThat(e.violations())
                    .extracting(Violation::field)
                    .contains("report", "report[0]"));
  }

  @Test
  @DisplayName("a question without an id set has its prompt as id")
  void defaultIdIsThePrompt() {
    assertThat(Question.field("Polling place?", "pollingPlace").id()).isEqualTo("Polling place?");
  }

  @Test
  @DisplayName("two questions with one id are refused at publish, naming the second one's id")
  void idsAreUnique() {
    long draft =
        org.actions()
            .create(
                ActionDraft.named("Twice")
                    .initial("Hi")
                    .question(WILL_VOTE)
                    .question(Question.tags("Again?", "supporter").withId("will-vote")))
            .id();
    assertThat(org.actions().problems(draft))
        .extracting(Violation::field)
        .contains("report[1].id")
        .doesNotContain("report[0].id");
  }
}

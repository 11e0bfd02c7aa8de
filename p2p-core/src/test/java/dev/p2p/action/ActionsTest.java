package dev.p2p.action;

import static dev.p2p.script.ReplyEffect.tag;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.p2p.NotFoundException;
import dev.p2p.Organization;
import dev.p2p.P2P;
import dev.p2p.Page;
import dev.p2p.ValidationException;
import dev.p2p.Violation;
import dev.p2p.contact.NewContact;
import dev.p2p.field.Tag;
import dev.p2p.script.ReplyScript;
import dev.p2p.store.memory.InMemoryStore;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class ActionsTest {
  private static final Instant NOW = Instant.parse("2026-11-03T14:00:00Z");

  private Organization org;
  private Actions actions;
  private long listId;

  @BeforeEach
  void setUp() {
    org =
        P2P.builder()
            .store(InMemoryStore.create())
            .clock(Clock.fixed(NOW, ZoneOffset.UTC))
            .gateway(OneNumberGateway.ID, new OneNumberGateway())
            .build()
            .organization("acme");
    actions = org.actions();
    org.tags().define(Tag.named("supporter"));
    listId = org.contacts().createList("Voters").id();
    org.contacts().add(listId, NewContact.builder("+13125550100").firstName("Ana").build());
  }

  private Action draft() {
    return actions.create(
        ActionDraft.named("GOTV Day")
            .contacts(listId)
            .initial("Hi {firstName|there}!")
            .reply("Yes", "Great!", tag("supporter"))
            .textingHours(LocalTime.of(9, 0), LocalTime.of(20, 0)));
  }

  @Test
  void aNewActionIsADraftHoldingWhatWasWritten() {
    Action action = draft();
    assertThat(action.status()).isEqualTo(ActionStatus.DRAFT);
    assertThat(action.createdAt()).isEqualTo(NOW);
    assertThat(action.script().reply("Yes").map(ReplyScript::tags))
        .hasValueSatisfying(t -> assertThat(t).containsExactly("supporter"));
    assertThat(actions.find(action.id())).contains(action);
  }

  @Test
  void aDraftNeedsAName() {
    assertThatThrownBy(() -> actions.create(ActionDraft.named(" ")))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("name must not be blank");
  }

  @Test
  @DisplayName("the lifecycle runs DRAFT → PUBLISHED ⇄ PAUSED → CLOSED")
  void lifecycleRunsItsCourse() {
    long id = draft().id();
    assertThat(actions.publish(id).status()).isEqualTo(ActionStatus.PUBLISHED);
    assertThat(actions.pause(id).status()).isEqualTo(ActionStatus.PAUSED);
    assertThat(actions.resume(id).status()).isEqualTo(ActionStatus.PUBLISHED);
    assertThat(actions.pause(id).status()).isEqualTo(ActionStatus.PAUSED);
    assertThat(actions.close(id).status()).isEqualTo(ActionStatus.CLOSED);
  }

  @Test
  void publishingTwiceIsAnIllegalMove() {
    long id = draft().id();
    actions.publish(id);
    assertThatThrownBy(() -> actions.publish(id))
        .isInstanceOfSatisfying(
            ValidationException.class,
            e -> assertThat(e.violations()).extracting(Violation::field).containsExactly("status"))
        .hasMessageContaining("is PUBLISHED");
  }

  @Test
  void aDraftCannotBePausedOrClosed() {
    long id = draft().id();
    assertThatThrownBy(() -> actions.pause(id))
        .hasMessageContaining("is DRAFT: it cannot be paused");
    assertThatThrownBy(() -> actions.close(id))
        .hasMessageContaining("is DRAFT: it cannot be closed");
  }

  @Test
  @DisplayName("resuming a draft is refused and leaves it a draft: a draft is published")
  void aDraftCannotBeResumed() {
    long id = draft().id();
    assertThatThrownBy(() -> actions.resume(id))
        .isInstanceOfSatisfying(
            ValidationException.class,
            e ->
                assertThat(e.violations())
                    .containsExactly(
                        new Violation(
                            "status", "is DRAFT: it cannot be resumed; publish a draft instead")));
    assertThat(actions.find(id).orElseThrow().status()).isEqualTo(ActionStatus.DRAFT);
  }

  @Test
  @DisplayName("publishing a paused action is refused and leaves it paused: it is resumed")
  void aPausedActionCannotBePublished() {
    long id = draft().id();
    actions.publish(id);
    actions.pause(id);
    assertThatThrownBy(() -> actions.publish(id))
        .hasMessageContaining("is PAUSED: it cannot be published; resume a paused action instead");
    assertThat(actions.find(id).orElseThrow().status()).isEqualTo(ActionStatus.PAUSED);
  }

  @Test
  @DisplayName("each refused move says what to do instead")
  void aRefusedMoveSaysWhatToDo() {
    long id = draft().id();
    assertThatThrownBy(() -> actions.close(id))
        .hasMessageContaining("is DRAFT: it cannot be closed; delete a draft instead");
    assertThatThrownBy(() -> actions.pause(id))
        .hasMessageContaining("is DRAFT: it cannot be paused; publish it first");
    actions.publish(id);
    assertThatThrownBy(() -> actions.publish(id))
        .hasMessageContaining("is PUBLISHED: it cannot be published; it is already live");
    assertThatThrownBy(() -> actions.resume(id))
        .hasMessageContaining("is PUBLISHED: it cannot be resumed; it is already live");
    actions.close(id);
    assertThatThrownBy(() -> actions.publish(id))
        .hasMessageContaining(
            "is CLOSED: it cannot be published; a closed action stays closed:"
                + " copy it to start a new draft");
    assertThatThrownBy(() -> actions.close(id))
        .hasMessageContaining("is CLOSED: it cannot be closed; it is already closed");
  }

  @Test
  void aClosedActionStaysClosed() {
    long id = draft().id();
    actions.publish(id);
    actions.close(id);
    assertThatThrownBy(() -> actions.resume(id)).hasMessageContaining("is CLOSED");
    assertThatThrownBy(() -> actions.update(id, d -> d.name("Renamed")))
        .hasMessageContaining("a closed action cannot be edited");
  }

  @Test
  void aPublishedActionCannotBeResumed() {
    long id = draft().id();
    actions.publish(id);
    assertThatThrownBy(() -> actions.resume(id)).isInstanceOf(ValidationException.class);
  }

  @Test
  void movingAnUnknownActionIsNotFound() {
    assertThatThrownBy(() -> actions.publish(42)).isInstanceOf(NotFoundException.class);
  }

  @Test
  void aDraftIsEditableInEveryPart() {
    long id = draft().id();
    long other = org.contacts().createList("Other").id();
    Action edited =
        actions.update(id, d -> d.contacts(other).smartEncoding(true).initial("Hey {firstName}"));
    assertThat(edited.spec().contactListId()).hasValue(other);
    assertThat(edited.spec().smartEncoding()).isTrue();
    assertThat(edited.script().initials()).hasSize(2);
  }

  @Test
  @DisplayName("a published action's scripts change, and the change is checked as at publish")
  void aPublishedActionsScriptsChangeAndAreRechecked() {
    long id = draft().id();
    actions.publish(id);
    Action edited = actions.update(id, d -> d.reply("No", "Thanks anyway"));
    assertThat(edited.status()).isEqualTo(ActionStatus.PUBLISHED);
    assertThat(edited.script().reply("No")).isPresent();
    assertThatThrownBy(() -> actions.update(id, d -> d.reply("Maybe", "Hi {nickname}")))
        .isInstanceOfSatisfying(
            ValidationException.class,
            e ->
                assertThat(e.violations())
                    .extracting(Violation::field)
                    .containsExactly("script.replies[Maybe].body"));
    assertThat(actions.find(id).orElseThrow().script().reply("Maybe")).isEmpty();
  }

  @Test
  void aPublishedActionsListSenderAssignmentAndEncodingAreFixed() {
    long id = draft().id();
    actions.publish(id);
    long other = org.contacts().createList("Other").id();
    org.contacts().add(other, NewContact.builder("+13125550199").build());
    assertThatThrownBy(
            () ->
                actions.update(
                    id,
                    d ->
                        d.contacts(other)
                            .sender(SenderSettings.messagingService("twilio", "MG123"))
                            .assignment(
                                AssignmentSettings.fixed()
                                    .withBatchSize(10)
                                    .withKeepAssignments(true))
                            .smartEncoding(true)))
        .isInstanceOfSatisfying(
            ValidationException.class,
            e ->
                assertThat(e.violations())
                    .extracting(Violation::field)
                    .containsExactlyInAnyOrder(
                        "contacts", "sender", "sender.gateway", "assignment", "smartEncoding"));
  }

  @Test
  @DisplayName("an edit of a published action lists a fixed part and a script problem together")
  void anEditOfAPublishedActionListsEveryProblemAtOnce() {
    long id = draft().id();
    actions.publish(id);
    long other = org.contacts().createList("Other").id();
    org.contacts().add(other, NewContact.builder("+13125550199").build());
    assertThatThrownBy(
            () ->
                actions.update(
                    id,
                    d ->
                        d.contacts(other)
                            .initial("Hi {nickname}")
                            .question(Question.field("Ward?", "ward"))))
        .isInstanceOfSatisfying(
            ValidationException.class,
            e ->
                assertThat(e.violations())
                    .extracting(Violation::field)
                    .containsExactly("contacts", "script.initial[1].body", "report[0].field"));
  }

  @Test
  void aPausedActionsTextingHoursCanChange() {
    long id = draft().id();
    actions.publish(id);
    actions.pause(id);
    Action edited =
        actions.update(id, d -> d.textingHours(LocalTime.of(10, 0), LocalTime.of(18, 0)));
    assertThat(edited.spec().textingHours().start()).isEqualTo(LocalTime.of(10, 0));
  }

  @Test
  @DisplayName("a copy is a new draft with the same scripts, whatever the original's status")
  void copyMakesANewDraft() {
    Action original = draft();
    actions.publish(original.id());
    Action copy = actions.copy(original.id());
    assertThat(copy.id()).isNotEqualTo(original.id());
    assertThat(copy.status()).isEqualTo(ActionStatus.DRAFT);
    assertThat(copy.name()).isEqualTo("GOTV Day (copy)");
    assertThat(copy.script()).isEqualTo(original.script());
  }

  @Test
  @DisplayName("a sender's gateway id with a space is quoted, and its phone shown in E.164 form")
  void senderSettingsSayWhatToWrite() {
    assertThatThrownBy(() -> SenderSettings.numbers("my fake", List.of("(312) 555-0100")))
        .isInstanceOfSatisfying(
            ValidationException.class,
            e ->
                assertThat(e.violations())
                    .containsExactly(
                        new Violation(
                            "sender.gateway",
                            "'my fake' is not a valid id (it has a space): use 1 to 64 letters,"
                                + " digits, '.', '_', ':' or '-', starting with a letter or digit,"
                                + " the id the gateway is registered under with P2P.builder()"),
                        new Violation(
                            "sender.numbers[0]",
                            "must be in E.164 form: '+', the country code and the number, without"
                                + " spaces or punctuation, such as +14155552671")));
  }

  @Test
  void onlyADraftCanBeDeleted() {
    long id = draft().id();
    long live = draft().id();
    actions.publish(live);
    assertThat(actions.delete(id)).isTrue();
    assertThat(actions.find(id)).isEmpty();
    assertThat(actions.delete(id)).isFalse();
    assertThatThrownBy(() -> actions.delete(live))
        .hasMessageContaining("only a draft can be deleted");
  }

  @Test
  void actionsArePagedNewestFirst() {
    List<Long> ids = List.of(draft().id(), draft().id(), draft().id());
    Page<Action> first = actions.page(2);
    assertThat(first.items()).extracting(Action::id).containsExactly(ids.get(2), ids.get(1));
    Page<Action> second = actions.page(first.next().orElseThrow(), 2);
    assertThat(second.items()).extracting(Action::id).containsExactly(ids.get(0));
    assertThat(second.hasNext()).isFalse();
  }

  @Test
  void texingHoursMustEndAfterTheyStart() {
    assertThatThrownBy(() -> ActionDraft.named("x").textingHours(LocalTime.NOON, LocalTime.NOON))
        .hasMessageContaining("textingHours must end after they start");
  }

  @Test
  @DisplayName("texting hours are whole minutes (a time with nanoseconds cannot be stored)")
  void textingHoursAreWholeMinutes() {
    assertThatThrownBy(
            () -> ActionDraft.named("x").textingHours(LocalTime.of(9, 0, 0, 1), LocalTime.NOON))
        .isInstanceOfSatisfying(
            ValidationException.class,
            e ->
                assertThat(e.violations())
                    .extracting(Violation::field)
                    .containsExactly("textingHours"));
    assertThatThrownBy(
            () -> ActionDraft.named("x").textingHours(LocalTime.of(9, 0), LocalTime.of(20, 0, 30)))
        .hasMessageContaining("whole minutes");
  }

  @Test
  @DisplayName("sender settings list every problem: both kinds given, bad and repeated numbers")
  void senderSettingsListEveryProblem() {
    assertThatThrownBy(
            () ->
                new SenderSettings(
                    "",
                    java.util.Optional.of("MG1"),
                    List.of("+13125550100", "3125550101", "+13125550100")))
        .isInstanceOfSatisfying(
            ValidationException.class,
            e ->
                assertThat(e.violations())
                    .extracting(Violation::field)
                    .containsExactly(
                        "sender.gateway", "sender", "sender.numbers[1]", "sender.numbers[2]"));
  }

  @Test
  @DisplayName("assignment settings are set by name, each checked at once, naming the field")
  void assignmentSettingsAreChecked() {
    assertThatThrownBy(() -> AssignmentSettings.dynamic().withBatchSize(0))
        .isInstanceOfSatisfying(
            ValidationException.class,
            e ->
                assertThat(e.violations())
                    .extracting(Violation::field)
                    .containsExactly("assignment.batchSize"));
    assertThatThrownBy(
            () -> AssignmentSettings.fixed().withBatchSize(AssignmentSettings.MAX_BATCH + 1))
        .isInstanceOf(ValidationException.class);
    assertThatThrownBy(() -> AssignmentSettings.dynamic().withMaxPerTexter(-1))
        .isInstanceOfSatisfying(
            ValidationException.class,
            e ->
                assertThat(e.violations())
                    .extracting(Violation::field)
                    .containsExactly("assignment.maxPerTexter"));
    AssignmentSettings settings =
        AssignmentSettings.fixed().withBatchSize(10).withMaxPerTexter(3).withKeepAssignments(true);
    assertThat(settings.policy()).isEqualTo(AssignmentSettings.Policy.FIXED);
    assertThat(settings.batchSize()).isEqualTo(10);
    assertThat(settings.maxPerTexter()).isEqualTo(3);
    assertThat(settings.keepAssignments()).isTrue();
    assertThat(AssignmentSettings.dynamic()).isEqualTo(AssignmentSettings.DEFAULT);
    assertThat(settings.withPolicy(AssignmentSettings.Policy.DYNAMIC))
        .isEqualTo(
            AssignmentSettings.dynamic()
                .withBatchSize(10)
                .withMaxPerTexter(3)
                .withKeepAssignments(true))
        .isNotEqualTo(settings);
  }

  @Test
  @DisplayName("the variables an action reads are its bodies' own names; a broken body reads none")
  void variablesUsedAreTheBodiesNonBuiltInNames() {
    ActionSpec spec =
        ActionDraft.named("x")
            .initial("Hi {firstName} at {pollingPlace}")
            .initial("{broken")
            .reply(
                ReplyScript.of("Yes", "Ok {ward}")
                    .withFollowUps(ReplyScript.of("More", "{age|?} {ward} {texterFirstName}")))
            .spec();
    assertThat(spec.variablesUsed()).containsExactly("pollingPlace", "ward", "age");
  }

  @Test
  void weightedVariantsAreChosenInProportion() {
    Action action = actions.create(ActionDraft.named("AB").initial("A", 3).initial("B", 1));
    long a = 0;
    for (int i = 0; i < 40_000; i++) {
      if (action.script().initialFor(String.format("+1212201%04d", i)).body().equals("A")) {
        a++;
      }
    }
    assertThat(a).isBetween(29_000L, 31_000L);
  }
}

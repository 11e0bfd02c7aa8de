package dev.p2p.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.p2p.NotFoundException;
import dev.p2p.ValidationException;
import dev.p2p.action.Action;
import dev.p2p.action.ActionDraft;
import dev.p2p.action.ActionSpec;
import dev.p2p.action.ActionStatus;
import dev.p2p.action.AssignmentSettings;
import dev.p2p.action.Question;
import dev.p2p.action.SenderSettings;
import dev.p2p.action.TextingHours;
import dev.p2p.contact.ContactDetails;
import dev.p2p.field.CustomField;
import dev.p2p.field.FieldType;
import dev.p2p.field.Tag;
import dev.p2p.script.ReplyEffect;
import dev.p2p.script.ReplyScript;
import dev.p2p.store.ContactImport;
import dev.p2p.store.Store;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * The tag, custom-field and action operations every {@link Store} must get right ({@link
 * dev.p2p.store.ActionStore}). Run through {@link StoreContract}, which supplies the store.
 */
abstract class ActionStoreContract {
  static final String ORG = StoreContract.ORG;
  static final String OTHER_ORG = StoreContract.OTHER_ORG;
  static final Instant NOW = StoreContract.NOW;

  /** The store under test, fresh for each test, with {@link #ORG} and {@link #OTHER_ORG}. */
  abstract Store store();

  /** A spec using every part, for round trips. */
  static ActionSpec fullSpec() {
    ReplyScript yes =
        ReplyScript.of(
                "Yes",
                "Amazing! Vote at {pollingPlace} ✓ 😀",
                ReplyEffect.tag("supporter"),
                ReplyEffect.field("age", "42"))
            .withFollowUps(ReplyScript.of("Where", "It's \"City Hall\"\n{{room}}"));
    return ActionDraft.named("GOTV Day")
        .contacts(7)
        .initial("Hi {firstName|there}!", 3)
        .initial("Hey {firstName}", 1)
        .reply(yes)
        .reply("No", "Thanks", ReplyEffect.tag("not-voting"))
        .tags("undecided")
        .fields("ward")
        .question(Question.tags("Will they vote?", "supporter", "not-voting"))
        .question(Question.anyOfTags("Issues?", "housing"))
        .question(Question.field("Age?", "age"))
        .textingHours(
            new TextingHours(
                LocalTime.of(9, 30), LocalTime.of(20, 0), ZoneId.of("America/Chicago")))
        .sender(SenderSettings.numbers("twilio", List.of("+13125550100", "+13125550101")))
        .assignment(
            AssignmentSettings.fixed()
                .withBatchSize(25)
                .withMaxPerTexter(500)
                .withKeepAssignments(true))
        .smartEncoding(true)
        .spec();
  }

  static ActionSpec draftUsing(String tag) {
    return ActionDraft.named("Uses " + tag).reply("Yes", "Ok", ReplyEffect.tag(tag)).spec();
  }

  @Nested
  @DisplayName("tags")
  class Tags {
    @Test
    void tagsAreCreatedFoundListedByNameAndUpdated() {
      store().actions().createTag(ORG, new Tag("undecided", ""));
      store().actions().createTag(ORG, new Tag("supporter", "Will vote — for us"));
      assertThat(store().actions().updateTag(ORG, new Tag("undecided", "Not sure"))).isTrue();
      assertThat(store().actions().tags(ORG))
          .containsExactly(
              new Tag("supporter", "Will vote — for us"), new Tag("undecided", "Not sure"));
      assertThat(store().actions().findTag(ORG, "supporter"))
          .contains(new Tag("supporter", "Will vote — for us"));
    }

    @Test
    void aTagIsCreatedOnceNamingTheName() {
      store().actions().createTag(ORG, Tag.named("supporter"));
      assertThatThrownBy(() -> store().actions().createTag(ORG, Tag.named("supporter")))
          .isInstanceOfSatisfying(
              ValidationException.class,
              e -> assertThat(e.violations().get(0).field()).isEqualTo("name"));
    }

    @Test
    void updatingOrDeletingAnUnknownTagReportsFalse() {
      assertThat(store().actions().updateTag(ORG, Tag.named("ghost"))).isFalse();
      assertThat(store().actions().deleteTag(ORG, "ghost")).isFalse();
    }

    @Test
    void anotherOrganizationsTagsAreInvisible() {
      store().actions().createTag(OTHER_ORG, Tag.named("supporter"));
      store().actions().createTag(ORG, Tag.named("supporter"));
      assertThat(store().actions().deleteTag(OTHER_ORG, "supporter")).isTrue();
      assertThat(store().actions().tags(ORG)).containsExactly(Tag.named("supporter"));
      assertThat(store().actions().tags(OTHER_ORG)).isEmpty();
    }

    @Test
    void definingATagInAnUnknownOrganizationIsNotFound() {
      assertThatThrownBy(() -> store().actions().createTag("nobody", Tag.named("x")))
          .isInstanceOf(NotFoundException.class);
    }

    @Test
    @DisplayName("a tag used by a draft, published or paused action is kept; once closed it goes")
    void aTagInUseIsKeptUntilTheActionCloses() {
      store().actions().createTag(ORG, Tag.named("supporter"));
      Action action = store().actions().createAction(ORG, draftUsing("supporter"), NOW);
      assertThatThrownBy(() -> store().actions().deleteTag(ORG, "supporter"))
          .isInstanceOf(ValidationException.class)
          .hasMessageContaining("action " + action.id());
      Action published = move(action, ActionStatus.PUBLISHED);
      Action paused = move(published, ActionStatus.PAUSED);
      assertThatThrownBy(() -> store().actions().deleteTag(ORG, "supporter"))
          .isInstanceOf(ValidationException.class);
      move(paused, ActionStatus.CLOSED);
      assertThat(store().actions().deleteTag(ORG, "supporter")).isTrue();
    }

    @Test
    void aTagUsedOnlyByAnotherOrganizationsActionCanBeDeleted() {
      store().actions().createTag(ORG, Tag.named("supporter"));
      store().actions().createAction(OTHER_ORG, draftUsing("supporter"), NOW);
      assertThat(store().actions().deleteTag(ORG, "supporter")).isTrue();
    }

    @Test
    void aTagNoLongerUsedAfterAnEditCanBeDeleted() {
      store().actions().createTag(ORG, Tag.named("supporter"));
      Action action = store().actions().createAction(ORG, draftUsing("supporter"), NOW);
      store().actions().saveAction(ORG, action, ActionStatus.DRAFT, draftUsing("other"), NOW);
      assertThat(store().actions().deleteTag(ORG, "supporter")).isTrue();
    }

    @Test
    void aTagOfADeletedDraftCanBeDeleted() {
      store().actions().createTag(ORG, Tag.named("supporter"));
      Action action = store().actions().createAction(ORG, draftUsing("supporter"), NOW);
      assertThat(store().actions().deleteDraft(ORG, action.id())).isTrue();
      assertThat(store().actions().deleteTag(ORG, "supporter")).isTrue();
    }
  }

  @Nested
  @DisplayName("custom fields")
  class Fields {
    @Test
    void everyTypeRoundTrips() {
      List<CustomField> fields =
          List.of(
              CustomField.number("age", "Age"),
              CustomField.date("bornOn", "Born on"),
              CustomField.choice("ward", "Ward", "1", "2 — north", "ñ \"quoted\""),
              CustomField.bool("willVote", "Will vote"),
              CustomField.text("zNote", "Note"));
      fields.forEach(f -> store().actions().createField(ORG, f));
      assertThat(store().actions().fields(ORG)).containsExactlyElementsOf(fields);
      assertThat(store().actions().findField(ORG, "ward")).contains(fields.get(2));
    }

    @Test
    void aFieldIsCreatedOnce() {
      store().actions().createField(ORG, CustomField.text("note", "Note"));
      assertThatThrownBy(
              () -> store().actions().createField(ORG, CustomField.number("note", "Note")))
          .isInstanceOf(ValidationException.class)
          .hasMessageContaining("already exists; change it with customFields().update(..)");
    }

    @Test
    void aFieldIsUpdated() {
      store().actions().createField(ORG, CustomField.choice("ward", "Ward", "1"));
      assertThat(
              store().actions().updateField(ORG, CustomField.choice("ward", "City ward", "1", "2")))
          .isTrue();
      assertThat(store().actions().findField(ORG, "ward"))
          .contains(new CustomField("ward", "City ward", FieldType.CHOICE, List.of("1", "2")));
      assertThat(store().actions().updateField(ORG, CustomField.text("ghost", "Ghost"))).isFalse();
    }

    @Test
    @DisplayName("an update that changes the stored field's type is refused and writes nothing")
    void anUpdateKeepsTheType() {
      store().actions().createField(ORG, CustomField.text("age", "Age"));
      assertThatThrownBy(
              () -> store().actions().updateField(ORG, CustomField.number("age", "Years")))
          .isInstanceOfSatisfying(
              ValidationException.class,
              e -> assertThat(e.violations().get(0).field()).isEqualTo("type"));
      assertThat(store().actions().findField(ORG, "age")).contains(CustomField.text("age", "Age"));
    }

    @Test
    @DisplayName("an update that drops an option of the stored field is refused and writes nothing")
    void anUpdateKeepsEveryStoredOption() {
      // Another node added "3" after this one read the field with options 1 and 2.
      store().actions().createField(ORG, CustomField.choice("ward", "Ward", "1", "2", "3"));
      assertThatThrownBy(
              () ->
                  store()
                      .actions()
                      .updateField(ORG, CustomField.choice("ward", "Ward", "1", "2", "4")))
          .isInstanceOfSatisfying(
              ValidationException.class,
              e -> assertThat(e.violations().get(0).field()).isEqualTo("options"));
      assertThat(store().actions().findField(ORG, "ward"))
          .contains(CustomField.choice("ward", "Ward", "1", "2", "3"));
    }

    @Test
    void aFieldUsedByAnOpenActionIsKept() {
      store().actions().createField(ORG, CustomField.number("age", "Age"));
      store()
          .actions()
          .createAction(
              ORG, ActionDraft.named("Survey").question(Question.field("Age?", "age")).spec(), NOW);
      assertThatThrownBy(() -> store().actions().deleteField(ORG, "age"))
          .isInstanceOf(ValidationException.class)
          .hasMessageContaining("custom field 'age'");
      assertThat(store().actions().findField(ORG, "age")).isPresent();
    }

    @Test
    @DisplayName("a field that an open action's body reads as a variable is kept")
    void aFieldReadByABodyIsKept() {
      store().actions().createField(ORG, CustomField.number("age", "Age"));
      ReplyScript where =
          ReplyScript.of("Yes", "Ok").withFollowUps(ReplyScript.of("Age", "So {age|many} years"));
      store()
          .actions()
          .createAction(ORG, ActionDraft.named("Survey").initial("Hi").reply(where).spec(), NOW);
      assertThatThrownBy(() -> store().actions().deleteField(ORG, "age"))
          .isInstanceOf(ValidationException.class)
          .hasMessageContaining("custom field 'age'");
      assertThat(store().actions().findField(ORG, "age")).isPresent();
    }

    @Test
    void anUnusedFieldIsDeleted() {
      store().actions().createField(ORG, CustomField.number("age", "Age"));
      assertThat(store().actions().deleteField(ORG, "age")).isTrue();
      assertThat(store().actions().fields(ORG)).isEmpty();
    }
  }

  @Nested
  @DisplayName("actions")
  class Actions {
    /** Defines what {@link #fullSpec()} uses, so that it may be published. */
    @BeforeEach
    void defineWhatTheFullSpecUses() {
      List.of("supporter", "not-voting", "undecided", "housing")
          .forEach(t -> store().actions().createTag(ORG, Tag.named(t)));
      store().actions().createField(ORG, CustomField.number("age", "Age"));
      store().actions().createField(ORG, CustomField.text("ward", "Ward"));
    }

    @Test
    @DisplayName("a save as published writes nothing if a tag the action uses is gone meanwhile")
    void publishingWithAMissingTagWritesNothing() {
      store().actions().createTag(ORG, Tag.named("late"));
      Action draft = store().actions().createAction(ORG, fullSpec(), NOW);
      ActionSpec edited = ActionDraft.of(draft.spec()).tags("late").spec();
      // Checked by the core, then deleted by another node before the save: no action used it yet.
      assertThat(store().actions().deleteTag(ORG, "late")).isTrue();
      assertThat(store().actions().saveAction(ORG, draft, ActionStatus.PUBLISHED, edited, NOW))
          .isEmpty();
      assertThat(store().actions().findAction(ORG, draft.id())).contains(draft);
    }

    @Test
    @DisplayName("a save as paused writes nothing if a custom field the action sets is gone")
    void pausingWithAMissingFieldWritesNothing() {
      store().actions().createField(ORG, CustomField.bool("late", "Late"));
      Action live =
          move(store().actions().createAction(ORG, fullSpec(), NOW), ActionStatus.PUBLISHED);
      ActionSpec edited = ActionDraft.of(live.spec()).fields("late").spec();
      assertThat(store().actions().deleteField(ORG, "late")).isTrue();
      assertThat(store().actions().saveAction(ORG, live, ActionStatus.PAUSED, edited, NOW))
          .isEmpty();
      assertThat(store().actions().findAction(ORG, live.id())).contains(live);
    }

    @Test
    @DisplayName("a publish and a delete of the tag it uses, racing, never both succeed")
    void aPublishAndADeleteOfItsTagNeverBothSucceed() throws Exception {
      java.util.concurrent.ExecutorService pool =
          java.util.concurrent.Executors.newFixedThreadPool(2);
      try {
        for (int round = 0; round < 40; round++) {
          String tag = "race-" + round;
          store().actions().createTag(ORG, Tag.named(tag));
          Action draft = store().actions().createAction(ORG, fullSpec(), NOW);
          ActionSpec uses = ActionDraft.of(draft.spec()).tags(tag).spec();
          java.util.concurrent.CyclicBarrier start = new java.util.concurrent.CyclicBarrier(2);
          java.util.concurrent.Future<Boolean> published =
              pool.submit(
                  () -> {
                    start.await();
                    return store()
                        .actions()
                        .saveAction(ORG, draft, ActionStatus.PUBLISHED, uses, NOW)
                        .isPresent();
                  });
          java.util.concurrent.Future<Boolean> deleted =
              pool.submit(
                  () -> {
                    start.await();
                    try {
                      return store().actions().deleteTag(ORG, tag);
                    } catch (ValidationException inUse) {
                      return false;
                    }
                  });
          assertThat(published.get() && deleted.get()).as("round %d", round).isFalse();
          assertThat(published.get() || deleted.get()).as("round %d", round).isTrue();
        }
      } finally {
        pool.shutdownNow();
      }
    }

    @Test
    @DisplayName("a draft or a closed action is saved whatever tags and fields it names")
    void draftsAndClosedActionsMayNameUndefinedTags() {
      Action draft = store().actions().createAction(ORG, fullSpec(), NOW);
      ActionSpec ghostly = ActionDraft.of(draft.spec()).tags("ghost").fields("ghost").spec();
      Action saved =
          store().actions().saveAction(ORG, draft, ActionStatus.DRAFT, ghostly, NOW).orElseThrow();
      Action live =
          move(store().actions().createAction(ORG, fullSpec(), NOW), ActionStatus.PUBLISHED);
      assertThat(saved.spec()).isEqualTo(ghostly);
      assertThat(store().actions().saveAction(ORG, live, ActionStatus.CLOSED, ghostly, NOW))
          .isPresent();
    }

    @Test
    @DisplayName("a new action is a draft of version 1 that reads back exactly as written")
    void anActionRoundTrips() {
      Action action = store().actions().createAction(ORG, fullSpec(), NOW);
      assertThat(action.status()).isEqualTo(ActionStatus.DRAFT);
      assertThat(action.version()).isEqualTo(1);
      assertThat(action.createdAt()).isEqualTo(NOW);
      assertThat(store().actions().findAction(ORG, action.id())).contains(action);
      assertThat(action.spec()).isEqualTo(fullSpec());
    }

    @Test
    void aMinimalDraftRoundTrips() {
      ActionSpec spec =
          ActionDraft.named("Bare")
              .sender(SenderSettings.messagingService("bandwidth", "app-1"))
              .spec();
      Action action = store().actions().createAction(ORG, spec, NOW);
      assertThat(store().actions().findAction(ORG, action.id()).map(Action::spec)).contains(spec);
    }

    @Test
    void anotherOrganizationsActionsAreInvisible() {
      Action action = store().actions().createAction(OTHER_ORG, fullSpec(), NOW);
      assertThat(store().actions().findAction(ORG, action.id())).isEmpty();
      assertThat(store().actions().actions(ORG, Long.MAX_VALUE, 10)).isEmpty();
      assertThat(
              store().actions().saveAction(ORG, action, ActionStatus.PUBLISHED, action.spec(), NOW))
          .isEmpty();
      assertThat(store().actions().deleteDraft(ORG, action.id())).isFalse();
    }

    @Test
    void creatingInAnUnknownOrganizationIsNotFound() {
      assertThatThrownBy(() -> store().actions().createAction("nobody", fullSpec(), NOW))
          .isInstanceOf(NotFoundException.class);
    }

    @Test
    void actionsArePagedNewestFirst() {
      long a = store().actions().createAction(ORG, fullSpec(), NOW).id();
      long b = store().actions().createAction(ORG, fullSpec(), NOW).id();
      long c = store().actions().createAction(ORG, fullSpec(), NOW).id();
      assertThat(store().actions().actions(ORG, Long.MAX_VALUE, 2))
          .extracting(Action::id)
          .containsExactly(c, b);
      assertThat(store().actions().actions(ORG, b, 2)).extracting(Action::id).containsExactly(a);
    }

    @Test
    @DisplayName("a save changes status and spec, bumps the version and stamps the time")
    void aSaveReplacesStatusAndSpec() {
      Action draft = store().actions().createAction(ORG, fullSpec(), NOW);
      ActionSpec renamed = ActionDraft.of(draft.spec()).name("Renamed").spec();
      Instant later = NOW.plusSeconds(60);
      Optional<Action> saved =
          store().actions().saveAction(ORG, draft, ActionStatus.PUBLISHED, renamed, later);
      Action expected = new Action(draft.id(), ActionStatus.PUBLISHED, 2, NOW, later, renamed);
      assertThat(saved).contains(expected);
      assertThat(store().actions().findAction(ORG, draft.id())).contains(expected);
    }

    @Test
    @DisplayName("a save based on a stale version or status writes nothing")
    void aStaleSaveWritesNothing() {
      Action draft = store().actions().createAction(ORG, fullSpec(), NOW);
      Action published = move(draft, ActionStatus.PUBLISHED);
      assertThat(
              store().actions().saveAction(ORG, draft, ActionStatus.PUBLISHED, draft.spec(), NOW))
          .isEmpty();
      Action staleStatus =
          new Action(
              published.id(), ActionStatus.PAUSED, published.version(), NOW, NOW, published.spec());
      assertThat(
              store()
                  .actions()
                  .saveAction(ORG, staleStatus, ActionStatus.CLOSED, draft.spec(), NOW))
          .isEmpty();
      assertThat(store().actions().findAction(ORG, draft.id())).contains(published);
    }

    @Test
    @DisplayName("of many threads publishing one draft at once, exactly one succeeds")
    void concurrentPublishesLetOneWin() throws Exception {
      Action draft = store().actions().createAction(ORG, fullSpec(), NOW);
      int threads = 8;
      java.util.concurrent.ExecutorService pool =
          java.util.concurrent.Executors.newFixedThreadPool(threads);
      try {
        java.util.concurrent.CountDownLatch start = new java.util.concurrent.CountDownLatch(1);
        List<java.util.concurrent.Future<Boolean>> results = new java.util.ArrayList<>();
        for (int i = 0; i < threads; i++) {
          results.add(
              pool.submit(
                  () -> {
                    start.await();
                    return store()
                        .actions()
                        .saveAction(ORG, draft, ActionStatus.PUBLISHED, draft.spec(), NOW)
                        .isPresent();
                  }));
        }
        start.countDown();
        int wins = 0;
        for (java.util.concurrent.Future<Boolean> r : results) {
          wins += r.get() ? 1 : 0;
        }
        assertThat(wins).isEqualTo(1);
        assertThat(store().actions().findAction(ORG, draft.id()).map(Action::version)).contains(2L);
      } finally {
        pool.shutdownNow();
      }
    }

    @Test
    void onlyADraftIsDeleted() {
      Action draft = store().actions().createAction(ORG, fullSpec(), NOW);
      Action live =
          move(store().actions().createAction(ORG, fullSpec(), NOW), ActionStatus.PUBLISHED);
      assertThat(store().actions().deleteDraft(ORG, live.id())).isFalse();
      assertThat(store().actions().findAction(ORG, live.id())).isPresent();
      assertThat(store().actions().deleteDraft(ORG, draft.id())).isTrue();
      assertThat(store().actions().findAction(ORG, draft.id())).isEmpty();
    }
  }

  @Nested
  @DisplayName("what actions know of contact lists")
  class Lists {
    private ContactDetails withFields(String phone, String... names) {
      Map<String, String> fields = new LinkedHashMap<>();
      for (String name : names) {
        fields.put(name, "v");
      }
      ContactDetails bare = ContactDetails.ofPhone(phone);
      return new ContactDetails(
          phone,
          "",
          "",
          bare.zip(),
          bare.timeZone(),
          bare.zipState(),
          bare.areaCodeState(),
          bare.externalId(),
          fields);
    }

    @Test
    @DisplayName("a list records the field names of the contacts added to it")
    void addsRecordFieldNames() {
      long list = store().createList(ORG, "Voters", NOW).id();
      assertThat(store().actions().listFieldNames(ORG, list)).isEmpty();
      store().addContact(ORG, list, withFields("+13125550100", "pollingPlace"));
      store().addContact(ORG, list, withFields("+13125550101", "ward", "pollingPlace"));
      store().addContact(ORG, list, withFields("+13125550102"));
      assertThat(store().actions().listFieldNames(ORG, list))
          .containsExactlyInAnyOrder("pollingPlace", "ward");
    }

    @Test
    @DisplayName("an import records the field names of every chunk")
    void importsRecordFieldNames() {
      long list;
      try (ContactImport imp = store().beginImport(ORG, "Voters", NOW)) {
        imp.add(List.of(withFields("+13125550100", "a"), withFields("+13125550101", "b")));
        imp.add(List.of(withFields("+13125550102", "c", "a")));
        list = imp.complete().id();
      }
      assertThat(store().actions().listFieldNames(ORG, list))
          .containsExactlyInAnyOrder("a", "b", "c");
      assertThat(store().actions().listFieldNames(OTHER_ORG, list)).isEmpty();
    }

    @Test
    @DisplayName("a list still being imported shows no field names and no last contact")
    void anImportingListShowsNothing() {
      try (ContactImport imp = store().beginImport(ORG, "Voters", NOW)) {
        imp.add(List.of(withFields("+13125550100", "a")));
        assertThat(store().actions().listFieldNames(ORG, imp.listId())).isEmpty();
        assertThat(store().actions().lastContactId(ORG, imp.listId())).isEmpty();
      }
    }

    @Test
    void theLastContactIdIsTheHighest() {
      long list = store().createList(ORG, "Voters", NOW).id();
      assertThat(store().actions().lastContactId(ORG, list)).isEmpty();
      store().addContact(ORG, list, withFields("+13125550100"));
      long last = store().addContact(ORG, list, withFields("+13125550101")).id();
      assertThat(store().actions().lastContactId(ORG, list)).hasValue(last);
      assertThat(store().actions().lastContactId(OTHER_ORG, list)).isEmpty();
    }
  }

  Action move(Action action, ActionStatus to) {
    return store().actions().saveAction(ORG, action, to, action.spec(), NOW).orElseThrow();
  }
}

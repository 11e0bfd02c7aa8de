package dev.p2p.field;

import static dev.p2p.script.ReplyEffect.field;
import static dev.p2p.script.ReplyEffect.tag;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.p2p.NotFoundException;
import dev.p2p.Organization;
import dev.p2p.P2P;
import dev.p2p.ValidationException;
import dev.p2p.action.Action;
import dev.p2p.action.ActionDraft;
import dev.p2p.action.Question;
import dev.p2p.store.memory.InMemoryStore;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class TagsAndFieldsTest {
  private Organization org;

  @BeforeEach
  void setUp() {
    org = P2P.builder().store(InMemoryStore.create()).build().organization("acme");
  }

  @Test
  void tagsAreDefinedListedByNameUpdatedAndDeleted() {
    org.tags().define(Tag.named("undecided"));
    org.tags().define(new Tag("supporter", "Will vote for us"));
    org.tags().update(new Tag("undecided", "Not sure yet"));
    assertThat(org.tags().list())
        .containsExactly(
            new Tag("supporter", "Will vote for us"), new Tag("undecided", "Not sure yet"));
    assertThat(org.tags().delete("supporter")).isTrue();
    assertThat(org.tags().delete("supporter")).isFalse();
    assertThat(org.tags().find("supporter")).isEmpty();
  }

  @Test
  void aTagIsDefinedOnce() {
    org.tags().define(Tag.named("supporter"));
    assertThatThrownBy(() -> org.tags().define(Tag.named("supporter")))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("already exists; change it with tags().update(..)");
  }

  @Test
  void updatingAnUnknownTagIsNotFound() {
    assertThatThrownBy(() -> org.tags().update(Tag.named("ghost")))
        .isInstanceOf(NotFoundException.class);
  }

  @Test
  @DisplayName("a tag used by an action that is not closed cannot be deleted; once closed it can")
  void aTagInUseCannotBeDeleted() {
    org.tags().define(Tag.named("supporter"));
    Action action =
        org.actions().create(ActionDraft.named("GOTV").reply("Yes", "Great", tag("supporter")));
    assertThatThrownBy(() -> org.tags().delete("supporter"))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("action " + action.id())
        .hasMessageContaining("DRAFT");
    org.actions().delete(action.id());
    assertThat(org.tags().delete("supporter")).isTrue();
  }

  @Test
  void aFieldUsedByAReportQuestionCannotBeDeleted() {
    org.customFields().define(CustomField.number("age", "Age"));
    org.actions().create(ActionDraft.named("Survey").question(Question.field("How old?", "age")));
    assertThatThrownBy(() -> org.customFields().delete("age"))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("custom field 'age'");
  }

  @Test
  void aFieldSetByAReplyCannotBeDeleted() {
    org.customFields().define(CustomField.bool("willVote", "Will vote"));
    org.actions()
        .create(ActionDraft.named("GOTV").reply("Yes", "Great", field("willVote", "true")));
    assertThatThrownBy(() -> org.customFields().delete("willVote"))
        .isInstanceOf(ValidationException.class);
  }

  @Test
  void fieldsAreDefinedFoundAndListedByName() {
    org.customFields().define(CustomField.text("pollingPlace", "Polling place"));
    org.customFields().define(CustomField.choice("ward", "Ward", "1", "2"));
    assertThat(org.customFields().list())
        .extracting(CustomField::name)
        .containsExactly("pollingPlace", "ward");
    assertThat(org.customFields().find("ward").map(CustomField::options))
        .hasValueSatisfying(o -> assertThat(o).containsExactly("1", "2"));
  }

  @Test
  void aFieldsLabelAndNewOptionsCanChange() {
    org.customFields().define(CustomField.choice("ward", "Ward", "1", "2"));
    org.customFields().update(CustomField.choice("ward", "City ward", "1", "2", "3"));
    assertThat(org.customFields().find("ward"))
        .contains(CustomField.choice("ward", "City ward", "1", "2", "3"));
  }

  @Test
  void aFieldsTypeCannotChange() {
    org.customFields().define(CustomField.text("age", "Age"));
    assertThatThrownBy(() -> org.customFields().update(CustomField.number("age", "Age")))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("type cannot change");
  }

  @Test
  void aChoiceCannotLoseAnOption() {
    org.customFields().define(CustomField.choice("ward", "Ward", "1", "2"));
    assertThatThrownBy(() -> org.customFields().update(CustomField.choice("ward", "Ward", "1")))
        .hasMessageContaining("options must keep every existing option");
  }
}

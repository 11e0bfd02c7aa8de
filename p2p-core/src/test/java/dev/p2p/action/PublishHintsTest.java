package dev.p2p.action;

import static dev.p2p.script.ReplyEffect.field;
import static dev.p2p.script.ReplyEffect.tag;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.p2p.Organization;
import dev.p2p.P2P;
import dev.p2p.ValidationException;
import dev.p2p.Violation;
import dev.p2p.contact.NewContact;
import dev.p2p.field.CustomField;
import dev.p2p.field.Tag;
import dev.p2p.store.memory.InMemoryStore;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Publishing's problems with names say what was probably meant, and how to define a new one. */
class PublishHintsTest {
  private Organization org;
  private long listId;

  @BeforeEach
  void setUp() {
    org =
        P2P.builder()
            .store(InMemoryStore.create())
            .gateway(OneNumberGateway.ID, new OneNumberGateway())
            .build()
            .organization("acme");
    org.tags().define(Tag.named("supporter"));
    org.customFields().define(CustomField.date("pledgeDate", "Pledged on"));
    listId = org.contacts().createList("Voters").id();
    org.contacts().add(listId, NewContact.builder("+13125550100").build());
  }

  private List<Violation> problems(ActionDraft draft) {
    long id = org.actions().create(draft.contacts(listId)).id();
    return catchThrowableOfType(() -> org.actions().publish(id), ValidationException.class)
        .violations();
  }

  @Test
  @DisplayName("a misspelt variable is named with the variable meant")
  void aMisspeltVariableSuggestsTheOneMeant() {
    assertThat(problems(ActionDraft.named("GOTV").initial("Hi {fristName}!")))
        .extracting(Violation::reason)
        .singleElement()
        .asString()
        .endsWith("; did you mean {firstName}?");
  }

  @Test
  @DisplayName("a misspelt tag is named with the tag meant and how to define a new one")
  void aMisspeltTagSuggestsTheOneMeant() {
    assertThat(
            problems(ActionDraft.named("GOTV").initial("Hi").reply("Yes", "Ok", tag("suporter"))))
        .containsExactly(
            new Violation(
                "script.replies[Yes].tags",
                "uses unknown tag 'suporter': did you mean 'supporter'? If not, define it first"
                    + " with tags().define(Tag.named(\"suporter\"))"));
  }

  @Test
  @DisplayName("an unknown tag like no other says how to define it")
  void anUnknownTagSaysHowToDefineIt() {
    assertThat(problems(ActionDraft.named("GOTV").initial("Hi").tags("housing")))
        .containsExactly(
            new Violation(
                "tags",
                "uses unknown tag 'housing': define it first with"
                    + " tags().define(Tag.named(\"housing\"))"));
  }

  @Test
  @DisplayName("an unknown field is named the same way whether a reply sets it or a report asks")
  void anUnknownFieldReadsTheSameEverywhere() {
    ActionDraft draft =
        ActionDraft.named("GOTV")
            .initial("Hi")
            .reply("Yes", "Ok", field("pledgeDat", "2026-11-03"))
            .question(Question.field("Ward?", "ward"));
    assertThat(problems(draft))
        .containsExactly(
            new Violation(
                "script.replies[Yes].fields.pledgeDat",
                "uses unknown custom field 'pledgeDat': did you mean 'pledgeDate'? If not, define"
                    + " it first with customFields().define(CustomField.text(\"pledgeDat\","
                    + " label)), or another type"),
            new Violation(
                "report[0].field",
                "uses unknown custom field 'ward': define it first with"
                    + " customFields().define(CustomField.text(\"ward\", label)), or another type"));
  }
}

package dev.p2p.action;

import static dev.p2p.script.ReplyEffect.field;
import static dev.p2p.script.ReplyEffect.tag;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.p2p.ValidationException;
import dev.p2p.Violation;
import dev.p2p.script.ReplyScript;
import java.time.LocalDate;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class ActionDraftTest {
  private static ActionDraft draft() {
    return ActionDraft.named("GOTV")
        .initial("Hi")
        .reply(
            ReplyScript.of("Yes", "Great!", tag("supporter"))
                .withFollowUps(
                    ReplyScript.of("Where", "At City Hall."), ReplyScript.of("When", "Tuesday.")))
        .reply("No", "Thanks.", tag("not-voting"));
  }

  @Test
  @DisplayName("editReply changes a follow-up in place, keeping every other reply as it was")
  void editReplyChangesOneFollowUpInPlace() {
    ActionDraft draft = draft().editReply("Yes/Where", r -> r.withBody("At Lincoln School."));
    assertThat(draft.spec().script().reply("Yes/Where").map(ReplyScript::body))
        .contains("At Lincoln School.");
    assertThat(draft.spec().script().reply("Yes").orElseThrow().followUps())
        .extracting(ReplyScript::label)
        .containsExactly("Where", "When");
    assertThat(draft.spec().script().replies())
        .extracting(ReplyScript::label)
        .containsExactly("Yes", "No");
    assertThat(draft.spec().script().reply("No")).isEqualTo(draft().spec().script().reply("No"));
  }

  @Test
  @DisplayName("withBody keeps the reply's label, tags, fields and follow-ups")
  void withBodyKeepsTheRest() {
    ReplyScript yes = draft().spec().script().reply("Yes").orElseThrow();
    ReplyScript edited = yes.withBody("Wonderful!");
    assertThat(edited.body()).isEqualTo("Wonderful!");
    assertThat(edited.withBody(yes.body())).isEqualTo(yes);
  }

  @Test
  @DisplayName("editReply on a path no reply has names the label that was not found")
  void editReplyOnAMissingPathIsNamed() {
    assertThatThrownBy(() -> draft().editReply("Yes/Why", r -> r))
        .isInstanceOfSatisfying(
            ValidationException.class,
            e ->
                assertThat(e.violations())
                    .containsExactly(
                        new Violation(
                            "script.replies",
                            "has no reply at 'Yes/Why' (no 'Why': the labels there are Where,"
                                + " When)")));
  }

  @Test
  @DisplayName("a date field's value can be given as a LocalDate, written in ISO form")
  void aDateFieldTakesALocalDate() {
    ReplyScript pledge =
        ReplyScript.of("Pledge", "Thanks!", field("pledgeDate", LocalDate.of(2026, 11, 3)));
    assertThat(pledge.fields()).containsEntry("pledgeDate", "2026-11-03");
  }
}

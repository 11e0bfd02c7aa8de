package dev.p2p.action;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.p2p.Organization;
import dev.p2p.P2P;
import dev.p2p.ValidationException;
import dev.p2p.Violation;
import dev.p2p.contact.NewContact;
import dev.p2p.script.ReplyScript;
import dev.p2p.script.ScriptTree;
import dev.p2p.store.memory.InMemoryStore;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Drafts of hostile shapes get a clear answer: a null inside a reply is refused when the reply is
 * written; too many variants, too many replies or too long a label are named at publish, and
 * nothing is written.
 */
class DraftShapesTest {
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
    listId = org.contacts().createList("Voters").id();
    org.contacts().add(listId, NewContact.builder("+13125550100").build());
  }

  private ActionDraft draft() {
    return ActionDraft.named("GOTV").contacts(listId).initial("Hi!");
  }

  private List<Violation> publishFails(ActionDraft draft) {
    Action action = org.actions().create(draft);
    ValidationException e =
        catchThrowableOfType(ValidationException.class, () -> org.actions().publish(action.id()));
    assertThat(e).as("publish refused").isNotNull();
    assertThat(org.actions().find(action.id()).orElseThrow().status())
        .isEqualTo(ActionStatus.DRAFT);
    return e.violations();
  }

  @Test
  @DisplayName("a reply setting a field under a null name is refused, naming fields")
  void aNullFieldNameIsRefused() {
    Map<String, String> fields = new HashMap<>();
    fields.put(null, "x");

    assertThatThrownBy(() -> new ReplyScript("Yes", "Great!", List.of(), fields, List.of()))
        .isInstanceOfSatisfying(
            ValidationException.class,
            e ->
                assertThat(e.violations())
                    .containsExactly(
                        new Violation(
                            "fields",
                            "holds a value under a null name: name every field the reply sets")));
  }

  @Test
  @DisplayName("a reply setting a field to null, or applying a null tag, is refused")
  void nullValuesAndTagsAreRefused() {
    Map<String, String> fields = new HashMap<>();
    fields.put("age", null);
    List<String> tags = new ArrayList<>();
    tags.add(null);

    assertThatThrownBy(() -> new ReplyScript("Yes", "Great!", List.of(), fields, List.of()))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("fields")
        .hasMessageContaining("sets field 'age' to null");
    assertThatThrownBy(() -> new ReplyScript("Yes", "Great!", tags, Map.of(), List.of()))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("tags");
  }

  @Test
  @DisplayName("more initial messages than the limit are named at publish")
  void tooManyVariants() {
    ActionDraft draft = ActionDraft.named("GOTV").contacts(listId);
    for (int i = 0; i <= ScriptTree.MAX_INITIALS; i++) {
      draft.initial("Variant " + i);
    }

    assertThat(publishFails(draft))
        .containsExactly(
            new Violation(
                "script.initial",
                "holds 21 initial messages: at most 20 (ScriptTree.MAX_INITIALS)"));
  }

  @Test
  @DisplayName("as many initial messages as the limit publish")
  void variantsAtTheLimit() {
    ActionDraft draft = ActionDraft.named("GOTV").contacts(listId);
    for (int i = 0; i < ScriptTree.MAX_INITIALS; i++) {
      draft.initial("Variant " + i);
    }
    Action action = org.actions().create(draft);

    assertThat(org.actions().publish(action.id()).script().initials()).hasSize(20);
  }

  @Test
  @DisplayName("more replies than the limit, follow-ups included, are named once")
  void tooManyReplies() {
    ActionDraft draft = draft();
    for (int i = 0; i < ScriptTree.MAX_REPLIES / 2; i++) {
      draft.reply(ReplyScript.of("R" + i, "Reply " + i).withFollowUps(ReplyScript.of("F", "F")));
    }
    draft.reply("Last", "One too many");

    assertThat(publishFails(draft))
        .containsExactly(
            new Violation(
                "script.replies",
                "holds 1001 replies, follow-ups included: at most 1000 (ScriptTree.MAX_REPLIES)"));
  }

  @Test
  @DisplayName("a label longer than the limit is named, by its position")
  void aLongLabelIsNamed() {
    assertThat(publishFails(draft().reply("x".repeat(65), "Hi")))
        .containsExactly(
            new Violation("script.replies[#0].label", "must be at most 64 characters"));
  }

  @Test
  @DisplayName("editing a reply 3,000 levels down walks there and back without recursion")
  void editingADeepReply() {
    ReplyScript reply = ReplyScript.of("L3000", "Deepest");
    StringBuilder path = new StringBuilder("L3000");
    for (int level = 2_999; level >= 1; level--) {
      reply = ReplyScript.of("L" + level, "Level " + level).withFollowUps(reply);
      path.insert(0, "L" + level + "/");
    }
    ActionDraft draft = draft().reply(reply);

    draft.editReply(path.toString(), r -> r.withBody("Edited"));

    assertThat(draft.spec().script().reply(path.toString()))
        .hasValueSatisfying(r -> assertThat(r.body()).isEqualTo("Edited"));
    assertThat(draft.spec().script().replies().get(0).toString())
        .isEqualTo("ReplyScript[label=L1, tags=[], fields=[], followUps=1]");
  }

  @Test
  @DisplayName("two reply trees 100,000 levels deep compare and hash without recursion")
  void deepTreesCompare() {
    ReplyScript one = ReplyScript.of("L", "Deepest");
    ReplyScript two = ReplyScript.of("L", "Deepest");
    ReplyScript other = ReplyScript.of("L", "Other");
    for (int level = 0; level < 100_000; level++) {
      one = ReplyScript.of("L", "Level").withFollowUps(one);
      two = ReplyScript.of("L", "Level").withFollowUps(two);
      other = ReplyScript.of("L", "Level").withFollowUps(other);
    }

    assertThat(one.equals(two)).isTrue();
    assertThat(one.hashCode()).isEqualTo(two.hashCode());
    assertThat(one.equals(other)).isFalse();
    assertThat(new ScriptTree(List.of(), List.of(one)))
        .isEqualTo(new ScriptTree(List.of(), List.of(two)));
  }
}

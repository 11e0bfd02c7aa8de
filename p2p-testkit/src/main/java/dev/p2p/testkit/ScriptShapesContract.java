package dev.p2p.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.p2p.Organization;
import dev.p2p.P2P;
import dev.p2p.ValidationException;
import dev.p2p.Violation;
import dev.p2p.action.Action;
import dev.p2p.action.ActionDraft;
import dev.p2p.action.ActionStatus;
import dev.p2p.contact.NewContact;
import dev.p2p.script.ReplyEffect;
import dev.p2p.script.ReplyScript;
import dev.p2p.script.ScriptTree;
import dev.p2p.store.Store;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Drafts of every shape through {@code P2P} on a real store: a reply tree of any depth is saved,
 * read back whole and named at publish as a problem, never a crash, and every store gives the same
 * problems. Run by {@link StoreContract} on every store.
 */
abstract class ScriptShapesContract {
  static final String ORG = StoreContract.ORG;

  /** The store under test, fresh for each test. */
  abstract Store store();

  private Organization org() {
    P2P p2p =
        P2P.builder()
            .store(store())
            .clock(MutableClock.at("2026-11-03T15:00:00Z"))
            .gateway("fake", FakeGateway.create())
            .build();
    return p2p.organization(ORG);
  }

  /** A chain of replies {@code depth} levels deep, each the only follow-up of the one above. */
  static ReplyScript chain(int depth) {
    ReplyScript reply = ReplyScript.of("L" + depth, "Level " + depth, ReplyEffect.tag("deep"));
    for (int level = depth - 1; level >= 1; level--) {
      reply =
          new ReplyScript(
              "L" + level, "Level " + level, List.of("deep"), java.util.Map.of(), List.of(reply));
    }
    return reply;
  }

  /** The labels of the chain from the top down, read without recursion. */
  static List<String> labels(ReplyScript top) {
    List<String> labels = new ArrayList<>();
    ReplyScript reply = top;
    while (true) {
      labels.add(reply.label());
      if (reply.followUps().isEmpty()) {
        return labels;
      }
      assertThat(reply.followUps()).hasSize(1);
      reply = reply.followUps().get(0);
    }
  }

  private Action draftWith(Organization org, ReplyScript reply) {
    org.tags().define(dev.p2p.field.Tag.named("deep"));
    long listId = org.contacts().createList("Voters").id();
    org.contacts().add(listId, NewContact.builder("+13125550111").build());
    return org.actions()
        .create(ActionDraft.named("Deep").contacts(listId).initial("Hi!").reply(reply));
  }

  @Test
  @DisplayName("a reply tree 3,000 levels deep is saved and read back whole")
  void aDeepTreeRoundTrips() {
    Organization org = org();
    Action draft = draftWith(org, chain(3_000));

    Action read = org.actions().find(draft.id()).orElseThrow();

    List<String> labels = labels(read.script().replies().get(0));
    assertThat(labels).hasSize(3_000).startsWith("L1", "L2").endsWith("L2999", "L3000");
    assertThat(read.spec().tagsUsed()).containsExactly("deep");
  }

  @Test
  @DisplayName("publishing a tree 3,000 deep names its size and depth, and writes nothing")
  void publishNamesAHugeTree() {
    Organization org = org();
    Action draft = draftWith(org, chain(3_000));

    ValidationException e =
        catchThrowableOfType(ValidationException.class, () -> org.actions().publish(draft.id()));

    assertThat(e.violations())
        .containsExactly(
            new Violation(
                "script.replies",
                "holds 3000 replies, follow-ups included: at most "
                    + ScriptTree.MAX_REPLIES
                    + " (ScriptTree.MAX_REPLIES)"),
            new Violation(
                "script.replies",
                "nests replies 3000 levels deep: at most "
                    + ScriptTree.MAX_REPLY_DEPTH
                    + " (ScriptTree.MAX_REPLY_DEPTH)"));
    assertThat(org.actions().find(draft.id()).orElseThrow().status()).isEqualTo(ActionStatus.DRAFT);
  }

  @Test
  @DisplayName("publishing a tree 1,000 deep names where it goes too deep, and writes nothing")
  void publishNamesATreeTooDeep() {
    Organization org = org();
    Action draft = draftWith(org, chain(1_000));

    ValidationException e =
        catchThrowableOfType(ValidationException.class, () -> org.actions().publish(draft.id()));

    assertThat(e.violations())
        .containsExactly(
            new Violation(
                "script.replies[L1].followUps[L2].followUps[L3].followUps[L4].followUps[L5]"
                    + ".followUps[L6].followUps[L7].followUps[L8].followUps[L9].followUps[L10]"
                    + ".followUps",
                "nests replies 1000 levels deep: at most "
                    + ScriptTree.MAX_REPLY_DEPTH
                    + " (ScriptTree.MAX_REPLY_DEPTH)"));
    assertThat(org.actions().find(draft.id()).orElseThrow().status()).isEqualTo(ActionStatus.DRAFT);
  }

  @Test
  @DisplayName("a tree as deep as the limit publishes, and edits in place at its deepest reply")
  void aTreeAtTheLimitPublishes() {
    Organization org = org();
    Action draft = draftWith(org, chain(ScriptTree.MAX_REPLY_DEPTH));

    assertThat(org.actions().publish(draft.id()).status()).isEqualTo(ActionStatus.PUBLISHED);
    String deepest = String.join("/", labels(chain(ScriptTree.MAX_REPLY_DEPTH)));
    org.actions().update(draft.id(), d -> d.editReply(deepest, r -> r.withBody("Edited")));

    assertThat(org.actions().find(draft.id()).orElseThrow().script().reply(deepest))
        .hasValueSatisfying(r -> assertThat(r.body()).isEqualTo("Edited"));
  }
}

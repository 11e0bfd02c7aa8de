package dev.p2p.testkit;

import static dev.p2p.script.ReplyEffect.tag;
import static org.assertj.core.api.Assertions.assertThat;

import dev.p2p.Organization;
import dev.p2p.P2P;
import dev.p2p.action.Action;
import dev.p2p.action.ActionDraft;
import dev.p2p.action.Question;
import dev.p2p.assign.Target;
import dev.p2p.contact.NewContact;
import dev.p2p.conversation.Conversation;
import dev.p2p.conversation.Texter;
import dev.p2p.field.Tag;
import dev.p2p.store.memory.InMemoryStore;
import dev.p2p.testsupport.DocSnippets;
import dev.p2p.texter.TexterProfile;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Keeps the README's texting example running and identical to the code below. */
class TextingReadmeTest {
  private final MutableClock clock = MutableClock.at("2026-11-03T15:00:00Z");
  private final FakeGateway fake = FakeGateway.builder().clock(clock).build();
  private final P2P p2p =
      P2P.builder().store(InMemoryStore.create()).clock(clock).gateway("fake", fake).build();

  @AfterEach
  void close() {
    p2p.close();
  }

  @Test
  @DisplayName("the README's texting example sends, answers with a script and files a report")
  void readmeTextingExampleRuns() {
    fake.connect(p2p.webhooks()::handle);
    Organization acme = p2p.organization("acme");
    acme.tags().define(Tag.named("supporter"));
    acme.texters().upsert(new TexterProfile("ana", "Ana", "Diaz"));
    acme.teams().upsert("volunteers", "Volunteers");
    acme.teams().addMembers("volunteers", List.of("ana"));
    long listId = acme.contacts().createList("voters").id();
    acme.contacts().add(listId, NewContact.builder("+12125551000").firstName("Jo").build());
    Action gotv =
        acme.actions()
            .create(
                ActionDraft.named("GOTV")
                    .contacts(listId)
                    .initial("Hi {firstName}, it's {texterFirstName}. Will you vote Tuesday?")
                    .reply("Yes", "Amazing!", tag("supporter"))
                    .question(Question.tags("Will they vote?", "supporter")));
    // No sender, as in the README: the one gateway registered sends, from its own number.
    acme.actions().publish(gotv.id());

    // readme-texting:start
    acme.updateSettings(
        s -> s.withHelpText("Acme Votes. Reply STOP to opt out.").withStateRules(true));
    acme.assignments().assign(gotv.id(), Target.team("volunteers")); // dynamic batches by default
    Texter ana = acme.texter("ana");
    ana.requestBatch(gotv.id()); // contacts inside texting hours, never opted out
    ana.nextToSend(gotv.id())
        .ifPresent(next -> ana.send(next.conversationId())); // one call, one message
    fake.replyFrom("+12125551000", "+13125550100", "yes!"); // in a test: the contact answers
    for (Conversation c : ana.inbox().needsAttention()) {
      ana.reply(c.id(), "Yes"); // renders the reply script and applies its tags
      ana.fileReport(c.id(), Map.of("Will they vote?", List.of("supporter")));
    }
    // readme-texting:end

    assertThat(fake.sent())
        .extracting(SentMessage::body)
        .containsExactly("Hi Jo, it's Ana. Will you vote Tuesday?", "Amazing!");
    Conversation c =
        ana.inbox()
            .page(dev.p2p.conversation.InboxFilter.ALL, java.util.OptionalLong.empty(), "", 1)
            .items()
            .get(0);
    assertThat(c.tags()).containsExactly("supporter");
    assertThat(c.report()).isPresent();
  }

  @Test
  @DisplayName("the README shows exactly the example this test runs")
  void readmeMatchesThisTest() {
    DocSnippets.assertShown(
        DocSnippets.readme(),
        Path.of("src/test/java/dev/p2p/testkit/TextingReadmeTest.java"),
        "readme-texting");
  }
}

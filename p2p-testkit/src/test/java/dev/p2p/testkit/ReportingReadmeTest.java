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
import dev.p2p.conversation.Texter;
import dev.p2p.event.Event;
import dev.p2p.event.Subscription;
import dev.p2p.field.Tag;
import dev.p2p.report.ActionReport;
import dev.p2p.report.Reports;
import dev.p2p.store.memory.InMemoryStore;
import dev.p2p.store.support.EventJson;
import dev.p2p.testsupport.DocSnippets;
import dev.p2p.texter.TexterProfile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Keeps the README's reporting example running and identical to the code below. */
class ReportingReadmeTest {
  private final MutableClock clock = MutableClock.at("2026-11-03T15:00:00Z");
  private final FakeGateway fake = FakeGateway.builder().clock(clock).build();
  private final P2P p2p =
      P2P.builder().store(InMemoryStore.create()).clock(clock).gateway("fake", fake).build();

  @AfterEach
  void close() {
    p2p.close();
  }

  @Test
  @DisplayName("the README's reporting example reads the report, exports and follows the feed")
  void readmeReportingExampleRuns(@TempDir Path dir) throws Exception {
    fake.connect(p2p.webhooks()::handle);
    Organization acme = p2p.organization("acme");
    acme.tags().define(Tag.named("supporter"));
    acme.texters().upsert(new TexterProfile("ana", "Ana", "Diaz"));
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
    acme.assignments().assign(gotv.id(), Target.texter("ana"));
    List<String> queue = new ArrayList<>();
    long cursor = 0;

    // readme-reporting:start
    try (Subscription live = p2p.events().subscribe(e -> queue.add(EventJson.write(e)))) {
      Texter ana = acme.texter("ana");
      ana.requestBatch(gotv.id());
      ana.nextToSend(gotv.id()).ifPresent(next -> ana.send(next.conversationId()));
      fake.replyFrom("+12125551000", "+13125550100", "yes!");
    }
    ActionReport report = acme.reports().action(gotv.id());
    double replyRate = report.totals().replyRate(); // also per texter, tag, question, variant, cost
    Path csv = dir.resolve("gotv-conversations.csv");
    Reports.toFile(csv, out -> acme.reports().exportConversations(gotv.id(), out));
    for (Event event : acme.events().read(cursor, 500)) { // the durable feed, by position
      cursor = event.position();
    }
    // readme-reporting:end

    assertThat(replyRate).isEqualTo(1.0);
    assertThat(Files.readAllLines(csv)).hasSize(2);
    assertThat(cursor).isEqualTo(p2p.events().lastPosition("acme"));
    assertThat(queue).hasSize((int) cursor);
    assertThat(queue.get(queue.size() - 1)).contains("\"type\":\"message.received\"");
    assertThat(report.totals().messaged()).isEqualTo(1);
    assertThat(report.totals().replied()).isEqualTo(1);
  }

  @Test
  @DisplayName("the README shows exactly the example this test runs")
  void readmeMatchesThisTest() {
    DocSnippets.assertShown(
        DocSnippets.readme(),
        Path.of("src/test/java/dev/p2p/testkit/ReportingReadmeTest.java"),
        "readme-reporting");
  }
}

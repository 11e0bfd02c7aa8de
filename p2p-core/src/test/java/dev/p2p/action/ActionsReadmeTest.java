package dev.p2p.action;

import static dev.p2p.script.ReplyEffect.tag;
import static org.assertj.core.api.Assertions.assertThat;

import dev.p2p.Organization;
import dev.p2p.P2P;
import dev.p2p.contact.NewContact;
import dev.p2p.field.Tag;
import dev.p2p.store.memory.InMemoryStore;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalTime;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Keeps the README's actions example running and identical to the code below. */
class ActionsReadmeTest {

  @Test
  @DisplayName("the README's actions example creates, estimates and publishes an action")
  void readmeActionsExampleRuns() {
    try (P2P p2p =
        P2P.builder()
            .store(InMemoryStore.create())
            .gateway(OneNumberGateway.ID, new OneNumberGateway()) // the one gateway: the sender
            .build()) {
      Organization acme = p2p.organization("acme");
      long listId = acme.contacts().createList("GOTV list").id();
      acme.contacts()
          .add(
              listId,
              NewContact.builder("(312) 555-0101").field("Polling Place", "City Hall").build());

      // readme-actions:start
      acme.tags().define(Tag.named("supporter"));
      Action gotv =
          acme.actions()
              .create(
                  ActionDraft.named("GOTV Day")
                      .contacts(listId)
                      .initial(
                          "Hi {firstName|there}, it's {texterFirstName}. Will you vote Tuesday?")
                      .reply(
                          "Yes", "Amazing! Your polling place is {pollingPlace}.", tag("supporter"))
                      .question(Question.tags("Will they vote?", "supporter"))
                      .textingHours(LocalTime.of(9, 0), LocalTime.of(20, 0)));
      Estimate estimate = acme.actions().estimate(gotv.id()); // segments and cost per variant
      acme.actions().publish(gotv.id()); // lists every problem at once, or goes live
      acme.actions() // a live action's reply, edited in place and checked as at publish
          .update(gotv.id(), d -> d.editReply("Yes", r -> r.withBody("Great! See you Tuesday.")));
      // readme-actions:end

      assertThat(estimate.segments()).isEqualTo(1);
      assertThat(acme.actions().find(gotv.id()).orElseThrow().script().reply("Yes"))
          .hasValueSatisfying(r -> assertThat(r.body()).isEqualTo("Great! See you Tuesday."));
      assertThat(acme.actions().find(gotv.id()).orElseThrow().status())
          .isEqualTo(ActionStatus.PUBLISHED);
    }
  }

  @Test
  @DisplayName("the README shows exactly the actions example this test runs")
  void readmeMatchesThisTest() throws IOException {
    Path root = Path.of("").toAbsolutePath().getParent();
    String readme = Files.readString(root.resolve("README.md"), StandardCharsets.UTF_8);
    String test =
        Files.readString(
            Path.of("src/test/java/dev/p2p/action/ActionsReadmeTest.java"), StandardCharsets.UTF_8);
    String shown = squeeze(between(readme, "<!-- readme-actions:start -->\n```java\n", "```\n"));
    String run = squeeze(between(test, "// readme-actions:start\n", "// readme-actions:end"));
    assertThat(shown).isEqualTo(run);
  }

  private static String between(String text, String start, String end) {
    Matcher m =
        Pattern.compile(Pattern.quote(start) + "(.*?)" + Pattern.quote(end), Pattern.DOTALL)
            .matcher(text);
    assertThat(m.find()).as("markers %s ... %s", start.strip(), end.strip()).isTrue();
    return m.group(1);
  }

  private static String squeeze(String code) {
    return code.replaceAll("\\s+", "");
  }
}

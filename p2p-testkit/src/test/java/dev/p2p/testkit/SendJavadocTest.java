package dev.p2p.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.p2p.Organization;
import dev.p2p.P2P;
import dev.p2p.action.Action;
import dev.p2p.action.ActionDraft;
import dev.p2p.action.SenderSettings;
import dev.p2p.assign.Target;
import dev.p2p.contact.NewContact;
import dev.p2p.conversation.Message;
import dev.p2p.conversation.MessageStatus;
import dev.p2p.conversation.Texter;
import dev.p2p.store.memory.InMemoryStore;
import dev.p2p.testsupport.DocSnippets;
import dev.p2p.texter.TexterProfile;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Keeps what {@code Texter.send}'s Javadoc promises in step with what it returns. */
class SendJavadocTest {
  private final MutableClock clock = MutableClock.at("2026-11-03T15:00:00Z");
  private final FakeGateway fake = FakeGateway.builder().clock(clock).build();
  private final P2P p2p =
      P2P.builder().store(InMemoryStore.create()).clock(clock).gateway("fake", fake).build();

  @AfterEach
  void close() {
    p2p.close();
  }

  @Test
  @DisplayName("send returns the message QUEUED with the carrier's id, as its Javadoc says")
  void sendReturnsQueuedAsDocumented() throws IOException {
    Organization acme = p2p.organization("acme");
    acme.texters().upsert(new TexterProfile("ana", "Ana", "Diaz"));
    long listId = acme.contacts().createList("voters").id();
    acme.contacts().add(listId, NewContact.builder("+12125551000").build());
    Action gotv =
        acme.actions()
            .create(
                ActionDraft.named("GOTV")
                    .contacts(listId)
                    .initial("Will you vote Tuesday?")
                    .sender(SenderSettings.numbers("fake", List.of("+13125550100"))));
    acme.actions().publish(gotv.id());
    acme.assignments().assign(gotv.id(), Target.texter("ana"));
    Texter ana = acme.texter("ana");
    ana.requestBatch(gotv.id());

    Message sent = ana.send(ana.nextToSend(gotv.id()).orElseThrow().conversationId());

    assertThat(sent.status()).isEqualTo(MessageStatus.QUEUED);
    assertThat(sent.carrierMessageId()).isPresent();
    String returns = sendReturnDoc();
    assertThat(returns)
        .as("Texter.send's @return")
        .contains("{@code QUEUED}")
        .doesNotContain("{@code QUEUED} or {@code SENT}");
    assertThat(returns.indexOf("{@code QUEUED}"))
        .as("the status send returns is the first one its @return names")
        .isLessThan(returns.indexOf("{@code SENT}"));
  }

  /** The {@code @return} clause of {@code Texter.send(long)}'s Javadoc, as written. */
  private static String sendReturnDoc() throws IOException {
    Path source =
        DocSnippets.readme()
            .resolveSibling("p2p-core/src/main/java/dev/p2p/conversation/Texter.java");
    String text = Files.readString(source, StandardCharsets.UTF_8);
    int method = text.indexOf("Message send(long");
    assertThat(method).as("Texter.send(long) in %s", source).isPositive();
    String javadoc = text.substring(text.lastIndexOf("/**", method), method);
    Matcher m = Pattern.compile("@return(.*?)@throws", Pattern.DOTALL).matcher(javadoc);
    assertThat(m.find()).as("the @return of send(long)").isTrue();
    return m.group(1);
  }
}

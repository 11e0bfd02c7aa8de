package dev.p2p.event;

import static org.assertj.core.api.Assertions.assertThat;

import dev.p2p.action.ActionStatus;
import dev.p2p.action.Preview;
import dev.p2p.conversation.ConversationStatus;
import dev.p2p.conversation.FailureKind;
import dev.p2p.conversation.MessageStatus;
import dev.p2p.gateway.SendReceipt;
import dev.p2p.optout.OptOutSource;
import dev.p2p.sms.Segments;
import dev.p2p.store.support.OutboundFacts;
import dev.p2p.store.support.SendFacts;
import java.math.BigDecimal;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Values that hold phones or bodies print them masked or left out, so they are safe to log. */
class SafeToStringTest {
  private static final String CONTACT = "+13125550123";
  private static final String SENDER = "+13125550100";
  private static final String BODY = "Hi Ana, this is private: vote at Lincoln School";
  private static final Instant AT = Instant.parse("2026-11-03T15:00:00Z");

  private static Event event(Change change) {
    return new Event(1, "acme", AT, change);
  }

  private static void assertSafe(Object value) {
    assertThat(value.toString())
        .doesNotContain(CONTACT)
        .doesNotContain(SENDER)
        .doesNotContain(CONTACT.substring(1))
        .doesNotContain(SENDER.substring(1))
        .doesNotContain(BODY)
        .doesNotContain("Lincoln");
  }

  @Test
  @DisplayName("every change of the event feed masks phones and leaves bodies out")
  void changes() {
    List<Change> changes =
        List.of(
            new Change.MessageSent(
                1,
                "p2p-1",
                OptionalLong.of(2),
                OptionalLong.of(3),
                Optional.of("ana"),
                CONTACT,
                SENDER,
                "SM1",
                1),
            new Change.MessageDelivered(
                1, "p2p-1", OptionalLong.of(2), OptionalLong.of(3), CONTACT),
            new Change.MessageFailed(
                1,
                "p2p-1",
                OptionalLong.of(2),
                OptionalLong.of(3),
                CONTACT,
                FailureKind.PERMANENT,
                Optional.of("30007")),
            new Change.MessageReceived(
                4,
                OptionalLong.of(2),
                OptionalLong.of(3),
                Optional.of("ana"),
                CONTACT,
                SENDER,
                BODY,
                List.of(URI.create("https://media.example.com/1.jpg"))),
            new Change.ContactOptedOut(CONTACT, OptOutSource.KEYWORD));
    for (Change change : changes) {
      assertSafe(change);
      assertSafe(event(change));
    }
    assertThat(event(changes.get(0)).toString()).contains("+1******0123", "MessageSent");
  }

  @Test
  @DisplayName("a send receipt, a preview and the store's send and outbound facts are safe to log")
  void values() {
    assertSafe(
        new SendReceipt("SM1", MessageStatus.QUEUED, OptionalInt.of(1), Optional.of(SENDER)));
    assertSafe(
        new Preview(BODY, Optional.of(BODY), Segments.of(BODY), BigDecimal.ONE, List.of("x")));
    assertSafe(
        new SendFacts(
            1,
            2,
            CONTACT,
            Optional.of("ana"),
            ConversationStatus.NEEDS_FIRST_MESSAGE,
            ActionStatus.PUBLISHED,
            false,
            false,
            Optional.empty(),
            false,
            Optional.empty(),
            1));
    assertSafe(
        new OutboundFacts(
            1,
            "p2p-1",
            OptionalLong.of(2),
            OptionalLong.of(3),
            Optional.of("ana"),
            CONTACT,
            SENDER,
            Optional.of("SM1"),
            1));
  }
}

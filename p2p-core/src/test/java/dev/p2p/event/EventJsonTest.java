package dev.p2p.event;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.p2p.P2PException;
import dev.p2p.conversation.FailureKind;
import dev.p2p.conversation.FiledReport;
import dev.p2p.event.Change.AssignmentChanged;
import dev.p2p.optout.OptOutSource;
import dev.p2p.store.support.EventJson;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The JSON form of events, as docs/events.md documents it. */
class EventJsonTest {
  static final Instant AT = Instant.parse("2026-11-03T14:05:09.123456Z");

  static Stream<Change> everyKind() {
    return Stream.of(
        new Change.MessageSent(
            7,
            "m-7",
            OptionalLong.of(3),
            OptionalLong.of(2),
            Optional.of("ana"),
            "+13125550001",
            "+13125550100",
            "SM7",
            2),
        new Change.MessageSent(
            8,
            "m-8",
            OptionalLong.empty(),
            OptionalLong.empty(),
            Optional.empty(),
            "+13125550001",
            "MG1",
            "SM8",
            1),
        new Change.MessageDelivered(
            7, "m-7", OptionalLong.of(3), OptionalLong.of(2), "+13125550001"),
        new Change.MessageFailed(
            7,
            "m-7",
            OptionalLong.of(3),
            OptionalLong.of(2),
            "+13125550001",
            FailureKind.INVALID_NUMBER,
            Optional.of("30006")),
        new Change.MessageReceived(
            9,
            OptionalLong.of(3),
            OptionalLong.of(2),
            Optional.of("ana"),
            "+13125550001",
            "+13125550100",
            "Yes, \"of course\" ✓",
            List.of(URI.create("https://media.example/1.jpg"))),
        new Change.ContactOptedOut("+13125550001", OptOutSource.KEYWORD),
        new Change.TagAdded(3, 2, "supporter"),
        new Change.TagRemoved(3, 2, "undecided"),
        new Change.FieldSet(3, 2, "pollingPlace", "Library"),
        new Change.ReportFiled(
            3,
            2,
            new FiledReport(
                Map.of("Will they vote?", List.of("supporter"), "Ward?", List.of("3")), "ana", AT)),
        new AssignmentChanged(
            2,
            AssignmentChanged.Reason.REASSIGNED,
            Optional.of("bob"),
            Optional.of("ana"),
            List.of(3L, 4L)));
  }

  @ParameterizedTest
  @MethodSource("everyKind")
  @DisplayName("every kind of change reads back equal from its JSON")
  void roundTrip(Change change) {
    Event event = new Event(42, "acme", AT, change);
    assertThat(EventJson.read(EventJson.write(event))).isEqualTo(event);
    assertThat(EventJson.readChange(change.type(), EventJson.writeChange(change)))
        .isEqualTo(change);
  }

  @Test
  @DisplayName("the envelope and data have the documented field names, nulls for absent values")
  void stableForm() {
    Event event =
        new Event(
            42,
            "acme",
            AT,
            new Change.MessageSent(
                7,
                "m-7",
                OptionalLong.of(3),
                OptionalLong.empty(),
                Optional.empty(),
                "+13125550001",
                "+13125550100",
                "SM7",
                2));
    assertThat(EventJson.write(event))
        .isEqualTo(
            "{\"position\":42,\"organization\":\"acme\",\"occurredAt\":\"2026-11-03T14:05:09.123456Z\","
                + "\"type\":\"message.sent\",\"data\":{\"messageId\":7,\"reference\":\"m-7\","
                + "\"conversationId\":3,\"actionId\":null,\"texterId\":null,"
                + "\"contactPhone\":\"+13125550001\",\"sender\":\"+13125550100\","
                + "\"carrierMessageId\":\"SM7\",\"segments\":2}}");
  }

  @Test
  @DisplayName("unknown fields are ignored, so readers keep working when fields are added")
  void ignoresUnknownFields() {
    String json =
        "{\"position\":1,\"organization\":\"acme\",\"occurredAt\":\"2026-11-03T14:05:09Z\","
            + "\"type\":\"tag.added\",\"future\":true,"
            + "\"data\":{\"conversationId\":3,\"actionId\":2,\"tag\":\"supporter\",\"x\":1}}";
    assertThat(EventJson.read(json).change()).isEqualTo(new Change.TagAdded(3, 2, "supporter"));
  }

  @Test
  @DisplayName("an unknown type or broken JSON is refused with a P2PException saying why")
  void refusesGarbage() {
    assertThatThrownBy(() -> EventJson.readChange("message.teleported", "{}"))
        .isInstanceOf(P2PException.class)
        .hasMessageContaining("message.teleported");
    assertThatThrownBy(() -> EventJson.read("{not json"))
        .isInstanceOf(P2PException.class)
        .hasMessageContaining("JSON");
  }
}

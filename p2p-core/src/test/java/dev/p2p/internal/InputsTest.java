package dev.p2p.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.p2p.ValidationException;
import dev.p2p.Violation;
import dev.p2p.conversation.Message;
import dev.p2p.conversation.QueuedMessage;
import dev.p2p.gateway.GatewayEvent.InboundMessage;
import java.net.URI;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class InputsTest {
  @Test
  @DisplayName("text keeps pairs and replaces each NUL and lone surrogate by U+FFFD")
  void text() {
    assertThat(Inputs.text("café 😀")).isEqualTo("café 😀");
    assertThat(Inputs.text("a\u0000b")).isEqualTo("a\uFFFDb");
    assertThat(Inputs.text("\uD83D")).isEqualTo("\uFFFD");
    assertThat(Inputs.text("\uDE00x\uD83D\uDE00\uD83D")).isEqualTo("\uFFFDx😀\uFFFD");
  }

  @Test
  @DisplayName("text returns the same string when there is nothing to replace")
  void textWithoutProblemsIsTheSameString() {
    String clean = "Hello, world";
    assertThat(Inputs.text(clean)).isSameAs(clean);
  }

  @Test
  @DisplayName("a cut never splits a surrogate pair")
  void cut() {
    assertThat(Inputs.cut("abc", 3)).isEqualTo("abc");
    assertThat(Inputs.cut("abcd", 3)).isEqualTo("abc");
    assertThat(Inputs.cut("ab😀", 3)).isEqualTo("ab");
    assertThat(Inputs.cut("a😀b", 3)).isEqualTo("a😀");
  }

  @Test
  @DisplayName("ids are refused blank, padded, with a control character or lone surrogate, or long")
  void idProblems() {
    assertThat(Inputs.idProblem("ana@acme.org", 255)).isEmpty();
    assertThat(Inputs.idProblem("Ana López 😀", 255)).isEmpty();
    for (String bad : List.of("", " ", "x ", " x", "x\u00A0", "a\tb", "a\u0000b", "a\uD800b")) {
      assertThat(Inputs.idProblem(bad, 255)).as("'%s'", bad).isPresent();
    }
    assertThat(Inputs.idProblem("y".repeat(4), 3)).contains("must be at most 3 characters");
  }

  @Test
  @DisplayName("an inbound message over the limits is cut and marked; one within them is not")
  void inboundMessageIsCut() {
    List<URI> media = List.of(URI.create("https://m.test/" + "a".repeat(2_100)));
    InboundMessage cut =
        new InboundMessage(
            "IN-1", "+13125550123", "+13125550100", "y".repeat(5_000), media, Optional.empty());
    assertThat(cut.body()).hasSize(Message.MAX_BODY_LENGTH);
    assertThat(cut.media()).isEmpty();
    assertThat(cut.truncated()).isTrue();
    InboundMessage whole =
        new InboundMessage(
            "IN-2", "+13125550123", "+13125550100", "Yes\u0000", List.of(), Optional.empty());
    assertThat(whole.body()).isEqualTo("Yes\uFFFD");
    assertThat(whole.truncated()).isFalse();
  }

  @Test
  @DisplayName("a queued message over the limits is refused naming body and media")
  void queuedMessageIsRefused() {
    List<URI> media =
        java.util.stream.IntStream.range(0, 11)
            .mapToObj(i -> URI.create("https://m.test/" + i))
            .toList();
    assertThatThrownBy(
            () ->
                new QueuedMessage(
                    "fake", "ref-1", "+13125550100", "+13125550123", "y".repeat(4_097), media, 1))
        .isInstanceOfSatisfying(
            ValidationException.class,
            e ->
                assertThat(e.violations())
                    .extracting(Violation::field)
                    .containsExactly("body", "media"));
  }

  @Test
  @DisplayName("a carrier id with a space at the end is refused")
  void paddedCarrierId() {
    assertThatThrownBy(
            () ->
                new InboundMessage(
                    "IN-1 ", "+13125550123", "+13125550100", "Yes", List.of(), Optional.empty()))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("carrierMessageId");
  }
}

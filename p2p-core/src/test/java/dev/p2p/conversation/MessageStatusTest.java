package dev.p2p.conversation;

import static dev.p2p.conversation.MessageStatus.DELIVERED;
import static dev.p2p.conversation.MessageStatus.FAILED;
import static dev.p2p.conversation.MessageStatus.QUEUED;
import static dev.p2p.conversation.MessageStatus.RECEIVED;
import static dev.p2p.conversation.MessageStatus.SENDING;
import static dev.p2p.conversation.MessageStatus.SENT;
import static dev.p2p.conversation.MessageStatus.UNDELIVERED;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class MessageStatusTest {

  @Test
  @DisplayName("an outbound message moves forward through queued, sending, sent and a final status")
  void movesForward() {
    assertThat(QUEUED.canMoveTo(SENDING)).isTrue();
    assertThat(QUEUED.canMoveTo(DELIVERED)).isTrue();
    assertThat(SENDING.canMoveTo(SENT)).isTrue();
    assertThat(SENT.canMoveTo(FAILED)).isTrue();
    assertThat(SENT.canMoveTo(UNDELIVERED)).isTrue();
  }

  @Test
  @DisplayName("a repeated or late status never moves a message back")
  void neverBackwards() {
    assertThat(SENT.canMoveTo(SENT)).isFalse();
    assertThat(SENT.canMoveTo(SENDING)).isFalse();
    assertThat(DELIVERED.canMoveTo(SENT)).isFalse();
  }

  @Test
  @DisplayName("nothing follows a final status, not even another final one")
  void finalIsFinal() {
    assertThat(DELIVERED.isFinal()).isTrue();
    assertThat(DELIVERED.canMoveTo(FAILED)).isFalse();
    assertThat(FAILED.canMoveTo(DELIVERED)).isFalse();
    assertThat(UNDELIVERED.canMoveTo(DELIVERED)).isFalse();
  }

  @Test
  @DisplayName("inbound and outbound statuses never mix")
  void receivedIsSeparate() {
    assertThat(QUEUED.canMoveTo(RECEIVED)).isFalse();
    assertThat(RECEIVED.canMoveTo(DELIVERED)).isFalse();
  }
}

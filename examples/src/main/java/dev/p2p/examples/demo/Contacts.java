package dev.p2p.examples.demo;

import dev.p2p.conversation.Message;
import dev.p2p.testkit.FakeGateway;
import java.time.Duration;

/**
 * The demo's contacts: each reads what was delivered and maybe answers some minutes later, from
 * their own phone to the number that texted them, through the carrier's inbound webhook.
 */
final class Contacts {
  private final FakeGateway fake;
  private final Simulation sim;
  private final Replies replies;

  Contacts(FakeGateway fake, Simulation sim, Replies replies) {
    this.fake = fake;
    this.sim = sim;
    this.replies = replies;
  }

  /** A contact got the initial message of this variant. */
  void readInitial(Message delivered, int variant) {
    replies.firstReply(variant).ifPresent(intent -> answer(delivered, intent));
  }

  /** A contact got the answer to their question. */
  void readAnswer(Message delivered) {
    replies.followUp().ifPresent(intent -> answer(delivered, intent));
  }

  private void answer(Message delivered, Intent intent) {
    String text = replies.phrase(intent);
    sim.after(
        Duration.ofSeconds(replies.delaySeconds()),
        () -> {
          fake.replyFrom(delivered.contactPhone(), delivered.sender(), text);
        });
  }
}

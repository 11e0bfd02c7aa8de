package dev.p2p.store.support;

import dev.p2p.Beta;
import dev.p2p.ValidationException;
import dev.p2p.conversation.Message;
import dev.p2p.conversation.MessageStatus;
import dev.p2p.gateway.CarrierMessage;
import dev.p2p.gateway.Sender;
import dev.p2p.gateway.SentLookup;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What the carrier's message list means for a send of unknown fate (a message still {@code QUEUED}
 * without a carrier id: flagged {@link Message#unconfirmed()}, or recorded by a node that stopped
 * before the carrier answered), decided once for every store and gateway.
 *
 * <p>A send is looked up only once {@link #SETTLE_AFTER} has passed since it last changed, which is
 * longer than any wait of the send policy, so that a send still in flight is never touched and the
 * carrier's list has caught up. The lookup asks for messages from its sender to its contact taken
 * from {@link #CLOCK_SKEW} before it was recorded to {@link #SETTLE_AFTER} after it last changed. A
 * carrier message matches when its sender (number or messaging service) and contact are the send's,
 * its time is in that window, and its body, when the carrier keeps bodies, is the send's. Then:
 *
 * <ul>
 *   <li>exactly one match: the carrier has the message; it is {@link Verdict.Sent sent}, with the
 *       carrier's id and status;
 *   <li>no match: the carrier never took it (its list shows every message it took); it is {@link
 *       Verdict.NeverReceived failed}, safe to send again by hand;
 *   <li>several matches, or a gateway that cannot look messages up: nothing is written; it is
 *       {@link Verdict.ForAPerson left for a person}. p2p never resends it.
 * </ul>
 */
@Beta
public final class ReconcileRule {
  /** How long after its last change a send of unknown fate is first looked up: 10 minutes. */
  public static final Duration SETTLE_AFTER = Duration.ofMinutes(10);

  /** How far the carrier's clock may run behind p2p's: 2 minutes. */
  public static final Duration CLOCK_SKEW = Duration.ofMinutes(2);

  private ReconcileRule() {}

  /** What a lookup of the carrier's list means for one send. */
  public sealed interface Verdict {
    /** The carrier has the message: the one carrier message that matched. */
    record Sent(CarrierMessage match) implements Verdict {
      /** Checks presence. */
      public Sent {
        Objects.requireNonNull(match, "match");
      }
    }

    /** The carrier's list shows no such message: the carrier never took it. */
    record NeverReceived() implements Verdict {}

    /** The list cannot settle it: a person decides. */
    record ForAPerson(String why) implements Verdict {
      /** Checks presence. */
      public ForAPerson {
        Objects.requireNonNull(why, "why");
      }
    }
  }

  /** The lookup to make at the carrier for a send of unknown fate. */
  public static SentLookup lookup(Message m) {
    return new SentLookup(
        sender(m.sender()),
        m.contactPhone(),
        m.createdAt().minus(CLOCK_SKEW),
        m.updatedAt().plus(SETTLE_AFTER));
  }

  /**
   * The verdict for a send, given what the carrier's list returned for its {@link #lookup}.
   *
   * @param found the carrier's messages, or empty when the gateway cannot look messages up
   */
  public static Verdict verdict(Message m, Optional<List<CarrierMessage>> found) {
    if (found.isEmpty()) {
      return new Verdict.ForAPerson("its gateway cannot look messages up at the carrier");
    }
    SentLookup window = lookup(m);
    List<CarrierMessage> matches = found.get().stream().filter(c -> matches(m, window, c)).toList();
    if (matches.isEmpty()) {
      return new Verdict.NeverReceived();
    }
    if (matches.size() > 1) {
      return new Verdict.ForAPerson(
          "the carrier lists " + matches.size() + " messages that may be this one");
    }
    return new Verdict.Sent(matches.get(0));
  }

  /**
   * The status the send's receipt is stored with: the carrier's, up to {@code SENT}; a final status
   * follows as a status update, so that it writes its event.
   */
  public static MessageStatus receiptStatus(CarrierMessage match) {
    return match.status().isFinal() ? MessageStatus.SENT : match.status();
  }

  private static boolean matches(Message m, SentLookup window, CarrierMessage c) {
    return c.to().equals(m.contactPhone())
        && (c.from().equals(m.sender()) || c.messagingService().equals(Optional.of(m.sender())))
        && !c.at().isBefore(window.since())
        && !c.at().isAfter(window.until())
        && c.body().map(body -> body.equals(m.body())).orElse(true);
  }

  private static Sender sender(String address) {
    try {
      return Sender.number(address);
    } catch (ValidationException e) {
      return Sender.messagingService(address);
    }
  }
}

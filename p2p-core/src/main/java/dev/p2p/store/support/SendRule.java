package dev.p2p.store.support;

import dev.p2p.action.ActionStatus;
import dev.p2p.conversation.ConversationStatus;
import dev.p2p.store.SendRecord;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Whether an outbound message may be recorded, decided once for every store. The checks run in a
 * fixed order, so that a conversation failing several gets the same refusal everywhere: the texter,
 * the opt-out, the action's status, the invalid mark, then (initial messages) the variant, the
 * conversation's status and the lock window, or (replies) the conversation's status. p2p's
 * automatic answers skip every check.
 */
public final class SendRule {
  private SendRule() {}

  /**
   * Whether {@link #decide} needs {@link SendFacts#variants()}: for an initial message of a variant
   * after the first. Variant 0 needs no count, as a published action always has a first initial
   * message (publishing requires one and initial messages cannot change once published), so a store
   * reads the action's script only when this says so.
   */
  public static boolean needsVariants(SendRecord record) {
    return record.kind() == SendRecord.Kind.INITIAL && record.variant() > 0;
  }

  /**
   * Decides on a record.
   *
   * @param record what the core asks to record
   * @param facts what the store read with the conversation locked
   * @param now the operation's time
   * @return what to write
   * @throws dev.p2p.ForbiddenException if the conversation is not the texter's
   * @throws dev.p2p.OptedOutException if the phone is opted out
   * @throws dev.p2p.ValidationException naming {@code status}, {@code contactPhone} or {@code
   *     variant} (an initial message's variant the action's script does not have)
   */
  public static SendVerdict decide(SendRecord record, SendFacts facts, Instant now) {
    if (record.kind() == SendRecord.Kind.AUTOMATIC) {
      return new SendVerdict(Optional.empty(), false, false, OptionalLong.empty());
    }
    String texter = record.texterId().orElseThrow();
    if (!facts.texterId().equals(Optional.of(texter))) {
      throw Refusals.notAssigned(facts.conversationId(), texter);
    }
    if (facts.optedOut() || facts.status() == ConversationStatus.OPTED_OUT) {
      throw Refusals.optedOut(facts.phone());
    }
    if (facts.actionStatus() != ActionStatus.PUBLISHED) {
      throw Refusals.actionNotLive(facts.actionStatus());
    }
    if (facts.invalidPhone()) {
      throw Refusals.invalidPhone();
    }
    boolean initial = record.kind() == SendRecord.Kind.INITIAL;
    if (initial) {
      if (needsVariants(record) && record.variant() >= facts.variants()) {
        throw Refusals.noVariant(record.variant(), facts.variants());
      }
      if (facts.status() != ConversationStatus.NEEDS_FIRST_MESSAGE) {
        throw Refusals.alreadyStarted(facts.status());
      }
      if (locked(facts.initialLock(), facts.actionId(), record.lockWindow(), now)) {
        throw Refusals.lockWindow(record.lockWindow());
      }
    } else if (facts.status() != ConversationStatus.AWAITING_REPLY
        && facts.status() != ConversationStatus.NEEDS_ATTENTION) {
      throw Refusals.replyNeedsOpen(facts.status());
    }
    OptionalLong responseMs =
        !initial && facts.contactWroteLast() && facts.lastMessageAt().isPresent()
            ? OptionalLong.of(Duration.between(facts.lastMessageAt().get(), now).toMillis())
            : OptionalLong.empty();
    return new SendVerdict(
        Optional.of(ConversationStatus.AWAITING_REPLY), initial, initial, responseMs);
  }

  /**
   * Whether another action's initial message to the phone, as the lock records it, is within the
   * window at {@code now}. Claims and {@code nextToSend} skip such phones; sends refuse them.
   */
  public static boolean locked(
      Optional<SendFacts.InitialLock> lock, long actionId, Duration window, Instant now) {
    return lockedAfter(lock, actionId, lockCutoff(window, now));
  }

  /**
   * Whether another action's initial message to the phone, as the lock records it, came after the
   * cutoff ({@link #lockCutoff}; empty: no lock window). A SQL store filters by the same condition
   * in its claims and {@code nextToSend}.
   */
  public static boolean lockedAfter(
      Optional<SendFacts.InitialLock> lock, long actionId, Optional<Instant> cutoff) {
    return cutoff.isPresent()
        && lock.isPresent()
        && lock.get().actionId() != actionId
        && lock.get().sentAt().isAfter(cutoff.get());
  }

  /**
   * The instant after which another action's initial message to a phone still locks it at {@code
   * now}: claims and {@code nextToSend} skip phones locked after it. Empty when the window is zero
   * (no lock).
   */
  public static Optional<Instant> lockCutoff(Duration window, Instant now) {
    return window.isZero() ? Optional.empty() : Optional.of(now.minus(window));
  }
}

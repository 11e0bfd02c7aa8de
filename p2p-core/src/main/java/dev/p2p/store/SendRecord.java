package dev.p2p.store;

import dev.p2p.ValidationException;
import dev.p2p.conversation.QueuedMessage;
import dev.p2p.script.ScriptTree;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * An outbound message of a conversation, as the core hands it to {@link
 * ConversationStore#recordSend} after the checks that need no data (texting hours, rendering,
 * segments).
 *
 * @param conversationId the conversation
 * @param kind initial message, texter's reply, or automatic answer
 * @param texterId the texter sending it; empty only for {@link Kind#AUTOMATIC}
 * @param message the message to record as queued; its sender is the one to use when the
 *     conversation has none yet and {@code senderPool} is empty
 * @param senderPool for a conversation with no sender yet whose action texts from its own numbers,
 *     the numbers to bind the contact to (see {@link ConversationStore#recordSend}), in the same
 *     transaction; empty otherwise
 * @param effects tags and field values the reply script applies, in the same transaction
 * @param lockWindow for an initial message, how long another action's initial message to the same
 *     phone blocks this one; {@link Duration#ZERO} for no lock
 * @param variant for an initial message, the index of the script's initial-message variant it
 *     renders (kept for reporting), 0 to {@code ScriptTree.MAX_INITIALS - 1} and one the action has
 *     ({@link dev.p2p.store.support.SendRule} checks it under the lock); 0 for other kinds
 */
public record SendRecord(
    long conversationId,
    Kind kind,
    Optional<String> texterId,
    QueuedMessage message,
    List<String> senderPool,
    ConversationUpdate effects,
    Duration lockWindow,
    int variant) {

  /** What the message is. */
  public enum Kind {
    /** The conversation's first message; needs status {@code NEEDS_FIRST_MESSAGE}. */
    INITIAL,
    /** A texter's message after the first (script or free text). */
    REPLY,
    /**
     * p2p's own answer (a HELP reply, an opt-out confirmation): no texter, no assignment check,
     * allowed on an opted-out conversation, and the status does not move.
     */
    AUTOMATIC
  }

  /**
   * Checks presence, that only automatic messages have no texter, and the variant's range.
   *
   * @throws ValidationException naming {@code variant} if it is negative, not below {@code
   *     ScriptTree.MAX_INITIALS}, or not 0 for a message other than an initial one
   */
  public SendRecord {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(texterId, "texterId");
    Objects.requireNonNull(message, "message");
    senderPool = List.copyOf(senderPool);
    Objects.requireNonNull(effects, "effects");
    Objects.requireNonNull(lockWindow, "lockWindow");
    if (texterId.isEmpty() != (kind == Kind.AUTOMATIC)) {
      throw new IllegalArgumentException("only an automatic message has no texter");
    }
    if (lockWindow.isNegative()) {
      throw new IllegalArgumentException("lockWindow must not be negative");
    }
    if (variant < 0
        || variant >= ScriptTree.MAX_INITIALS
        || (kind != Kind.INITIAL && variant != 0)) {
      throw ValidationException.of(
          "variant",
          kind == Kind.INITIAL
              ? "is "
                  + variant
                  + ": a variant is the index of an initial message, 0 to "
                  + (ScriptTree.MAX_INITIALS - 1)
              : "is " + variant + ": only an initial message has a variant other than 0");
    }
  }

  /** A record of variant 0: any reply or automatic answer, or a script's only initial message. */
  public SendRecord(
      long conversationId,
      Kind kind,
      Optional<String> texterId,
      QueuedMessage message,
      ConversationUpdate effects,
      Duration lockWindow) {
    this(conversationId, kind, texterId, message, List.of(), effects, lockWindow, 0);
  }
}

package dev.p2p.store.support;

import java.time.Duration;
import java.time.Instant;

/**
 * When an unfinished import is abandoned, decided once for every store. An import stays invisible
 * until it completes; one whose process died (a node stopped, its connection was lost) never does.
 * Each chunk an import writes renews its last write; an import that has written nothing for {@link
 * #ABANDONED_AFTER} is abandoned, and the next import begun on the store, in any organization,
 * removes it and its contacts. Its writer, should it still be alive, is then refused with {@link
 * Refusals#importAbandoned(long)}.
 */
public final class ImportRule {
  /** How long an unfinished import may go without writing before it is abandoned: 15 minutes. */
  public static final Duration ABANDONED_AFTER = Duration.ofMinutes(15);

  private ImportRule() {}

  /** Imports whose last write is before this instant are abandoned as of {@code now}. */
  public static Instant abandonedBefore(Instant now) {
    return now.minus(ABANDONED_AFTER);
  }

  /**
   * The time of an import's write: when it began plus the time elapsed since on a monotonic clock,
   * as the store keeps no clock of its own.
   */
  public static Instant lastWrite(Instant begun, long begunNanos, long nowNanos) {
    return begun.plusNanos(Math.max(0, nowNanos - begunNanos));
  }
}

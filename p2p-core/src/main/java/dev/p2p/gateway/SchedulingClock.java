package dev.p2p.gateway;

import java.util.concurrent.ScheduledExecutorService;

/**
 * A clock that offers a scheduler on its own time, such as the testkit's {@code MutableClock}. When
 * {@code P2P} is built with such a clock and no {@code scheduler(..)}, the gateway policies wait on
 * this clock's scheduler (a sender's next rate slot, a retry's backoff), so a test that drives the
 * clock never waits in real time and never sees a send refused for want of wall time. A production
 * clock does not implement it.
 */
public interface SchedulingClock {
  /**
   * A scheduler whose delays pass on this clock's time. p2p never shuts it down.
   *
   * @return the same scheduler each time
   */
  ScheduledExecutorService scheduler();
}

package dev.p2p.spring.boot;

import dev.p2p.P2P;
import java.time.Duration;
import java.util.Objects;
import org.springframework.context.SmartLifecycle;

/**
 * Closes {@link P2P} when the application stops: waits up to the grace for the sends under way to
 * get the carrier's answer, stores their outcomes and receipts, then closes ({@link
 * P2P#close(Duration)}). Its {@link #PHASE phase} stops it after the web server's graceful shutdown
 * (which lets the webhooks under way finish) and before the web server itself stops.
 */
public class P2PGracefulShutdown implements SmartLifecycle {
  /**
   * The phase: below the web server's graceful shutdown ({@code DEFAULT_PHASE - 1024}), so it stops
   * after it, and above the web server's stop ({@code DEFAULT_PHASE - 2048}).
   */
  public static final int PHASE = SmartLifecycle.DEFAULT_PHASE - 1536;

  private final P2P p2p;
  private final Duration grace;
  private volatile boolean running;

  /**
   * Creates the lifecycle.
   *
   * @param p2p the instance to close
   * @param grace how long to wait for pending sends at most
   */
  public P2PGracefulShutdown(P2P p2p, Duration grace) {
    this.p2p = Objects.requireNonNull(p2p, "p2p");
    this.grace = Objects.requireNonNull(grace, "grace");
  }

  @Override
  public void start() {
    running = true;
  }

  @Override
  public void stop() {
    if (running) {
      running = false;
      p2p.close(grace);
    }
  }

  @Override
  public boolean isRunning() {
    return running;
  }

  @Override
  public int getPhase() {
    return PHASE;
  }

  /**
   * The grace this lifecycle waits for pending sends.
   *
   * @return the grace
   */
  public Duration grace() {
    return grace;
  }
}

package dev.p2p.event;

/** A registration that {@link #close()} ends. Idempotent and thread-safe. */
@FunctionalInterface
public interface Subscription extends AutoCloseable {
  /** Ends the registration: no call after this one returns. */
  @Override
  void close();
}

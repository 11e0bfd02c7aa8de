package dev.p2p.event;

/**
 * Told of events in-process, after the transaction that wrote them has committed.
 *
 * <p>Called on the thread that made the change (a texter's send, a webhook), in position order
 * within one transaction; events of concurrent transactions may arrive in any order, and events
 * written by other app nodes never arrive here. Keep it fast and hand heavy work to a queue of your
 * own. An exception it throws is logged and never undoes or breaks the change. For a complete,
 * ordered record, read the feed with {@link Events#read}.
 */
@FunctionalInterface
public interface EventListener {
  /** Handles one committed event. */
  void onEvent(Event event);
}

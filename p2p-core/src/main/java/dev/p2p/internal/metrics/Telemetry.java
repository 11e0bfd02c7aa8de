package dev.p2p.internal.metrics;

import dev.p2p.conversation.FailureKind;
import dev.p2p.event.Event;
import dev.p2p.gateway.policy.PolicyListener;
import java.util.List;
import java.util.Optional;

/**
 * Internal: what p2p tells its metrics and observations, in the domain's words. {@link #NONE} does
 * nothing, and is what p2p uses unless the host gave a Micrometer registry; {@code
 * MicrometerTelemetry} is the one implementation that records. Never handed a phone or a body; ids
 * only where a tag may carry them (the organization, when the host opted in). Thread-safe.
 */
public interface Telemetry {
  /** Records nothing. */
  Telemetry NONE = new Telemetry() {};

  /** Work under way, ended once with its outcome (a low-cardinality word, or an HTTP status). */
  interface Span {
    /** A span that records nothing. */
    Span NONE = outcome -> {};

    /**
     * Ends the work: records its time and outcome.
     *
     * @param outcome {@code sent}, {@code failed}, {@code claimed}, {@code empty}, a status...
     */
    void end(String outcome);
  }

  /** A send of the organization through this gateway starts: its record, call and outcome. */
  default Span sendStarted(String orgId, String gatewayId) {
    return Span.NONE;
  }

  /** The carrier accepted a message. */
  default void messageSent(String orgId, String gatewayId) {}

  /** A send failed, for this reason. */
  default void messageFailed(String orgId, String gatewayId, FailureKind kind) {}

  /** A delivery receipt moved a message to delivered. */
  default void messageDelivered(String gatewayId) {}

  /**
   * A receipt moved a sent message to failed or undelivered: the carrier took it but could not
   * deliver it.
   *
   * @param kind why, as p2p classifies the carrier's error; empty when the receipt gave none
   */
  default void messageUndelivered(String gatewayId, Optional<FailureKind> kind) {}

  /** An inbound message was stored for the organization. */
  default void messageReceived(String orgId, String gatewayId) {}

  /**
   * A webhook request arrives.
   *
   * @param gatewayId the registered gateway it is for, or {@code none}
   * @return ended with the response's HTTP status
   */
  default Span webhookStarted(String gatewayId) {
    return Span.NONE;
  }

  /**
   * A texter claims work: {@code batch} (requestBatch) or {@code next} (nextToSend).
   *
   * @return ended with {@code claimed}, {@code empty} or {@code error}
   */
  default Span claimStarted(String orgId, String kind) {
    return Span.NONE;
  }

  /** An import of the organization ended: rows read, stored and rejected. */
  default void imported(String orgId, long read, long stored, long rejected) {}

  /** The store committed these events (opt-outs are counted from them; the head moves). */
  default void eventsCommitted(List<Event> events) {}

  /** What the gateway policy of this gateway tells the metrics. */
  default PolicyListener gatewayPolicy(String gatewayId) {
    return PolicyListener.NONE;
  }
}

package dev.p2p.testkit;

import dev.p2p.gateway.OutboundMessage;
import dev.p2p.sms.Segments;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
import org.jspecify.annotations.Nullable;

/**
 * {@link FakeGateway}'s state under one lock: the attempts and accepted sends it recorded, and what
 * the test planned for the next sends (failures, latency, carrier ids), each consumed in order.
 */
final class FakeLedger {
  private final Object lock = new Object();
  private final List<OutboundMessage> attempts = new ArrayList<>();
  private final List<SentMessage> sent = new ArrayList<>();
  // Lookups by reference (the latest send wins) and by carrier id (the first wins), so a receipt
  // finds its message at once however many were sent.
  private final Map<String, SentMessage> byReference = new HashMap<>();
  private final Map<String, SentMessage> byCarrierId = new HashMap<>();
  private final Deque<InjectedFailure> failures = new ArrayDeque<>();
  private final Deque<Duration> latencies = new ArrayDeque<>();
  private final Deque<Acceptance> acceptances = new ArrayDeque<>();

  /** A carrier id and segment count planned for an accepted send. */
  record Acceptance(String carrierMessageId, int segments) {}

  /**
   * What happens to one send: after the latency, if any, the failure, if any, else acceptance with
   * the planned id, if any.
   */
  record Plan(
      Optional<Duration> latency,
      Optional<InjectedFailure> failure,
      Optional<Acceptance> acceptance) {}

  /** Records the attempt and takes what was planned for it. */
  Plan begin(OutboundMessage message) {
    synchronized (lock) {
      attempts.add(message);
      Optional<Duration> latency = Optional.ofNullable(latencies.poll());
      @Nullable InjectedFailure failure = failures.poll();
      if (failure != null) {
        return new Plan(latency, Optional.of(failure), Optional.empty());
      }
      return new Plan(latency, Optional.empty(), Optional.ofNullable(acceptances.poll()));
    }
  }

  void record(SentMessage message) {
    synchronized (lock) {
      sent.add(message);
      byReference.put(message.reference(), message);
      byCarrierId.putIfAbsent(message.carrierMessageId(), message);
    }
  }

  void failNext(int times, InjectedFailure failure) {
    synchronized (lock) {
      failures.addAll(Collections.nCopies(times, failure));
    }
  }

  void delayNext(int times, Duration latency) {
    synchronized (lock) {
      latencies.addAll(Collections.nCopies(times, latency));
    }
  }

  void acceptNext(Acceptance acceptance) {
    synchronized (lock) {
      acceptances.add(acceptance);
    }
  }

  List<OutboundMessage> attempts() {
    synchronized (lock) {
      return List.copyOf(attempts);
    }
  }

  List<SentMessage> sent(Predicate<SentMessage> filter) {
    synchronized (lock) {
      return sent.stream().filter(filter).toList();
    }
  }

  /** The latest accepted send with this reference or, failing that, with this carrier id. */
  Optional<SentMessage> find(String referenceOrCarrierId) {
    synchronized (lock) {
      return Optional.ofNullable(byReference.get(referenceOrCarrierId))
          .or(() -> findByCarrierId(referenceOrCarrierId));
    }
  }

  /** The accepted send with this carrier id. */
  Optional<SentMessage> findByCarrierId(String carrierMessageId) {
    synchronized (lock) {
      return Optional.ofNullable(byCarrierId.get(carrierMessageId));
    }
  }

  void clear() {
    synchronized (lock) {
      attempts.clear();
      sent.clear();
      byReference.clear();
      byCarrierId.clear();
      failures.clear();
      latencies.clear();
      acceptances.clear();
    }
  }

  /**
   * The segments a carrier bills: one for MMS; for text, core's {@link Segments} count (GSM-7 with
   * its extension table, else UCS-2), and at least one.
   */
  static int segments(String body, List<URI> media) {
    if (!media.isEmpty()) {
      return 1;
    }
    return Math.max(1, Segments.of(body).count());
  }
}

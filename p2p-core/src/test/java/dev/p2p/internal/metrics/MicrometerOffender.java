package dev.p2p.internal.metrics;

import io.micrometer.core.instrument.MeterRegistry;

/**
 * Breaks the optional-Micrometer rule on purpose for {@code dev.p2p.ArchitectureTest}, which reads
 * its byte code and never runs it: an internal class other than {@code MicrometerTelemetry} that
 * counts with Micrometer.
 */
final class MicrometerOffender {
  private MicrometerOffender() {}

  static void count(MeterRegistry registry) {
    registry.counter("p2p.offence").increment();
  }
}

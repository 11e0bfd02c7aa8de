package dev.p2p.benchmarks;

import java.util.Locale;

/**
 * One phase's figures.
 *
 * @param name what ran, such as {@code import via P2P into H2}
 * @param rows rows handled (CSV rows read, or rows inserted for a baseline)
 * @param nanos elapsed wall-clock time
 * @param sampledPeakHeap the most heap seen in use at once, in bytes
 * @param poolPeaksHeap the heap pools' summed peaks, in bytes (an upper bound)
 */
record Measurement(String name, long rows, long nanos, long sampledPeakHeap, long poolPeaksHeap) {
  static final String HEADER =
      String.format(
          Locale.ROOT,
          "%-44s %10s %9s %12s %10s %10s",
          "phase",
          "rows",
          "seconds",
          "rows/s",
          "peak MB",
          "pools MB");

  double seconds() {
    return nanos / 1e9;
  }

  long rowsPerSecond() {
    return nanos == 0 ? 0 : Math.round(rows / seconds());
  }

  String line() {
    return String.format(
        Locale.ROOT,
        "%-44s %10d %9.2f %,12d %10d %10d",
        name,
        rows,
        seconds(),
        rowsPerSecond(),
        sampledPeakHeap >> 20,
        poolPeaksHeap >> 20);
  }
}

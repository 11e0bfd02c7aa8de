package dev.p2p.benchmarks;

import java.util.Arrays;
import java.util.Locale;

/** Latencies of many calls, in nanoseconds; {@link #add} from one thread at a time per instance. */
final class Latencies {
  private long[] nanos = new long[1024];
  private int size;

  void add(long elapsed) {
    if (size == nanos.length) {
      nanos = Arrays.copyOf(nanos, size * 2);
    }
    nanos[size++] = elapsed;
  }

  int size() {
    return size;
  }

  /** All of these latencies together, sorted. */
  static Latencies merge(Iterable<Latencies> parts) {
    Latencies all = new Latencies();
    for (Latencies p : parts) {
      for (int i = 0; i < p.size; i++) {
        all.add(p.nanos[i]);
      }
    }
    Arrays.sort(all.nanos, 0, all.size);
    return all;
  }

  /** The q-quantile (0 to 1) in milliseconds, nearest rank; call on a merged instance. */
  double millis(double q) {
    if (size == 0) {
      return 0;
    }
    int rank = (int) Math.ceil(q * size);
    return nanos[Math.max(0, Math.min(size - 1, rank - 1))] / 1e6;
  }

  /** {@code p50 1.23 p99 4.56 max 7.89} (milliseconds). */
  String summary() {
    return String.format(
        Locale.ROOT, "p50 %7.2f  p99 %7.2f  max %8.2f ms", millis(0.5), millis(0.99), millis(1));
  }
}

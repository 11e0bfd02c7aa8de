package dev.p2p.benchmarks;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Watches the heap while one phase runs: samples used heap every few milliseconds on a daemon
 * thread, and reads the garbage collector pools' peak usage (reset at the start). The sampled peak
 * is what the phase held at once; the pools' summed peaks are an upper bound, as pools peak at
 * different moments.
 */
final class HeapWatch implements AutoCloseable {
  private static final long SAMPLE_MILLIS = 5;

  private final MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
  private final List<MemoryPoolMXBean> heapPools =
      ManagementFactory.getMemoryPoolMXBeans().stream()
          .filter(p -> p.getType() == MemoryType.HEAP && p.isValid())
          .toList();
  private final AtomicLong sampledPeak = new AtomicLong();
  private final Thread sampler;
  private volatile boolean running = true;

  private HeapWatch() {
    sampler = new Thread(this::sample, "heap-watch");
    sampler.setDaemon(true);
  }

  /** Collects garbage, resets the pools' peaks and starts sampling. */
  static HeapWatch start() {
    System.gc();
    HeapWatch watch = new HeapWatch();
    watch.heapPools.forEach(MemoryPoolMXBean::resetPeakUsage);
    watch.sampledPeak.set(watch.memory.getHeapMemoryUsage().getUsed());
    watch.sampler.start();
    return watch;
  }

  /** The most heap seen in use at one sample, in bytes. */
  long sampledPeakBytes() {
    return Math.max(sampledPeak.get(), memory.getHeapMemoryUsage().getUsed());
  }

  /** The sum of the heap pools' peak usage since the start, in bytes. */
  long poolPeaksBytes() {
    return heapPools.stream().mapToLong(p -> p.getPeakUsage().getUsed()).sum();
  }

  /** The heap's limit ({@code -Xmx}), in bytes. */
  long maxBytes() {
    return memory.getHeapMemoryUsage().getMax();
  }

  @Override
  public void close() {
    running = false;
    sampler.interrupt();
    try {
      sampler.join();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private void sample() {
    while (running) {
      long used = memory.getHeapMemoryUsage().getUsed();
      sampledPeak.accumulateAndGet(used, Math::max);
      try {
        Thread.sleep(SAMPLE_MILLIS);
      } catch (InterruptedException e) {
        return;
      }
    }
  }
}

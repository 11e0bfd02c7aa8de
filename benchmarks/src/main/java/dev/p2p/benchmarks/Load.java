package dev.p2p.benchmarks;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/** The machine's load average, as {@code uptime} shows it. */
final class Load {
  private static final Path LOADAVG = Path.of("/proc/loadavg");

  private Load() {}

  /** The 1-minute load average; negative where the system does not tell. */
  static double oneMinute() {
    return ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
  }

  /** {@code load average: 1.02, 0.87, 0.55} (1, 5 and 15 minutes), or the 1-minute one alone. */
  static String averages() {
    try {
      String[] parts = Files.readString(LOADAVG).trim().split("\\s+");
      return "load average: " + parts[0] + ", " + parts[1] + ", " + parts[2];
    } catch (IOException | RuntimeException e) {
      return String.format(Locale.ROOT, "load average (1 min): %.2f", oneMinute());
    }
  }
}

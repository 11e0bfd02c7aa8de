package dev.p2p.benchmarks;

import java.util.Optional;

/**
 * One row of the all-in-one table: a path's figure through p2p beside its raw baseline measured in
 * the same run, or why the path did not run.
 *
 * @param path what was measured, such as {@code send} or {@code inbox (needs attention)}
 * @param database where: {@code H2}, {@code PostgreSQL}, or {@code -} for paths without one
 * @param unit the figures' unit, such as {@code msg/s} or {@code ms p50}
 * @param higherIsBetter whether a larger figure is better (a rate), or a smaller one (a latency)
 * @param p2p p2p's figure
 * @param raw the raw baseline's figure
 * @param detail more about both sides, such as their p99; may be empty
 * @param load the machine's 1-minute load average when the figure was taken
 * @param notRun why the path did not run; empty when it ran
 */
record Figure(
    String path,
    String database,
    String unit,
    boolean higherIsBetter,
    double p2p,
    double raw,
    String detail,
    double load,
    Optional<String> notRun) {

  /** A rate (higher is better), with the load average now. */
  static Figure rate(
      String path, String database, String unit, double p2p, double raw, String detail) {
    return new Figure(
        path, database, unit, true, p2p, raw, detail, Load.oneMinute(), Optional.empty());
  }

  /** A latency or a duration (lower is better), with the load average now. */
  static Figure latency(
      String path, String database, String unit, double p2p, double raw, String detail) {
    return new Figure(
        path, database, unit, false, p2p, raw, detail, Load.oneMinute(), Optional.empty());
  }

  /** A path that could not run, and why. */
  static Figure notRun(String path, String database, String reason) {
    return new Figure(path, database, "", true, 0, 0, "", Load.oneMinute(), Optional.of(reason));
  }

  /** p2p's figure over the raw baseline's. */
  double ratio() {
    return p2p / raw;
  }

  /**
   * How many times better the raw baseline is than p2p (1 when they are equal, below 1 when p2p
   * does better): the raw rate over p2p's, or p2p's latency over the raw one.
   */
  double behind() {
    return higherIsBetter ? raw / p2p : p2p / raw;
  }

  boolean ran() {
    return notRun.isEmpty();
  }
}

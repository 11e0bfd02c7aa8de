package dev.p2p.testkit;

/**
 * Which rows of a generated file are invalid or duplicates, spread evenly and computable for any
 * row in constant time, so that exact counts are known before a row is written.
 *
 * <p>Row {@code i} is "special" when {@code floor((i + 1) * special / PPM)} steps up, so row 0 is a
 * valid row unless every row is special; the k-th special row is invalid when {@code floor(k *
 * invalid / special)} steps up, and a duplicate otherwise. Integer arithmetic throughout, so the
 * counts are exact: {@code floor(rows * special / PPM)} special rows, of which {@code
 * floor(specials * invalid / special)} invalid.
 */
final class RowPlan {
  static final long PPM = 1_000_000L;

  private final long rows;
  private final long invalidPpm;
  private final long specialPpm;

  RowPlan(long rows, long invalidPpm, long duplicatePpm) {
    this.rows = rows;
    this.invalidPpm = invalidPpm;
    this.specialPpm = invalidPpm + duplicatePpm;
  }

  /** The kind of row {@code i}. */
  GeneratedRow.Kind kind(long i) {
    if (specials(i) == specials(i - 1)) {
      return GeneratedRow.Kind.VALID;
    }
    long k = specials(i) - 1;
    return invalidAmong(k + 1) > invalidAmong(k)
        ? GeneratedRow.Kind.INVALID
        : GeneratedRow.Kind.DUPLICATE;
  }

  /**
   * The index among unique valid rows of row {@code i}, which must be {@link
   * GeneratedRow.Kind#VALID}.
   */
  long uniqueIndex(long i) {
    return i - specials(i);
  }

  /** How many unique valid rows come before row {@code i}. */
  long uniquesBefore(long i) {
    return i - specials(i - 1);
  }

  long invalid() {
    return invalidAmong(specials(rows - 1));
  }

  long duplicates() {
    return specials(rows - 1) - invalid();
  }

  long unique() {
    return rows - specials(rows - 1);
  }

  /** Special rows among rows 0 to {@code i}. */
  private long specials(long i) {
    return (i + 1) * specialPpm / PPM;
  }

  /** Invalid rows among the first {@code k} special rows. */
  private long invalidAmong(long k) {
    return specialPpm == 0 ? 0 : k * invalidPpm / specialPpm;
  }
}

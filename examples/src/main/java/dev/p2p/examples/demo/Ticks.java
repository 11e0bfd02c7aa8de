package dev.p2p.examples.demo;

/**
 * Round tick values for a value axis from 0: steps of 1, 2 or 5 times a power of ten.
 *
 * @param step the distance between ticks
 * @param top the axis's end, a multiple of {@code step} at or above the largest value
 */
record Ticks(double step, double top) {

  /**
   * Ticks from 0 to at least {@code max}, about {@code count} of them; {@code minTop} is the axis's
   * end when all values are smaller (such as 0).
   */
  static Ticks upTo(double max, int count, double minTop) {
    double end = Math.max(max, minTop);
    double raw = end / count;
    double power = Math.pow(10, Math.floor(Math.log10(raw)));
    double step;
    if (raw <= power) {
      step = power;
    } else if (raw <= 2 * power) {
      step = 2 * power;
    } else if (raw <= 5 * power) {
      step = 5 * power;
    } else {
      step = 10 * power;
    }
    return new Ticks(step, Math.ceil(end / step - 1e-9) * step);
  }

  /** Integer ticks for counts: at least a step of 1. */
  static Ticks forCounts(long max) {
    Ticks ticks = upTo(max, 5, 1);
    return ticks.step() < 1 ? new Ticks(1, Math.max(1, Math.ceil(ticks.top()))) : ticks;
  }

  /** How many steps from 0 to the top. */
  int steps() {
    return (int) Math.round(top / step);
  }
}

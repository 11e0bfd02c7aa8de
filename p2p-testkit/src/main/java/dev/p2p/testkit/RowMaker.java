package dev.p2p.testkit;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.SplittableRandom;

/** Makes row {@code i} of a generated file from the seed alone: no state, no memory of rows. */
final class RowMaker {
  private static final String[] FIRST_NAMES = {
    "Ana", "Ben", "Carmen", "Dmitri", "Elena", "Farah", "Grace", "Hiro", "Isabel", "Jamal", "Kofi",
    "Lena", "Marcus", "Nadia", "Omar", "Priya", "Quinn", "Rosa", "Sam", "Tariq", "Uma", "Victor",
    "Wen", "Xavier", "Yara", "Zoe", "José", "Chloé", "Björn", "Siobhán"
  };
  private static final String[] LAST_NAMES = {
    "Adams", "Baker", "Chen", "Diaz", "Evans", "Fischer", "Garcia", "Hughes", "Ibrahim", "Jones",
    "Kim", "Lopez", "Martin", "Nguyen", "O'Brien", "Patel", "Quintero", "Rossi", "Smith", "Tanaka",
    "Usman", "Vargas", "Walker", "Xu", "Young", "Zimmerman", "Núñez", "Müller"
  };

  private final long seed;
  private final long phoneOffset;
  private final RowPlan plan;
  private final List<String> fieldTitles;

  RowMaker(long seed, RowPlan plan, List<String> customFields) {
    this.seed = seed;
    this.phoneOffset = Math.floorMod(mix(seed + 1), SyntheticPhones.CAPACITY);
    this.plan = plan;
    List<String> titles = new ArrayList<>();
    for (String name : customFields) {
      titles.add(title(name));
    }
    this.fieldTitles = List.copyOf(titles);
  }

  GeneratedRow row(long i) {
    SplittableRandom r = new SplittableRandom(mix(seed ^ mix(i)));
    GeneratedRow.Kind kind = plan.kind(i);
    StringBuilder phone = new StringBuilder(20);
    Optional<String> e164;
    switch (kind) {
      case VALID -> {
        long unique = plan.uniqueIndex(i);
        long national = SyntheticPhones.nationalNumber(unique, phoneOffset);
        SyntheticPhones.write(phone, national, formatOf(unique));
        e164 = Optional.of(SyntheticPhones.e164(national));
      }
      case DUPLICATE -> {
        long earlier = r.nextLong(plan.uniquesBefore(i));
        long national = SyntheticPhones.nationalNumber(earlier, phoneOffset);
        int other = (formatOf(earlier) + 1 + r.nextInt(SyntheticPhones.FORMATS - 1));
        SyntheticPhones.write(phone, national, other % SyntheticPhones.FORMATS);
        e164 = Optional.of(SyntheticPhones.e164(national));
      }
      default -> {
        invalidPhone(phone, r);
        e164 = Optional.empty();
      }
    }
    List<String> fields = new ArrayList<>(fieldTitles.size());
    for (String title : fieldTitles) {
      int n = r.nextInt(1, 500);
      fields.add(
          r.nextInt(8) == 0 ? title + " " + n + ", Room " + (char) ('A' + n % 6) : title + " " + n);
    }
    return new GeneratedRow(
        i + 1,
        kind,
        phone.toString(),
        e164,
        FIRST_NAMES[r.nextInt(FIRST_NAMES.length)],
        LAST_NAMES[r.nextInt(LAST_NAMES.length)],
        zip(r.nextInt(1001, 99951)),
        "ext-" + (i + 1),
        fields);
  }

  /** Half the time a listed non-number, otherwise a real number with its last digit missing. */
  private void invalidPhone(StringBuilder out, SplittableRandom r) {
    if (r.nextBoolean()) {
      out.append(SyntheticPhones.INVALID[r.nextInt(SyntheticPhones.INVALID.length)]);
    } else {
      long national = SyntheticPhones.nationalNumber(r.nextLong(SyntheticPhones.CAPACITY), 0);
      SyntheticPhones.write(out, national, r.nextInt(SyntheticPhones.FORMATS));
      out.setLength(out.length() - 1);
    }
  }

  /** The format a unique number is first written in. */
  private int formatOf(long unique) {
    return (int) Math.floorMod(mix(seed + unique * 31), (long) SyntheticPhones.FORMATS);
  }

  private static String zip(int n) {
    String digits = Integer.toString(n);
    return "00000".substring(digits.length()) + digits;
  }

  private static String title(String columnName) {
    StringBuilder out = new StringBuilder();
    for (String word : columnName.split("[_ ]+")) {
      if (!word.isEmpty()) {
        out.append(out.length() == 0 ? "" : " ")
            .append(word.substring(0, 1).toUpperCase(Locale.ROOT))
            .append(word.substring(1));
      }
    }
    return out.toString();
  }

  /** SplitMix64's finalizer: a well-spread 64-bit hash. */
  static long mix(long z) {
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return z ^ (z >>> 31);
  }
}

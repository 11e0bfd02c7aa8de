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

  /** Row {@code i} as a value. */
  GeneratedRow row(long i) {
    Draft d = newDraft();
    fill(i, d);
    return d.toRow();
  }

  /** A draft to reuse with {@link #fill}. */
  Draft newDraft() {
    return new Draft(fieldTitles.size());
  }

  /** Makes row {@code i} into {@code d}, allocating almost nothing: the writer's path. */
  void fill(long i, Draft d) {
    SplittableRandom r = new SplittableRandom(mix(seed ^ mix(i)));
    d.number = i + 1;
    d.kind = plan.kind(i);
    d.phone.setLength(0);
    switch (d.kind) {
      case VALID -> {
        long unique = plan.uniqueIndex(i);
        d.national = SyntheticPhones.nationalNumber(unique, phoneOffset);
        SyntheticPhones.write(d.phone, d.national, formatOf(unique));
      }
      case DUPLICATE -> {
        long earlier = r.nextLong(plan.uniquesBefore(i));
        d.national = SyntheticPhones.nationalNumber(earlier, phoneOffset);
        int other = formatOf(earlier) + 1 + r.nextInt(SyntheticPhones.FORMATS - 1);
        SyntheticPhones.write(d.phone, d.national, other % SyntheticPhones.FORMATS);
      }
      default -> {
        invalidPhone(d.phone, r);
        d.national = -1;
      }
    }
    for (int f = 0; f < d.fields.length; f++) {
      int n = r.nextInt(1, 500);
      StringBuilder value = d.fields[f];
      value.setLength(0);
      value.append(fieldTitles.get(f)).append(' ').append(n);
      if (r.nextInt(8) == 0) {
        value.append(", Room ").append((char) ('A' + n % 6));
      }
    }
    d.firstName = FIRST_NAMES[r.nextInt(FIRST_NAMES.length)];
    d.lastName = LAST_NAMES[r.nextInt(LAST_NAMES.length)];
    d.zip = r.nextInt(1001, 99951);
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

  /** Appends {@code n} zero-padded to five digits. */
  static StringBuilder appendZip(StringBuilder out, int n) {
    for (int limit = 10_000; limit > 1 && n < limit; limit /= 10) {
      out.append('0');
    }
    return out.append(n);
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

  /** One row being made, reused from row to row when writing. */
  static final class Draft {
    long number;
    GeneratedRow.Kind kind = GeneratedRow.Kind.VALID;
    final StringBuilder phone = new StringBuilder(24);
    long national = -1;
    String firstName = "";
    String lastName = "";
    int zip;
    final StringBuilder[] fields;

    Draft(int fieldCount) {
      fields = new StringBuilder[fieldCount];
      for (int f = 0; f < fieldCount; f++) {
        fields[f] = new StringBuilder(32);
      }
    }

    GeneratedRow toRow() {
      List<String> values = new ArrayList<>(fields.length);
      for (StringBuilder value : fields) {
        values.add(value.toString());
      }
      return new GeneratedRow(
          number,
          kind,
          phone.toString(),
          national < 0 ? Optional.empty() : Optional.of(SyntheticPhones.e164(national)),
          firstName,
          lastName,
          appendZip(new StringBuilder(5), zip).toString(),
          "ext-" + number,
          values);
    }
  }
}

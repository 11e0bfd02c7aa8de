package dev.p2p.internal.contact;

import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * The US state, territory or Canadian province of a North American number's area code, from the
 * table {@code area-codes.csv} in this package. Quiet-hour rules of a state apply to its area
 * codes.
 *
 * <p>The table loads once, on first use; lookups are thread-safe and allocation-free apart from the
 * result.
 */
final class AreaCodeStates {
  private AreaCodeStates() {}

  /**
   * The two-letter state or province of an E.164 number such as {@code +14155552671}; empty for
   * numbers outside the US and Canada and for area codes not in the table.
   */
  static Optional<String> stateOf(String e164) {
    if (e164.length() != 12 || !e164.startsWith("+1")) {
      return Optional.empty();
    }
    int npa = 0;
    for (int i = 2; i < 5; i++) {
      char c = e164.charAt(i);
      if (c < '0' || c > '9') {
        return Optional.empty();
      }
      npa = npa * 10 + (c - '0');
    }
    return Optional.ofNullable(Table.STATES[npa]);
  }

  private static final class Table {
    static final @Nullable String[] STATES = load();

    private static @Nullable String[] load() {
      @Nullable String[] states = new String[1000];
      for (String[] row : DataFile.rows("area-codes.csv", 2)) {
        states[Integer.parseInt(row[0])] = row[1].intern();
      }
      return states;
    }
  }
}

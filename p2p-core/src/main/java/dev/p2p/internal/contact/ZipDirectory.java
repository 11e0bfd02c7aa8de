package dev.p2p.internal.contact;

import java.time.ZoneId;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Places a US ZIP code in a state and time zone by its first three digits, from the table {@code
 * zip3.csv} in this package.
 *
 * <p>Reads five-digit ZIPs and ZIP+4 ({@code 10001}, {@code 10001-1234}, {@code 100011234});
 * anything else (a Canadian postal code, four digits, letters) and unassigned or military prefixes
 * give no place. The table loads once, on first use; lookups are thread-safe and allocation-free.
 */
final class ZipDirectory {
  private ZipDirectory() {}

  /** The place of a ZIP code, when it is a known US ZIP. */
  static Optional<Place> place(String zip) {
    int prefix = prefix(zip.strip());
    return prefix < 0 ? Optional.empty() : Optional.ofNullable(Table.PLACES[prefix]);
  }

  private static int prefix(String zip) {
    int length = zip.length();
    boolean shape =
        length == 5
            || length == 9 && allDigits(zip, 5, 9)
            || length == 10 && zip.charAt(5) == '-' && allDigits(zip, 6, 10);
    if (!shape || !allDigits(zip, 0, 5)) {
      return -1;
    }
    return (zip.charAt(0) - '0') * 100 + (zip.charAt(1) - '0') * 10 + (zip.charAt(2) - '0');
  }

  private static boolean allDigits(String s, int from, int to) {
    for (int i = from; i < to; i++) {
      char c = s.charAt(i);
      if (c < '0' || c > '9') {
        return false;
      }
    }
    return true;
  }

  private static final class Table {
    static final @Nullable Place[] PLACES = load();

    private static @Nullable Place[] load() {
      @Nullable Place[] places = new Place[1000];
      for (String[] row : DataFile.rows("zip3.csv", 3)) {
        places[Integer.parseInt(row[0])] = new Place(row[1], ZoneId.of(row[2]));
      }
      return places;
    }
  }
}

package dev.p2p.internal.report;

import de.siegmar.fastcsv.writer.QuoteStrategy;
import java.util.regex.Pattern;

/**
 * Keeps a spreadsheet from running a cell of an export as a formula, as OWASP's CSV-injection
 * guidance says: a cell that begins with {@code =}, {@code +}, {@code -}, {@code @}, a tab or a
 * carriage return gets a single quote in front, and is written quoted. A plain number, such as an
 * E.164 phone {@code +13125550101} or {@code -5}, is left as is: it calls nothing a spreadsheet
 * could run, and readers of the file want it verbatim.
 */
final class FormulaGuard {
  /** A sign, digits, and at most one decimal part: a number, never a formula. */
  private static final Pattern NUMBER = Pattern.compile("[+-]?[0-9]+(\\.[0-9]+)?");

  /** Quotes each cell the guard prefixed, on top of those the CSV form requires anyway. */
  static final QuoteStrategy QUOTE_GUARDED =
      new QuoteStrategy() {
        @Override
        public boolean quoteValue(int lineNo, int fieldIdx, String value) {
          return value.length() > 1 && value.charAt(0) == '\'' && triggers(value.charAt(1));
        }
      };

  private FormulaGuard() {}

  /** The cell as a spreadsheet can show it without running it. */
  static String cell(String value) {
    if (value.isEmpty() || !triggers(value.charAt(0)) || NUMBER.matcher(value).matches()) {
      return value;
    }
    return "'" + value;
  }

  private static boolean triggers(char first) {
    return first == '='
        || first == '+'
        || first == '-'
        || first == '@'
        || first == '\t'
        || first == '\r';
  }
}

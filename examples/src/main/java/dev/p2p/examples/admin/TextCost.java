package dev.p2p.examples.admin;

import dev.p2p.sms.CostModel;
import dev.p2p.sms.Segments;
import dev.p2p.sms.SmartEncoding;
import java.math.BigDecimal;
import java.util.List;

/**
 * What a text costs on the wire, as the {@code segments} command prints it in JSON.
 *
 * @param text the text measured
 * @param encoding {@code GSM-7} or {@code UCS-2}
 * @param units septets (GSM-7) or UTF-16 code units (UCS-2)
 * @param segments the SMS parts carriers bill
 * @param ucs2Characters the characters that forced UCS-2, each once; empty for GSM-7
 * @param costPerMessage what one message of this text costs, in {@code currency}
 * @param currency the cost model's currency
 */
record TextCost(
    String text,
    String encoding,
    int units,
    int segments,
    List<Ucs2Character> ucs2Characters,
    BigDecimal costPerMessage,
    String currency) {

  /**
   * A character that is not in GSM-7.
   *
   * @param character the character
   * @param codePoint its Unicode code, such as {@code U+2019}
   */
  record Ucs2Character(String character, String codePoint) {}

  /**
   * The {@code segments} command's JSON.
   *
   * @param original the text as given
   * @param smartEncoding the text after {@link SmartEncoding#apply}
   * @param smartEncodingChanges whether smart encoding replaces anything
   * @param smartEncodingHelps whether the smart text has fewer segments or turns UCS-2 into GSM-7
   */
  record Report(
      TextCost original,
      TextCost smartEncoding,
      boolean smartEncodingChanges,
      boolean smartEncodingHelps) {

    static Report of(String text, CostModel costs) {
      TextCost original = TextCost.of(text, costs);
      TextCost smart = TextCost.of(SmartEncoding.apply(text), costs);
      boolean changes = !smart.text().equals(text);
      boolean helps =
          changes
              && (smart.segments() < original.segments()
                  || smart.ucs2Characters().isEmpty() && !original.ucs2Characters().isEmpty());
      return new Report(original, smart, changes, helps);
    }
  }

  static TextCost of(String text, CostModel costs) {
    Segments segments = Segments.of(text);
    return new TextCost(
        text,
        Output.encoding(segments.encoding()),
        segments.units(),
        segments.count(),
        segments.ucs2Characters().stream()
            .map(c -> new Ucs2Character(c, Output.codePoint(c)))
            .toList(),
        costs.cost(segments),
        costs.currency().getCurrencyCode());
  }
}

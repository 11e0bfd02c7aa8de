package dev.p2p.examples.admin;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import dev.p2p.Violation;
import dev.p2p.sms.SmsEncoding;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Locale;

/** What the admin commands share to write their output: JSON, encodings, code points. */
final class Output {
  private static final ObjectWriter JSON =
      new ObjectMapper()
          .enable(JsonGenerator.Feature.WRITE_BIGDECIMAL_AS_PLAIN)
          .writerWithDefaultPrettyPrinter();

  private Output() {}

  /** Writes a value as pretty JSON, then a line feed, and flushes. */
  static void json(PrintWriter out, Object value) {
    try {
      out.println(JSON.writeValueAsString(value));
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
    out.flush();
  }

  /** The encoding as carriers write it: {@code GSM-7} or {@code UCS-2}. */
  static String encoding(SmsEncoding encoding) {
    return encoding == SmsEncoding.GSM_7 ? "GSM-7" : "UCS-2";
  }

  /** What the encoding's units are called. */
  static String units(SmsEncoding encoding) {
    return encoding == SmsEncoding.GSM_7 ? "septets" : "UTF-16 code units";
  }

  /** The code of a character's first code point, such as {@code U+1F389}. */
  static String codePoint(String character) {
    return String.format(Locale.ROOT, "U+%04X", character.codePointAt(0));
  }

  /** {@code 1 segment}, {@code 2 segments}. */
  static String plural(long count, String noun) {
    return count + " " + noun + (count == 1 ? "" : "s");
  }

  /**
   * One problem with the input, in JSON.
   *
   * @param field where the problem is, as p2p names it
   * @param reason what is wrong
   */
  record Problem(String field, String reason) {
    static List<Problem> of(List<Violation> violations) {
      return violations.stream().map(v -> new Problem(v.field(), v.reason())).toList();
    }
  }

  /**
   * The JSON of a run stopped by input problems.
   *
   * @param problems every problem found
   */
  record Problems(List<Problem> problems) {}
}

package dev.p2p.benchmarks;

import dev.p2p.testkit.ContactCsvGenerator;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Custom fields as the store keeps them: a JSON object under camelCase names, in column order. */
final class JsonFields {
  private JsonFields() {}

  /** The camelCase names of the generator's custom-field columns ({@code polling_place}: ...). */
  static List<String> names(ContactCsvGenerator csv) {
    List<String> header = csv.header();
    List<String> names = new ArrayList<>();
    for (String column : header.subList(ContactCsvGenerator.COLUMNS.size(), header.size())) {
      StringBuilder name = new StringBuilder();
      for (String word : column.toLowerCase(Locale.ROOT).split("[_ ]+")) {
        if (word.isEmpty()) {
          continue;
        }
        if (name.length() == 0) {
          name.append(word);
        } else {
          name.append(Character.toUpperCase(word.charAt(0))).append(word, 1, word.length());
        }
      }
      names.add(name.toString());
    }
    return List.copyOf(names);
  }

  /** The JSON object of names to values. */
  static String json(List<String> names, List<String> values) {
    StringBuilder out = new StringBuilder(32 * values.size() + 2).append('{');
    for (int i = 0; i < values.size(); i++) {
      if (i > 0) {
        out.append(',');
      }
      string(out, names.get(i)).append(':');
      string(out, values.get(i));
    }
    return out.append('}').toString();
  }

  private static StringBuilder string(StringBuilder out, String s) {
    out.append('"');
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '"' -> out.append("\\\"");
        case '\\' -> out.append("\\\\");
        default -> {
          if (c < 0x20) {
            out.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
          } else {
            out.append(c);
          }
        }
      }
    }
    return out.append('"');
  }
}

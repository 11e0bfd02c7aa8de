package dev.p2p.testkit;

import java.io.IOException;
import java.io.Writer;
import java.util.List;

/** Writes rows as RFC 4180 CSV through a buffer of about 64 KB, quoting only where needed. */
final class CsvRowWriter {
  private static final int FLUSH_AT = 1 << 16;

  private final Writer out;
  private final StringBuilder buffer = new StringBuilder(FLUSH_AT + 1024);
  private char[] chars = new char[0];

  CsvRowWriter(Writer out) {
    this.out = out;
  }

  void write(List<String> header, ContactCsvGenerator generator) throws IOException {
    for (int i = 0; i < header.size(); i++) {
      field(i, header.get(i));
    }
    endRow();
    long rows = generator.rows();
    for (long i = 0; i < rows; i++) {
      GeneratedRow row = generator.row(i);
      field(0, row.phone());
      field(1, row.firstName());
      field(2, row.lastName());
      field(3, row.zip());
      field(4, row.externalId());
      List<String> fields = row.fields();
      for (int f = 0; f < fields.size(); f++) {
        field(5 + f, fields.get(f));
      }
      endRow();
    }
    drain();
    out.flush();
  }

  private void field(int column, String value) {
    if (column > 0) {
      buffer.append(',');
    }
    if (needsQuotes(value)) {
      buffer.append('"');
      for (int i = 0; i < value.length(); i++) {
        char c = value.charAt(i);
        buffer.append(c);
        if (c == '"') {
          buffer.append('"');
        }
      }
      buffer.append('"');
    } else {
      buffer.append(value);
    }
  }

  private void endRow() throws IOException {
    buffer.append('\n');
    if (buffer.length() >= FLUSH_AT) {
      drain();
    }
  }

  private void drain() throws IOException {
    int n = buffer.length();
    if (chars.length < n) {
      chars = new char[n];
    }
    buffer.getChars(0, n, chars, 0);
    out.write(chars, 0, n);
    buffer.setLength(0);
  }

  private static boolean needsQuotes(String value) {
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (c == ',' || c == '"' || c == '\n' || c == '\r') {
        return true;
      }
    }
    return false;
  }
}

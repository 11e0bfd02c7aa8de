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

  void write(List<String> header, RowMaker maker, long rows) throws IOException {
    for (int i = 0; i < header.size(); i++) {
      field(i, header.get(i));
    }
    endRow();
    RowMaker.Draft row = maker.newDraft();
    for (long i = 0; i < rows; i++) {
      maker.fill(i, row);
      field(0, row.phone);
      field(1, row.firstName);
      field(2, row.lastName);
      RowMaker.appendZip(buffer.append(','), row.zip);
      buffer.append(",ext-").append(row.number);
      for (int f = 0; f < row.fields.length; f++) {
        field(5 + f, row.fields[f]);
      }
      endRow();
    }
    drain();
    out.flush();
  }

  private void field(int column, CharSequence value) {
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

  private static boolean needsQuotes(CharSequence value) {
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (c == ',' || c == '"' || c == '\n' || c == '\r') {
        return true;
      }
    }
    return false;
  }
}

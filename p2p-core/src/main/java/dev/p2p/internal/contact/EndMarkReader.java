package dev.p2p.internal.contact;

import java.io.IOException;
import java.io.Reader;

/**
 * Appends a line break and {@link #MARK} after the last character of a text, so that the CSV parser
 * tells a file that ends inside a quoted field from one that does not: a closed file reads the mark
 * as a record of its own, while a quote left open swallows it into its field. The mark is a lone
 * low surrogate, which no strictly decoded text contains. Not thread-safe; does not close the
 * reader it wraps.
 */
final class EndMarkReader extends Reader {
  /** The character read after the text and its line break. */
  static final char MARK = '\uDC00';

  private static final char[] TAIL = {'\n', MARK};

  private final Reader in;
  private int tailRead = -1;

  EndMarkReader(Reader in) {
    this.in = in;
  }

  @Override
  public int read(char[] buf, int off, int len) throws IOException {
    if (len == 0) {
      return 0;
    }
    if (tailRead < 0) {
      int n = in.read(buf, off, len);
      if (n != -1) {
        return n;
      }
      tailRead = 0;
    }
    if (tailRead == TAIL.length) {
      return -1;
    }
    int n = Math.min(len, TAIL.length - tailRead);
    System.arraycopy(TAIL, tailRead, buf, off, n);
    tailRead += n;
    return n;
  }

  @Override
  public void close() {
    // The caller owns the reader.
  }
}

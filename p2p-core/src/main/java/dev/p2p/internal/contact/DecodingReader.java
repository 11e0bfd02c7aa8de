package dev.p2p.internal.contact;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import org.jspecify.annotations.Nullable;

/**
 * Decodes bytes strictly: bytes that are not valid in the charset raise a {@link
 * CharacterCodingException}, but only after every character before them has been returned, so the
 * reader of the text knows which row was bad. A leading byte-order mark ({@code U+FEFF}) is
 * dropped. Not thread-safe; does not close the stream.
 */
final class DecodingReader extends Reader {
  private static final char BOM = '\uFEFF';

  private final InputStream in;
  private final CharsetDecoder decoder;
  private final ByteBuffer bytes = ByteBuffer.allocate(8192).flip();
  private final char[] pair = new char[2];
  private int carried = -1;
  private @Nullable CharacterCodingException pending;
  private boolean endOfInput;
  private boolean done;
  private boolean atStart = true;

  DecodingReader(InputStream in, Charset charset) {
    this.in = in;
    this.decoder =
        charset
            .newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);
  }

  @Override
  public int read(char[] buf, int off, int len) throws IOException {
    if (len == 0) {
      return 0;
    }
    if (carried >= 0) {
      buf[off] = (char) carried;
      carried = -1;
      return 1;
    }
    if (len == 1) {
      int n = read(pair, 0, 2);
      if (n == 2) {
        carried = pair[1];
      }
      buf[off] = pair[0];
      return n < 0 ? -1 : 1;
    }
    CharBuffer out = CharBuffer.wrap(buf, off, len);
    while (out.position() == off) {
      if (pending != null) {
        throw pending;
      }
      if (done) {
        return -1;
      }
      CoderResult result = decoder.decode(bytes, out, endOfInput);
      if (result.isError()) {
        pending = codingError(result);
      } else if (result.isUnderflow()) {
        if (endOfInput) {
          decoder.flush(out);
          done = true;
        } else if (out.position() == off) {
          fill();
        }
      }
      dropLeadingBom(buf, off, out);
    }
    return out.position() - off;
  }

  @Override
  public void close() {
    // The caller owns the stream.
  }

  private void fill() throws IOException {
    bytes.compact();
    int n = in.read(bytes.array(), bytes.position(), bytes.remaining());
    if (n < 0) {
      endOfInput = true;
    } else {
      bytes.position(bytes.position() + n);
    }
    bytes.flip();
  }

  private void dropLeadingBom(char[] buf, int off, CharBuffer out) {
    if (atStart && out.position() > off) {
      atStart = false;
      if (buf[off] == BOM) {
        System.arraycopy(buf, off + 1, buf, off, out.position() - off - 1);
        out.position(out.position() - 1);
      }
    }
  }

  private static CharacterCodingException codingError(CoderResult result) {
    try {
      result.throwException();
    } catch (CharacterCodingException e) {
      return e;
    }
    return new CharacterCodingException();
  }
}

package dev.p2p.internal.contact;

import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.Phonenumber.PhoneNumber;
import java.util.concurrent.atomic.AtomicLongArray;

/**
 * libphonenumber's verdict on ten-digit North American (+1) numbers, remembered by the first seven
 * national digits. Asking libphonenumber costs several microseconds per number (it tries the
 * patterns of every +1 region in turn), which is half the work of an import row; its +1 patterns
 * tell numbers apart by at most the first six digits (area code and exchange), so the verdict for a
 * seven-digit prefix holds for every number that starts with it. Checked over every prefix by
 * {@code NanpValidityTest} against the libphonenumber on the classpath.
 *
 * <p>Two bits per prefix (unknown, invalid, valid) in 2.5 MB, allocated on first use; thread-safe.
 */
final class NanpValidity {
  private static final long PREFIXES = 10_000_000L;
  private static final long SUFFIXES = 1_000L;
  private static final int UNKNOWN = 0;
  private static final int INVALID = 1;
  private static final int VALID = 2;

  private static final PhoneNumberUtil UTIL = PhoneNumberUtil.getInstance();
  private static final AtomicLongArray BITS = new AtomicLongArray((int) (PREFIXES * 2 / 64) + 1);

  private NanpValidity() {}

  /**
   * Whether libphonenumber holds this +1 number valid.
   *
   * @param national the ten-digit national number, from 2000000000 to 9999999999
   */
  static boolean isValid(long national) {
    int prefix = (int) (national / SUFFIXES);
    int state = read(prefix);
    if (state == UNKNOWN) {
      boolean valid =
          UTIL.isValidNumber(new PhoneNumber().setCountryCode(1).setNationalNumber(national));
      state = valid ? VALID : INVALID;
      write(prefix, state);
    }
    return state == VALID;
  }

  private static int read(int prefix) {
    long bit = prefix * 2L;
    return (int) (BITS.get((int) (bit >>> 6)) >>> (bit & 63)) & 3;
  }

  private static void write(int prefix, int state) {
    long bit = prefix * 2L;
    int word = (int) (bit >>> 6);
    long mask = (long) state << (bit & 63);
    long old;
    do {
      old = BITS.get(word);
    } while ((old & mask) != mask && !BITS.compareAndSet(word, old, old | mask));
  }
}

package dev.p2p.sms;

/**
 * The GSM 03.38 default alphabet as a lookup table: how many septets a UTF-16 char costs (1 for the
 * basic table, 2 for the extension table, which is sent as ESC + code), or 0 when it is not in
 * GSM-7.
 */
final class Gsm7 {
  private static final char EURO = '\u20AC';
  private static final byte[] SEPTETS = table();

  private Gsm7() {}

  /** Septets for {@code c}: 1, 2, or 0 when {@code c} is not in GSM-7. */
  static int septets(char c) {
    if (c < SEPTETS.length) {
      return SEPTETS[c];
    }
    return c == EURO ? 2 : 0;
  }

  private static byte[] table() {
    byte[] t = new byte['\u03A9' + 1];
    t['\n'] = 1;
    t['\r'] = 1;
    for (char c = ' '; c <= 'Z'; c++) {
      t[c] = 1;
    }
    t['_'] = 1;
    for (char c = 'a'; c <= 'z'; c++) {
      t[c] = 1;
    }
    String latin = "¡£¤¥§¿ÄÅÆÇÉÑÖØÜßàäåæèéìñòöøùü";
    String greek = "ΓΔΘΛΞΠΣΦΨΩ";
    for (char c : (latin + greek).toCharArray()) {
      t[c] = 1;
    }
    for (char c : "\f^{}\\[~]|".toCharArray()) {
      t[c] = 2;
    }
    return t;
  }
}

package dev.p2p.benchmarks;

/**
 * The render benchmark's raw baseline: the same message written by hand for {@link
 * RenderBenchmark#BODY} (literal parts appended around the three values, the fallback when the
 * first name is blank), then its GSM-7 segment count by a lookup table (1 septet for the basic
 * table, 2 for the extension table; a text with any other character is UCS-2).
 */
final class RawRender {
  private static final String BASIC =
      "@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !\"#¤%&'()*+,-./0123456789:;<=>?¡"
          + "ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà";
  private static final String EXTENSION = "\f^{}\\[~]|€";
  private static final byte[] SEPTETS = new byte[0x10000];

  static {
    for (char c : BASIC.toCharArray()) {
      SEPTETS[c] = 1;
    }
    for (char c : EXTENSION.toCharArray()) {
      SEPTETS[c] = 2;
    }
  }

  private RawRender() {}

  /** The message for one contact. */
  static String render(String firstName, String texterFirstName, String pollingPlace) {
    return new StringBuilder(160)
        .append("Hi ")
        .append(firstName.isBlank() ? "there" : firstName)
        .append(", it's ")
        .append(texterFirstName)
        .append(" with Acme. Polls are open 7am-8pm Tuesday at ")
        .append(pollingPlace)
        .append(". Can we count on you?")
        .toString();
  }

  /** The text's SMS segments: 153 septets a part past 160, or 67 UTF-16 units past 70 in UCS-2. */
  static int segments(String text) {
    int septets = 0;
    for (int i = 0; i < text.length(); i++) {
      int width = SEPTETS[text.charAt(i)];
      if (width == 0) {
        return text.length() <= 70 ? 1 : (text.length() + 66) / 67;
      }
      septets += width;
    }
    return septets <= 160 ? 1 : (septets + 152) / 153;
  }
}

package dev.p2p.sms;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Vectors from GSM 03.38 and the carriers' segment rules (docs/gateways.md §3). */
class SegmentsTest {
  static final String EMOJI = "\uD83D\uDE00"; // U+1F600, a surrogate pair

  /** The 127 characters of the GSM 03.38 basic table, as listed in the specification. */
  static final String BASIC_TABLE =
      "\n\r !\"#$%&'()*+,-./0123456789:;<=>?@ABCDEFGHIJKLMNOPQRSTUVWXYZ_abcdefghijklmnopqrstuvwxyz"
          + "\u00A1\u00A3\u00A4\u00A5\u00A7\u00BF\u00C4\u00C5\u00C6\u00C7\u00C9\u00D1\u00D6\u00D8"
          + "\u00DC\u00DF\u00E0\u00E4\u00E5\u00E6\u00E8\u00E9\u00EC\u00F1\u00F2\u00F6\u00F8\u00F9"
          + "\u00FC\u0393\u0394\u0398\u039B\u039E\u03A0\u03A3\u03A6\u03A8\u03A9";

  static String gsm(int length) {
    return "a".repeat(length);
  }

  @Nested
  class Gsm7Texts {
    @Test
    void everyBasicTableCharacterIsOneSeptet() {
      assertThat(BASIC_TABLE).hasSize(127);
      for (char c : BASIC_TABLE.toCharArray()) {
        assertThat(Segments.of(String.valueOf(c)))
            .as("U+%04X", (int) c)
            .isEqualTo(new Segments(SmsEncoding.GSM_7, 1, 1, List.of()));
      }
    }

    @ParameterizedTest
    @ValueSource(strings = {"^", "{", "}", "\\", "[", "~", "]", "|", "\u20AC", "\f"})
    void everyExtensionCharacterCountsTwoSeptets(String c) {
      Segments s = Segments.of(c);

      assertThat(s.encoding()).isEqualTo(SmsEncoding.GSM_7);
      assertThat(s.units()).isEqualTo(2);
    }

    @ParameterizedTest
    @ValueSource(strings = {"^", "{", "}", "\\", "[", "~", "]", "|", "\u20AC", "\f"})
    @DisplayName("159 characters and one extension character make 161 septets: two segments")
    void extensionCharacterTipsIntoTwoSegments(String c) {
      assertThat(Segments.of(gsm(158) + c).count()).isEqualTo(1);
      assertThat(Segments.of(gsm(159) + c).count()).isEqualTo(2);
    }

    @Test
    void oneHundredSixtyCharactersAreOneSegment() {
      assertThat(Segments.of(gsm(160)))
          .isEqualTo(new Segments(SmsEncoding.GSM_7, 160, 1, List.of()));
    }

    @Test
    void oneHundredSixtyOneCharactersAreTwoSegments() {
      assertThat(Segments.of(gsm(161)).count()).isEqualTo(2);
    }

    @Test
    void partsHoldOneHundredFiftyThreeSeptets() {
      assertThat(Segments.of(gsm(306)).count()).isEqualTo(2);
      assertThat(Segments.of(gsm(307)).count()).isEqualTo(3);
    }

    @Test
    @DisplayName("80 characters and a euro sign are 82 septets: one segment")
    void euroInAShortText() {
      Segments s = Segments.of(gsm(80) + "\u20AC");

      assertThat(s.units()).isEqualTo(82);
      assertThat(s.count()).isEqualTo(1);
    }

    @Test
    @DisplayName("an escape pair at the 153-septet boundary moves whole to the next part")
    void escapePairIsNeverSplit() {
      Segments s = Segments.of(gsm(152) + "\u20AC" + gsm(152));

      assertThat(s.units()).isEqualTo(306);
      assertThat(s.count()).isEqualTo(3); // 152 | 2 + 151 | 1
    }

    @Test
    void lineBreaksAreBasicCharacters() {
      assertThat(Segments.of("a\r\nb").units()).isEqualTo(4);
    }

    @Test
    @DisplayName("empty text is GSM-7 and 0 segments: nothing goes out as SMS")
    void emptyText() {
      assertThat(Segments.of("")).isEqualTo(new Segments(SmsEncoding.GSM_7, 0, 0, List.of()));
    }
  }

  @Nested
  class Ucs2Texts {
    @Test
    void oneEmojiMakesTheWholeMessageUcs2() {
      Segments s = Segments.of(gsm(10) + EMOJI);

      assertThat(s.encoding()).isEqualTo(SmsEncoding.UCS_2);
      assertThat(s.units()).isEqualTo(12);
      assertThat(s.ucs2Characters()).containsExactly(EMOJI);
    }

    @ParameterizedTest
    @ValueSource(
        strings = {"`", "\u00E7", "\u00E1", "\u2019", "\u201C", "\u2013", "\u2026", "\u00A0"})
    void aCharacterOutsideBothTablesForcesUcs2(String c) {
      Segments s = Segments.of("Hi " + c);

      assertThat(s.encoding()).isEqualTo(SmsEncoding.UCS_2);
      assertThat(s.ucs2Characters()).containsExactly(c);
    }

    @Test
    void theCharactersThatForcedUcs2AreDistinctInOrderOfFirstAppearance() {
      assertThat(Segments.of("\u00E7a\u00E7 " + EMOJI + "\u00E1\u00E7" + EMOJI).ucs2Characters())
          .containsExactly("\u00E7", EMOJI, "\u00E1");
    }

    @Test
    void seventyUnitsAreOneSegment() {
      Segments s = Segments.of("\u00E7" + gsm(69));

      assertThat(s.units()).isEqualTo(70);
      assertThat(s.count()).isEqualTo(1);
    }

    @Test
    void seventyOneUnitsAreTwoSegments() {
      assertThat(Segments.of("\u00E7" + gsm(70)).count()).isEqualTo(2);
    }

    @Test
    void partsHoldSixtySevenUnits() {
      assertThat(Segments.of("\u00E7" + gsm(133)).count()).isEqualTo(2);
      assertThat(Segments.of("\u00E7" + gsm(134)).count()).isEqualTo(3);
    }

    @Test
    void anEmojiCountsTwoUnits() {
      assertThat(Segments.of(EMOJI.repeat(35)))
          .extracting(Segments::units, Segments::count)
          .containsExactly(70, 1);
      assertThat(Segments.of(EMOJI.repeat(36)))
          .extracting(Segments::units, Segments::count)
          .containsExactly(72, 2);
    }

    @Test
    @DisplayName("a surrogate pair at the 67-unit boundary moves whole to the next part")
    void surrogatePairIsNeverSplit() {
      Segments s = Segments.of("\u00E7" + gsm(65) + EMOJI + gsm(66));

      assertThat(s.units()).isEqualTo(134);
      assertThat(s.count()).isEqualTo(3); // 66 | 2 + 65 | 1
    }

    @Test
    void aLoneSurrogateIsOneUnitOutsideGsm7() {
      Segments s = Segments.of("a\uD83D");

      assertThat(s.encoding()).isEqualTo(SmsEncoding.UCS_2);
      assertThat(s.units()).isEqualTo(2);
      assertThat(s.ucs2Characters()).containsExactly("\uD83D");
    }
  }
}

package dev.p2p.sms;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SmartEncodingTest {

  @ParameterizedTest(name = "U+{0} becomes \"{1}\"")
  @CsvSource(
      delimiter = ';',
      quoteCharacter = '\u0000',
      value = {
        "2018;'",
        "2019;'",
        "201A;'",
        "201B;'",
        "2032;'",
        "2039;'",
        "203A;'",
        "0060;'",
        "00B4;'",
        "201C;\"",
        "201D;\"",
        "201E;\"",
        "201F;\"",
        "2033;\"",
        "00AB;\"",
        "00BB;\"",
        "2010;-",
        "2011;-",
        "2012;-",
        "2013;-",
        "2014;-",
        "2015;-",
        "2212;-",
        "2022;-",
        "2026;...",
        "02C6;^",
        "02DC;~",
        "2044;/"
      })
  void lookAlikePunctuationBecomesItsGsm7Twin(String hex, String gsm) {
    String c = Character.toString(Integer.parseInt(hex, 16));

    assertThat(SmartEncoding.apply("a" + c + "b")).isEqualTo("a" + gsm + "b");
  }

  @ParameterizedTest(name = "U+{0} becomes a space")
  @CsvSource({"0009", "00A0", "2000", "2005", "200A", "202F", "205F", "3000"})
  void oddSpacesBecomeASpace(String hex) {
    String c = Character.toString(Integer.parseInt(hex, 16));

    assertThat(SmartEncoding.apply("a" + c + "b")).isEqualTo("a b");
  }

  @ParameterizedTest(name = "U+{0} is dropped")
  @CsvSource({"00AD", "200B", "2060", "FEFF"})
  void invisibleCharactersAreDropped(String hex) {
    String c = Character.toString(Integer.parseInt(hex, 16));

    assertThat(SmartEncoding.apply("a" + c + "b")).isEqualTo("ab");
  }

  @Test
  void lineAndParagraphSeparatorsBecomeLineFeeds() {
    assertThat(SmartEncoding.apply("a\u2028b\u2029c")).isEqualTo("a\nb\nc");
  }

  @Test
  @DisplayName("letters, emoji and joiners inside emoji are left alone")
  void everythingElseIsUntouched() {
    String text = "Ça, á, ñ, 日本 \uD83D\uDC68\u200D\uD83D\uDC69 {x} €";

    assertThat(SmartEncoding.apply(text)).isEqualTo(text);
  }

  @Test
  void aTextWithNothingToReplaceIsReturnedAsIs() {
    String text = "Hi Jo, it's Ana. Can we count on you?";

    assertThat(SmartEncoding.apply(text)).isSameAs(text);
  }

  @Test
  @DisplayName("smart quotes, a dash and an ellipsis no longer force UCS-2")
  void smartEncodedTextCountsAsGsm7() {
    String text = "\u201CHi,\u201D it\u2019s Ana \u2014 can we count on you\u2026 Tuesday?";

    assertThat(Segments.of(text).encoding()).isEqualTo(SmsEncoding.UCS_2);
    assertThat(Segments.of(SmartEncoding.apply(text)))
        .extracting(Segments::encoding, Segments::ucs2Characters)
        .containsExactly(SmsEncoding.GSM_7, List.of());
  }

  @Test
  @DisplayName("150 characters with smart quotes: 3 segments as UCS-2, 1 smart-encoded")
  void smartEncodingSavesSegments() {
    String text = "\u201C" + "a".repeat(148) + "\u201D";

    assertThat(Segments.of(text).count()).isEqualTo(3);
    assertThat(Segments.of(SmartEncoding.apply(text)).count()).isEqualTo(1);
  }
}

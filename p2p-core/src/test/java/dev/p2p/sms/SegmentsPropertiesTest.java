package dev.p2p.sms;

import static org.assertj.core.api.Assertions.assertThat;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.StringLength;

class SegmentsPropertiesTest {

  @Property
  void aNonEmptyTextIsAtLeastOneSegmentAndAnEmptyOneNone(@ForAll String text) {
    assertThat(Segments.of(text).count() >= 1).isEqualTo(!text.isEmpty());
  }

  @Property
  void aTextIsGsm7ExactlyWhenNoCharacterForcedUcs2(@ForAll String text) {
    Segments s = Segments.of(text);

    assertThat(s.encoding() == SmsEncoding.GSM_7).isEqualTo(s.ucs2Characters().isEmpty());
  }

  @Property
  void ucs2CountsUtf16Units(@ForAll @StringLength(max = 400) String text) {
    Segments s = Segments.of(text);

    if (s.encoding() == SmsEncoding.UCS_2) {
      assertThat(s.units()).isEqualTo(text.length());
      assertThat(s.ucs2Characters()).isNotEmpty().doesNotHaveDuplicates();
    }
  }

  @Property
  void theCountFollowsTheCeilingRuleWithinOneUnitPerPart(@ForAll("mixedTexts") String text) {
    Segments s = Segments.of(text);
    SmsEncoding e = s.encoding();

    if (s.units() <= e.singleLimit()) {
      assertThat(s.count()).isEqualTo(text.isEmpty() ? 0 : 1);
    } else {
      // A pair never split may leave one unit unused at the end of a part, no more.
      assertThat(s.count())
          .isBetween(ceil(s.units(), e.partLimit()), ceil(s.units(), e.partLimit() - 1));
    }
  }

  @Property
  void basicGsm7TextsFollowTheCeilingRuleExactly(@ForAll("basicTexts") String text) {
    Segments s = Segments.of(text);

    assertThat(s.encoding()).isEqualTo(SmsEncoding.GSM_7);
    assertThat(s.units()).isEqualTo(text.length());
    assertThat(s.count()).isEqualTo(text.length() <= 160 ? 1 : ceil(text.length(), 153));
  }

  @Provide
  Arbitrary<String> basicTexts() {
    return Arbitraries.strings()
        .withChars(SegmentsTest.BASIC_TABLE.toCharArray())
        .ofMinLength(1)
        .ofMaxLength(1000);
  }

  @Provide
  Arbitrary<String> mixedTexts() {
    Arbitrary<String> pieces =
        Arbitraries.oneOf(
            Arbitraries.strings().withChars(SegmentsTest.BASIC_TABLE.toCharArray()).ofMaxLength(80),
            Arbitraries.of("\u20AC", "{", "^", "\f", SegmentsTest.EMOJI, "\u00E7", "\u2019"));
    return pieces.list().ofMaxSize(40).map(list -> String.join("", list));
  }

  private static int ceil(int units, int perPart) {
    return (units + perPart - 1) / perPart;
  }
}

package dev.p2p.internal.contact;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PhoneNormalizerTest {

  @ParameterizedTest
  @ValueSource(
      strings = {
        "(415) 555-2671",
        "415.555.2671",
        "415-555-2671",
        "+1 415 555 2671",
        "14155552671",
        "4155552671",
        "  +14155552671  ",
        "1 (415) 555-2671"
      })
  void readsCommonUsFormats(String raw) {
    PhoneNormalizer.Result result = PhoneNormalizer.normalize(raw, "US");

    assertThat(result.e164()).isEqualTo("+14155552671");
  }

  @Test
  void readsAnInternationalNumberWhateverTheDefaultRegion() {
    assertThat(PhoneNormalizer.normalize("+44 20 7946 0958", "US").e164())
        .isEqualTo("+442079460958");
  }

  @Test
  void readsANationalNumberInTheDefaultRegion() {
    assertThat(PhoneNormalizer.normalize("020 7946 0958", "GB").e164()).isEqualTo("+442079460958");
  }

  @Test
  void keepsTheParsedNumberOfAValidPhone() {
    PhoneNormalizer.Result result = PhoneNormalizer.normalize("4155552671", "US");

    assertThat(result.valid()).isTrue();
    assertThat(result.number()).isNotNull();
    assertThat(result.problem()).isNull();
  }

  @Test
  void rejectsAnEmptyPhone() {
    assertThat(PhoneNormalizer.normalize("   ", "US").problem()).isEqualTo("is empty");
  }

  @Test
  void rejectsTextLongerThanFortyCharacters() {
    assertThat(PhoneNormalizer.normalize("4".repeat(41), "US").problem())
        .isEqualTo("must be at most 40 characters");
  }

  @Test
  void namesTheRegionWhenANationalNumberIsInvalid() {
    assertThat(PhoneNormalizer.normalize("415555267", "US").problem())
        .isEqualTo("is not a valid phone number for region US");
  }

  @Test
  void rejectsAnInvalidInternationalNumber() {
    assertThat(PhoneNormalizer.normalize("+1 123 555 2671", "US").problem())
        .isEqualTo("is not a valid phone number");
  }

  @Test
  void rejectsTextThatIsNotANumber() {
    assertThat(PhoneNormalizer.normalize("call me", "US").problem())
        .isEqualTo("is not a phone number");
  }

  @Test
  void rejectsAnUnknownCountryCode() {
    assertThat(PhoneNormalizer.normalize("+999 1234 5678", "US").problem())
        .startsWith("has no valid country code");
  }

  @Test
  @DisplayName("rejects a number with an extension: a text cannot reach one")
  void rejectsAnExtension() {
    assertThat(PhoneNormalizer.normalize("415-555-2671 ext. 12", "US").problem())
        .startsWith("has an extension");
  }

  @Test
  void neverRepeatsTheNumberInAReason() {
    String problem = PhoneNormalizer.normalize("+1 123 555 2671", "US").problem();

    assertThat(problem).doesNotContain("2671").doesNotContain("123");
  }
}

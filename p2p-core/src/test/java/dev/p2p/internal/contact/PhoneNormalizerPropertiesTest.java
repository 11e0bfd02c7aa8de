package dev.p2p.internal.contact;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.Phonenumber.PhoneNumber;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

class PhoneNormalizerPropertiesTest {
  private static final PhoneNumberUtil UTIL = PhoneNumberUtil.getInstance();

  @Property
  void agreesWithLibphonenumbersParser(@ForAll("northAmerican") String raw) {
    PhoneNormalizer.Result result = PhoneNormalizer.normalize(raw, "US");

    assertThat(result.e164()).isEqualTo(libphonenumber(raw));
  }

  @Provide
  Arbitrary<String> northAmerican() {
    Arbitrary<String> digits = Arbitraries.strings().numeric().ofMinLength(9).ofMaxLength(12);
    Arbitrary<String> prefix = Arbitraries.of("", "+", "1", "+1", "+1 ", "1-", "(");
    Arbitrary<String> separator = Arbitraries.of("", " ", "-", ".", ") ");
    return Combinators.combine(prefix, digits, separator)
        .as((p, d, s) -> p + d.substring(0, 3) + s + d.substring(3));
  }

  private static String libphonenumber(String raw) {
    try {
      PhoneNumber number = UTIL.parse(raw, "US");
      return UTIL.isValidNumber(number) && !number.hasExtension()
          ? UTIL.format(number, PhoneNumberUtil.PhoneNumberFormat.E164)
          : null;
    } catch (NumberParseException e) {
      return null;
    }
  }
}

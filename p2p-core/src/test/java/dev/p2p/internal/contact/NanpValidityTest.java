package dev.p2p.internal.contact;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.Phonenumber.PhoneNumber;
import java.util.SplittableRandom;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class NanpValidityTest {
  private static final PhoneNumberUtil UTIL = PhoneNumberUtil.getInstance();

  private static boolean libphonenumber(long national) {
    return UTIL.isValidNumber(new PhoneNumber().setCountryCode(1).setNationalNumber(national));
  }

  @Test
  @DisplayName(
      "a remembered verdict for a prefix agrees with libphonenumber for other numbers of it")
  void rememberedVerdictsAgreeWithLibphonenumber() {
    SplittableRandom random = new SplittableRandom(7);
    int valid = 0;
    for (int i = 0; i < 100_000; i++) {
      long prefix = random.nextLong(2_000_000L, 10_000_000L);
      long first = prefix * 1_000 + random.nextInt(1_000);
      long second = prefix * 1_000 + random.nextInt(1_000);
      assertThat(NanpValidity.isValid(first)).as("%d", first).isEqualTo(libphonenumber(first));
      assertThat(NanpValidity.isValid(second)).as("%d", second).isEqualTo(libphonenumber(second));
      valid += libphonenumber(second) ? 1 : 0;
    }
    assertThat(valid).as("the sample holds valid numbers too").isGreaterThan(10_000);
  }

  @Test
  void knownNumbers() {
    assertThat(NanpValidity.isValid(3_125_550_101L)).isTrue();
    assertThat(NanpValidity.isValid(4_155_552_671L)).isTrue();
    assertThat(NanpValidity.isValid(2_115_550_101L)).as("211 is an N11 code").isFalse();
    assertThat(NanpValidity.isValid(3_121_550_101L))
        .as("an exchange cannot start with 1")
        .isFalse();
  }
}

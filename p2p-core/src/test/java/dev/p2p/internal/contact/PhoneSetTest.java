package dev.p2p.internal.contact;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PhoneSetTest {
  private final PhoneSet set = new PhoneSet();

  @Test
  void readsTheDigitsOfAnE164Number() {
    assertThat(PhoneSet.key("+14155552671")).isEqualTo(14155552671L);
  }

  @Test
  void returnsZeroForANewPhone() {
    assertThat(set.add(14155552671L, 2)).isZero();
  }

  @Test
  void returnsTheFirstRowForARepeatedPhone() {
    set.add(14155552671L, 2);

    assertThat(set.add(14155552671L, 9)).isEqualTo(2);
  }

  @Test
  void saysTheRowIsUnknownWhenItWasTooFarDownToRecord() {
    set.add(14155552671L, Integer.MAX_VALUE + 1L);

    assertThat(set.add(14155552671L, 1)).isEqualTo(PhoneSet.EARLIER_ROW_UNKNOWN);
  }

  @Test
  void keepsEveryPhoneAsItGrows() {
    for (int i = 0; i < 100_000; i++) {
      set.add(12122000000L + i, i + 2);
    }

    assertThat(set.size()).isEqualTo(100_000);
    assertThat(set.add(12122000000L + 77_777, 1)).isEqualTo(77_779);
  }
}

package dev.p2p.examples.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.Currency;
import java.util.Optional;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class FmtTest {
  @Test
  @DisplayName("counts get thousands separators, rates one decimal")
  void countsAndRates() {
    assertThat(Fmt.count(10_000)).isEqualTo("10,000");
    assertThat(Fmt.count(0)).isEqualTo("0");
    assertThat(Fmt.percent(0.125)).isEqualTo("12.5%");
    assertThat(Fmt.share(1, 3)).isEqualTo("33.3%");
    assertThat(Fmt.share(5, 0)).isEqualTo("0.0%");
  }

  @Test
  @DisplayName("money takes its currency's symbol and digits")
  void money() {
    assertThat(Fmt.money(new BigDecimal("83.0000"), Currency.getInstance("USD")))
        .isEqualTo("$83.00");
    assertThat(Fmt.money(new BigDecimal("1234.565"), Currency.getInstance("USD")))
        .isEqualTo("$1,234.56");
    assertThat(Fmt.money(new BigDecimal("83"), Currency.getInstance("EUR"))).isEqualTo("€83.00");
    assertThat(Fmt.money(new BigDecimal("1200.4"), Currency.getInstance("JPY")))
        .isEqualTo("¥1,200");
  }

  @Test
  @DisplayName("durations show their two largest units, an empty one a dash")
  void durations() {
    assertThat(Fmt.duration(Optional.empty())).isEqualTo("-");
    assertThat(Fmt.duration(Optional.of(Duration.ZERO))).isEqualTo("0s");
    assertThat(Fmt.duration(Optional.of(Duration.ofMillis(300)))).isEqualTo("<1s");
    assertThat(Fmt.duration(Optional.of(Duration.ofSeconds(45)))).isEqualTo("45s");
    assertThat(Fmt.duration(Optional.of(Duration.ofSeconds(65)))).isEqualTo("1m 05s");
    assertThat(Fmt.duration(Optional.of(Duration.ofMinutes(123)))).isEqualTo("2h 03m");
    assertThat(Fmt.duration(Optional.of(Duration.ofHours(28)))).isEqualTo("1d 04h");
  }

  @Test
  @DisplayName("variants are lettered like spreadsheet columns")
  void variantLetters() {
    assertThat(Fmt.variant(0)).isEqualTo("A");
    assertThat(Fmt.variant(2)).isEqualTo("C");
    assertThat(Fmt.variant(25)).isEqualTo("Z");
    assertThat(Fmt.variant(26)).isEqualTo("AA");
    assertThat(Fmt.variant(27)).isEqualTo("AB");
  }

  @Test
  @DisplayName("clip keeps text on one line and cuts it with an ellipsis")
  void clip() {
    assertThat(Fmt.clip("two\nlines", 20)).isEqualTo("two lines");
    assertThat(Fmt.clip("abcdefghij", 5)).isEqualTo("abcd…");
    assertThat(Fmt.width(Fmt.clip("abcdefghij", 5))).isEqualTo(5);
    assertThat(Fmt.clip("short", 5)).isEqualTo("short");
  }
}

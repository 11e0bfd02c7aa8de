package dev.p2p.sms;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.p2p.ValidationException;
import dev.p2p.Violation;
import java.math.BigDecimal;
import java.util.Currency;
import org.junit.jupiter.api.Test;

class CostModelTest {

  @Test
  void theDefaultsAreTheDocumentedUsPrices() {
    CostModel model = CostModel.defaults();

    assertThat(model.pricePerSmsSegment()).isEqualByComparingTo("0.0083");
    assertThat(model.carrierFeePerSmsSegment()).isEqualByComparingTo("0.0045");
    assertThat(model.pricePerMms()).isEqualByComparingTo("0.022");
    assertThat(model.carrierFeePerMms()).isEqualByComparingTo("0.01");
    assertThat(model.currency()).isEqualTo(Currency.getInstance("USD"));
  }

  @Test
  void aSegmentCostsThePricePlusTheCarrierFee() {
    assertThat(CostModel.defaults().smsCost(1)).isEqualByComparingTo("0.0128");
    assertThat(CostModel.defaults().smsCost(3)).isEqualByComparingTo("0.0384");
    assertThat(CostModel.defaults().smsCost(0)).isEqualByComparingTo("0");
  }

  @Test
  void aTextCostsItsSegments() {
    Segments twoParts = Segments.of("a".repeat(161));

    assertThat(CostModel.defaults().cost(twoParts)).isEqualByComparingTo("0.0256");
  }

  @Test
  void anMmsCostsOneMessageWhateverItsLength() {
    assertThat(CostModel.defaults().mmsCost()).isEqualByComparingTo("0.032");
  }

  @Test
  void aCustomModelUsesItsOwnPrices() {
    CostModel model =
        CostModel.builder()
            .pricePerSmsSegment(new BigDecimal("0.02"))
            .carrierFeePerSmsSegment(BigDecimal.ZERO)
            .pricePerMms(new BigDecimal("0.05"))
            .carrierFeePerMms(new BigDecimal("0.005"))
            .currency("cad")
            .build();

    assertThat(model.smsCost(2)).isEqualByComparingTo("0.04");
    assertThat(model.mmsCost()).isEqualByComparingTo("0.055");
    assertThat(model.currency().getCurrencyCode()).isEqualTo("CAD");
  }

  @Test
  void impactivesWorkedExampleCostsFourHundred() {
    CostModel twoCents =
        CostModel.builder()
            .pricePerSmsSegment(new BigDecimal("0.02"))
            .carrierFeePerSmsSegment(BigDecimal.ZERO)
            .build();

    assertThat(twoCents.smsCost(2L * 10_000)).isEqualByComparingTo("400");
  }

  @Test
  void everyBadValueIsListedAtOnce() {
    assertThatThrownBy(
            () ->
                CostModel.builder()
                    .pricePerSmsSegment(new BigDecimal("-0.01"))
                    .pricePerMms(new BigDecimal("-1"))
                    .carrierFeePerSmsSegment(new BigDecimal("-0.001"))
                    .carrierFeePerMms(new BigDecimal("-2"))
                    .currency("dollars")
                    .build())
        .isInstanceOfSatisfying(
            ValidationException.class,
            e ->
                assertThat(e.violations())
                    .extracting(Violation::field)
                    .containsExactly(
                        "pricePerSmsSegment",
                        "pricePerMms",
                        "carrierFeePerSmsSegment",
                        "carrierFeePerMms",
                        "currency"));
  }

  @Test
  void aNegativeSegmentCountIsRejected() {
    assertThatThrownBy(() -> CostModel.defaults().smsCost(-1))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void toStringShowsThePrices() {
    assertThat(CostModel.defaults().toString())
        .contains("USD", "0.0083", "0.0045", "0.022", "0.01");
  }
}

package dev.p2p.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class NumberTypeTest {

  @ParameterizedTest
  @ValueSource(strings = {"800", "833", "844", "855", "866", "877", "888"})
  @DisplayName("a +1 number with a toll-free area code is toll-free")
  void tollFree(String areaCode) {
    assertThat(NumberType.of(Sender.number("+1" + areaCode + "5550100")))
        .isEqualTo(NumberType.TOLL_FREE);
  }

  @ParameterizedTest
  @ValueSource(strings = {"+15551230000", "+18995550100", "+18225550100", "+448001234567"})
  @DisplayName("any other E.164 number is a long code, 8XX look-alikes and other countries too")
  void longCode(String phone) {
    assertThat(NumberType.of(Sender.number(phone))).isEqualTo(NumberType.LONG_CODE);
  }

  @ParameterizedTest
  @ValueSource(strings = {"12345", "123456"})
  @DisplayName("a 5 or 6 digit number is a short code")
  void shortCode(String code) {
    assertThat(NumberType.of(Sender.number(code))).isEqualTo(NumberType.SHORT_CODE);
  }

  @Test
  @DisplayName("a messaging service is a messaging service, whatever its id looks like")
  void messagingService() {
    assertThat(NumberType.of(Sender.messagingService("18005550100")))
        .isEqualTo(NumberType.MESSAGING_SERVICE);
  }
}

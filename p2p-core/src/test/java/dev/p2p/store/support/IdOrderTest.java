package dev.p2p.store.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class IdOrderTest {
  private static final List<String> IDS =
      List.of(
          "ana", "Ana", "an", "ana-2", "éva", "\uFF3Aed", "\uD83D\uDE00bot", "\uD83D\uDE00", "");

  @Test
  @DisplayName("puts a fullwidth letter (U+FF3A) before an emoji (U+1F600), unlike String order")
  void codePointsNotUtf16Units() {
    assertThat(IdOrder.compare("\uFF3Aed", "\uD83D\uDE00bot")).isNegative();
    assertThat("\uFF3Aed".compareTo("\uD83D\uDE00bot")).isPositive();
  }

  @Test
  @DisplayName("orders as the ids' UTF-8 bytes do, shorter first on a common prefix")
  void ordersAsUtf8Bytes() {
    List<String> byCodePoint = new ArrayList<>(IDS);
    byCodePoint.sort(IdOrder.CODE_POINTS);
    List<String> byBytes = new ArrayList<>(IDS);
    byBytes.sort(
        (a, b) ->
            Arrays.compareUnsigned(
                a.getBytes(StandardCharsets.UTF_8), b.getBytes(StandardCharsets.UTF_8)));
    assertThat(byCodePoint).containsExactlyElementsOf(byBytes);
    assertThat(IdOrder.compare("ana", "ana")).isZero();
  }
}

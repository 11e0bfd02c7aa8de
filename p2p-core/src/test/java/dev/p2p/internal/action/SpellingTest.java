package dev.p2p.internal.action;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class SpellingTest {
  private static final List<String> KNOWN =
      List.of("firstName", "lastName", "pollingPlace", "supporter", "not-voting");

  @Test
  @DisplayName("two swapped letters find the name meant")
  void swappedLetters() {
    assertThat(Spelling.closest("fristName", KNOWN)).contains("firstName");
  }

  @Test
  @DisplayName("a missing letter finds the name meant")
  void missingLetter() {
    assertThat(Spelling.closest("suporter", KNOWN)).contains("supporter");
  }

  @Test
  @DisplayName("a difference of case alone finds the name meant")
  void caseOnly() {
    assertThat(Spelling.closest("PollingPlace", KNOWN)).contains("pollingPlace");
  }

  @Test
  @DisplayName("a name unlike every known one finds nothing")
  void nothingClose() {
    assertThat(Spelling.closest("nickname", KNOWN)).isEmpty();
  }

  @Test
  @DisplayName("a short name allows one edit only")
  void shortNamesAllowOneEdit() {
    assertThat(Spelling.closest("ab", List.of("ac", "xy"))).contains("ac");
    assertThat(Spelling.closest("ab", List.of("xy"))).isEmpty();
  }

  @Test
  @DisplayName("the closest of several candidates wins")
  void closestWins() {
    assertThat(Spelling.closest("lastNme", KNOWN)).contains("lastName");
  }
}

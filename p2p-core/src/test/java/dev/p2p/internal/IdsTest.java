package dev.p2p.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class IdsTest {
  @Test
  @DisplayName("letters, digits and . _ : - starting alphanumeric make a valid id")
  void validIds() {
    assertThat(Ids.problem("twilio-acme")).isEmpty();
    assertThat(Ids.problem("org:42.eu_west")).isEmpty();
  }

  @Test
  @DisplayName("an id with a space is quoted and the space pointed out")
  void aSpaceIsPointedOut() {
    assertThat(Ids.problem("my fake"))
        .contains(
            "'my fake' is not a valid id (it has a space): use 1 to 64 letters, digits, '.', '_',"
                + " ':' or '-', starting with a letter or digit");
  }

  @Test
  @DisplayName("an id starting with punctuation is quoted, with no mention of spaces")
  void aBadStartIsQuoted() {
    assertThat(Ids.problem("-fake"))
        .hasValueSatisfying(r -> assertThat(r).startsWith("'-fake' is not a valid id: use"));
  }

  @Test
  @DisplayName("an id too long to quote is described by its length")
  void aLongIdIsNotQuoted() {
    assertThat(Ids.problem("x".repeat(65)))
        .hasValueSatisfying(r -> assertThat(r).startsWith("of 65 characters is not a valid id"));
  }
}

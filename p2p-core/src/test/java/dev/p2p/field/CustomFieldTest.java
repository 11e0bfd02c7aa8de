package dev.p2p.field;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.p2p.ValidationException;
import dev.p2p.Violation;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CustomFieldTest {

  @ParameterizedTest(name = "{0} accepts ''{1}''")
  @CsvSource({
    "TEXT, anything at all",
    "NUMBER, 42",
    "NUMBER, -3.5",
    "BOOLEAN, true",
    "BOOLEAN, false",
    "DATE, 2026-11-03",
    "CHOICE, b"
  })
  void acceptsValuesOfItsType(FieldType type, String value) {
    assertThat(field(type).check("fields.f", value)).isEmpty();
  }

  @ParameterizedTest(name = "{0} refuses ''{1}''")
  @CsvSource({
    "NUMBER, 4 2, must be a number",
    "NUMBER, 1e5, must be a number",
    "NUMBER, '', must be a number",
    "BOOLEAN, yes, must be true or false",
    "BOOLEAN, TRUE, must be true or false",
    "DATE, 11/03/2026, must be a date",
    "DATE, 2026-02-30, must be a date",
    "CHOICE, d, must be one of a, b, c"
  })
  void refusesValuesOfAnotherTypeNamingThePath(FieldType type, String value, String reason) {
    assertThat(field(type).check("fields.f", value))
        .hasValueSatisfying(
            v -> {
              assertThat(v.field()).isEqualTo("fields.f");
              assertThat(v.reason()).startsWith(reason);
            });
  }

  @Test
  void aTextValueHasALengthLimit() {
    assertThat(CustomField.text("note", "Note").check("note", "x".repeat(1_001))).isPresent();
  }

  @Test
  @DisplayName("a bad definition lists every problem: name, label and options")
  void badDefinitionListsEveryProblem() {
    assertThatThrownBy(() -> new CustomField("Polling place", " ", FieldType.CHOICE, List.of()))
        .isInstanceOfSatisfying(
            ValidationException.class,
            e ->
                assertThat(e.violations())
                    .extracting(Violation::field)
                    .containsExactly("name", "label", "options"));
  }

  @Test
  void aBuiltInNameIsRefused() {
    assertThatThrownBy(() -> CustomField.text("firstName", "First"))
        .hasMessageContaining("name is a built-in name");
  }

  @Test
  void optionsAreOnlyForChoices() {
    assertThatThrownBy(() -> new CustomField("ward", "Ward", FieldType.TEXT, List.of("1")))
        .hasMessageContaining("options are only for choice fields");
  }

  @Test
  void repeatedOptionsAreRefused() {
    assertThatThrownBy(() -> CustomField.choice("ward", "Ward", "1", "1"))
        .hasMessageContaining("options repeat '1'");
  }

  @Test
  void aTagNameIsChecked() {
    assertThatThrownBy(() -> Tag.named("not voting")).hasMessageContaining("name must be");
    assertThat(Tag.named("not-voting").name()).isEqualTo("not-voting");
  }

  private static CustomField field(FieldType type) {
    return new CustomField(
        "f", "F", type, type == FieldType.CHOICE ? List.of("a", "b", "c") : List.of());
  }
}

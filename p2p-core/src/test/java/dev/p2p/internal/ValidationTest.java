package dev.p2p.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.p2p.ValidationException;
import dev.p2p.Violation;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class ValidationTest {

  static final class Command {
    @NotBlank(message = "must not be blank")
    final String name;

    @Size(max = 3, message = "must be at most {max} characters")
    final String code;

    @Max(value = 10, message = "must be at most {value}")
    final int count;

    Command(String name, String code, int count) {
      this.name = name;
      this.code = code;
      this.count = count;
    }
  }

  @Test
  void acceptsAValidCommand() {
    assertThatCode(() -> Validation.check(new Command("a", "abc", 1))).doesNotThrowAnyException();
  }

  @Test
  @DisplayName("lists every violation at once, sorted by field, with parameters interpolated")
  void listsEveryViolationSortedByField() {
    ValidationException e =
        catchThrowableOfType(
            () -> Validation.check(new Command(" ", "abcd", 11)), ValidationException.class);

    assertThat(e.violations())
        .containsExactly(
            new Violation("code", "must be at most 3 characters"),
            new Violation("count", "must be at most 10"),
            new Violation("name", "must not be blank"));
  }

  @Test
  void requireSortsTheViolationsItThrows() {
    ValidationException e =
        catchThrowableOfType(
            () -> Validation.require(List.of(new Violation("b", "x"), new Violation("a", "y"))),
            ValidationException.class);

    assertThat(e.violations()).extracting(Violation::field).containsExactly("a", "b");
  }

  @Test
  void requireAcceptsAnEmptyList() {
    assertThatCode(() -> Validation.require(List.of())).doesNotThrowAnyException();
  }
}

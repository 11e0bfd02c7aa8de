package dev.p2p.internal;

import dev.p2p.ValidationException;
import dev.p2p.Violation;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.hibernate.validator.HibernateValidator;
import org.hibernate.validator.messageinterpolation.ParameterMessageInterpolator;

/**
 * Checks commands annotated with Jakarta Validation constraints and reports every problem at once.
 *
 * <p>One {@link Validator} is built lazily and shared; it is thread-safe. Messages are interpolated
 * with {@link ParameterMessageInterpolator}, so no expression-language implementation is needed:
 * constraint messages should be plain text or use {@code {parameter}} placeholders only.
 */
public final class Validation {
  private static final Comparator<Violation> ORDER =
      Comparator.comparing(Violation::field).thenComparing(Violation::reason);

  private Validation() {}

  /**
   * Validates a command's constraint annotations.
   *
   * @throws ValidationException listing every violation (field = property path), sorted by field
   */
  public static void check(Object command) {
    require(violations(command));
  }

  /** Every constraint violation of a command, sorted by field; empty when it is valid. */
  public static List<Violation> violations(Object command) {
    List<Violation> found = new ArrayList<>();
    for (ConstraintViolation<Object> v : Holder.VALIDATOR.validate(command)) {
      found.add(new Violation(v.getPropertyPath().toString(), v.getMessage()));
    }
    found.sort(ORDER);
    return found;
  }

  /**
   * Throws when the list is not empty.
   *
   * @throws ValidationException listing the violations sorted by field
   */
  public static void require(List<Violation> violations) {
    if (!violations.isEmpty()) {
      List<Violation> sorted = new ArrayList<>(violations);
      sorted.sort(ORDER);
      throw new ValidationException(sorted);
    }
  }

  private static final class Holder {
    static final Validator VALIDATOR =
        jakarta.validation.Validation.byProvider(HibernateValidator.class)
            .configure()
            .messageInterpolator(new ParameterMessageInterpolator())
            .buildValidatorFactory()
            .getValidator();
  }
}

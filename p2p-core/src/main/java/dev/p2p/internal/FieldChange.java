package dev.p2p.internal;

import dev.p2p.Violation;
import dev.p2p.field.CustomField;
import java.util.List;

/**
 * The rule every store applies, atomically, when a custom field is redefined: the type never
 * changes, and a choice field keeps every option it had, so that values already set stay valid.
 */
public final class FieldChange {
  private FieldChange() {}

  /** Why {@code current} cannot become {@code next}; empty when it can. */
  public static List<Violation> problems(CustomField current, CustomField next) {
    if (current.type() != next.type()) {
      return List.of(
          new Violation("type", "cannot change from " + current.type() + ": define a new field"));
    }
    if (!next.options().containsAll(current.options())) {
      return List.of(new Violation("options", "must keep every existing option"));
    }
    return List.of();
  }
}

package dev.p2p.store.support;

import dev.p2p.ValidationException;
import dev.p2p.field.CustomField;

/**
 * Whether a custom field may be redefined, decided once for every store on the field as stored
 * (read with its row locked): the type never changes, and a choice field keeps every option it had,
 * so that values already set stay valid.
 */
public final class FieldRule {
  private FieldRule() {}

  /**
   * Checks a redefinition.
   *
   * @param current the field as stored, as locked
   * @param next the definition to store
   * @throws ValidationException naming {@code type} or {@code options}
   */
  public static void check(CustomField current, CustomField next) {
    if (current.type() != next.type()) {
      throw ValidationException.of(
          "type", "cannot change from " + current.type() + ": define a new field");
    }
    if (!next.options().containsAll(current.options())) {
      throw ValidationException.of("options", "must keep every existing option");
    }
  }
}

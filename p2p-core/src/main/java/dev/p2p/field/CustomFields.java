package dev.p2p.field;

import dev.p2p.NotFoundException;
import dev.p2p.ValidationException;
import java.util.List;
import java.util.Optional;

/**
 * The organization's custom fields. Obtained from {@code Organization.customFields()}; thread-safe.
 *
 * <pre>{@code
 * org.customFields().define(CustomField.choice("ward", "Ward", "1", "2", "3"));
 * }</pre>
 */
public interface CustomFields {
  /**
   * Defines a new field.
   *
   * @throws ValidationException naming {@code name} if a field with that name exists
   */
  CustomField define(CustomField field);

  /**
   * Changes an existing field's label, and a choice field's options as long as every earlier option
   * stays (values already set remain valid). The type never changes: delete the field and define it
   * again instead.
   *
   * @throws NotFoundException if no field has that name
   * @throws ValidationException naming {@code type} or {@code options}
   */
  CustomField update(CustomField field);

  /**
   * The field with this name.
   *
   * @throws ValidationException naming {@code name} if it is not a well-formed field name
   */
  Optional<CustomField> find(String name);

  /** Every field, ordered by name. */
  List<CustomField> list();

  /**
   * Deletes a field. Returns whether it existed.
   *
   * @throws ValidationException naming {@code name} if it is not a well-formed field name, or an
   *     action that is not closed uses it
   */
  boolean delete(String name);
}

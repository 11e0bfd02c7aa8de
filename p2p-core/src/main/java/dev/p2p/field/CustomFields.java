package dev.p2p.field;

import dev.p2p.NotFoundException;
import dev.p2p.ValidationException;
import dev.p2p.internal.OrgContext;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The organization's custom fields. Obtained from {@code Organization.customFields()}; thread-safe.
 *
 * <pre>{@code
 * org.customFields().define(CustomField.choice("ward", "Ward", "1", "2", "3"));
 * }</pre>
 */
public final class CustomFields {
  private final OrgContext ctx;

  /** Internal: obtain through {@code Organization.customFields()}. */
  public CustomFields(OrgContext ctx) {
    this.ctx = Objects.requireNonNull(ctx, "ctx");
  }

  /**
   * Defines a new field.
   *
   * @throws ValidationException naming {@code name} if a field with that name exists
   */
  public CustomField define(CustomField field) {
    ctx.store().actions().createField(ctx.orgId(), Objects.requireNonNull(field, "field"));
    return field;
  }

  /**
   * Changes an existing field's label, and a choice field's options as long as every earlier option
   * stays (values already set remain valid). The type never changes: delete the field and define it
   * again instead.
   *
   * @throws NotFoundException if no field has that name
   * @throws ValidationException naming {@code type} or {@code options}
   */
  public CustomField update(CustomField field) {
    Objects.requireNonNull(field, "field");
    // The store checks the type and options against the stored field atomically with the write.
    if (!ctx.store().actions().updateField(ctx.orgId(), field)) {
      throw notFound(field.name());
    }
    return field;
  }

  /**
   * The field with this name.
   *
   * @throws ValidationException naming {@code name} if it is not a well-formed field name
   */
  public Optional<CustomField> find(String name) {
    return ctx.store().actions().findField(ctx.orgId(), CustomField.checkName(name));
  }

  /** Every field, ordered by name. */
  public List<CustomField> list() {
    return ctx.store().actions().fields(ctx.orgId());
  }

  /**
   * Deletes a field. Returns whether it existed.
   *
   * @throws ValidationException naming {@code name} if it is not a well-formed field name, or an
   *     action that is not closed uses it
   */
  public boolean delete(String name) {
    return ctx.store().actions().deleteField(ctx.orgId(), CustomField.checkName(name));
  }

  private static NotFoundException notFound(String name) {
    return new NotFoundException("custom field", name);
  }
}

package dev.p2p.internal.field;

import dev.p2p.NotFoundException;
import dev.p2p.field.CustomField;
import dev.p2p.field.CustomFields;
import dev.p2p.internal.OrgContext;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** Internal: the implementation of {@link CustomFields}; obtain it from the facade. */
public final class CustomFieldsImpl implements CustomFields {
  private final OrgContext ctx;

  /** Internal: obtain through {@code Organization.customFields()}. */
  public CustomFieldsImpl(OrgContext ctx) {
    this.ctx = Objects.requireNonNull(ctx, "ctx");
  }

  @Override
  public CustomField define(CustomField field) {
    ctx.store().actions().createField(ctx.orgId(), Objects.requireNonNull(field, "field"));
    return field;
  }

  @Override
  public CustomField update(CustomField field) {
    Objects.requireNonNull(field, "field");
    // The store checks the type and options against the stored field atomically with the write.
    if (!ctx.store().actions().updateField(ctx.orgId(), field)) {
      throw notFound(field.name());
    }
    return field;
  }

  @Override
  public Optional<CustomField> find(String name) {
    return ctx.store().actions().findField(ctx.orgId(), CustomField.checkName(name));
  }

  @Override
  public List<CustomField> list() {
    return ctx.store().actions().fields(ctx.orgId());
  }

  @Override
  public boolean delete(String name) {
    return ctx.store().actions().deleteField(ctx.orgId(), CustomField.checkName(name));
  }

  private static NotFoundException notFound(String name) {
    return new NotFoundException("custom field", name);
  }
}

package dev.p2p.internal.action;

import dev.p2p.NotFoundException;
import dev.p2p.ValidationException;
import dev.p2p.action.Action;
import dev.p2p.action.ActionSpec;
import dev.p2p.action.Actions;
import dev.p2p.action.Estimate;
import dev.p2p.action.Preview;
import dev.p2p.contact.Contact;
import dev.p2p.contact.ContactList;
import dev.p2p.internal.OrgContext;
import dev.p2p.script.Template;
import dev.p2p.sms.Segments;
import dev.p2p.sms.SmartEncoding;
import dev.p2p.texter.TexterProfile;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** The previews and estimates behind {@link Actions}: reads what they need, then renders. */
final class Previews {
  private final OrgContext ctx;

  Previews(OrgContext ctx) {
    this.ctx = ctx;
  }

  Preview preview(Action action, Template template, long contactId, String texterId) {
    Contact contact =
        ctx.store()
            .findContact(ctx.orgId(), contactId)
            .orElseThrow(() -> new NotFoundException("contact", contactId));
    TexterProfile texter =
        ctx.store()
            .findTexter(ctx.orgId(), texterId)
            .orElseThrow(() -> new NotFoundException("texter", texterId));
    String text = template.render(contact.details(), texter);
    Optional<String> smart =
        action.spec().smartEncoding() ? Optional.of(SmartEncoding.apply(text)) : Optional.empty();
    Segments segments = Segments.of(smart.orElse(text));
    return new Preview(
        text, smart, segments, ctx.costModel().cost(segments), unknown(action, template));
  }

  /** The template's variables that nothing known to the action supplies. */
  private List<String> unknown(Action action, Template template) {
    Set<String> known = new HashSet<>(Template.BUILT_IN_VARIABLES);
    ctx.store().actions().fields(ctx.orgId()).forEach(f -> known.add(f.name()));
    action
        .spec()
        .contactListId()
        .ifPresent(id -> known.addAll(ctx.store().actions().listFieldNames(ctx.orgId(), id)));
    return template.variables().stream().filter(v -> !known.contains(v)).toList();
  }

  Estimate estimate(ActionSpec spec) {
    if (spec.contactListId().isEmpty()) {
      throw ValidationException.of("contacts", "must name a contact list");
    }
    long listId = spec.contactListId().getAsLong();
    ContactList list =
        ctx.store()
            .findList(ctx.orgId(), listId)
            .orElseThrow(() -> new NotFoundException("contact list", listId));
    return new Estimator(ctx, spec).run(listId, list.size());
  }
}

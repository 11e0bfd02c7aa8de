package dev.p2p.internal.action;

import dev.p2p.ValidationException;
import dev.p2p.Violation;
import dev.p2p.action.ActionSpec;
import dev.p2p.action.Estimate;
import dev.p2p.contact.Contact;
import dev.p2p.internal.OrgContext;
import dev.p2p.script.InitialMessage;
import dev.p2p.script.Template;
import dev.p2p.sms.CostModel;
import dev.p2p.sms.Segments;
import dev.p2p.sms.SmartEncoding;
import dev.p2p.texter.TexterProfile;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;

/**
 * Computes an {@link Estimate} by rendering every initial variant for the list's contacts, read
 * page by page (never the whole list at once). Lists over {@value #SAMPLE_LIMIT} contacts are
 * sampled: {@value #WINDOWS} windows of {@value #PAGE} consecutive contacts, starting at evenly
 * spaced ids between the list's first and last contact id.
 */
final class Estimator {
  /** Lists with more contacts than this are sampled: {@value}. */
  static final int SAMPLE_LIMIT = 100_000;

  /** The texter name rendered when the organization has no texter: {@value}. */
  static final String DEFAULT_TEXTER_NAME = "Alexandria";

  static final int PAGE = 1_000;
  static final int WINDOWS = SAMPLE_LIMIT / PAGE;

  private final OrgContext ctx;
  private final ActionSpec spec;
  private final List<Template> templates = new ArrayList<>();
  private final long[] segments;
  private final TexterProfile texter;
  private long rendered;

  Estimator(OrgContext ctx, ActionSpec spec) {
    this.ctx = ctx;
    this.spec = spec;
    List<Violation> problems = new ArrayList<>();
    List<InitialMessage> initials = spec.script().initials();
    if (initials.isEmpty()) {
      problems.add(new Violation("script.initial", "needs at least one initial message"));
    }
    for (int i = 0; i < initials.size(); i++) {
      try {
        templates.add(Template.parse(initials.get(i).body()));
      } catch (ValidationException e) {
        String at = "script.initial[" + i + "].body";
        e.violations().forEach(v -> problems.add(new Violation(at, v.reason())));
      }
    }
    if (!problems.isEmpty()) {
      throw new ValidationException(problems);
    }
    this.segments = new long[templates.size()];
    this.texter = placeholderTexter();
  }

  Estimate run(long listId, long size) {
    boolean sampled = size > SAMPLE_LIMIT;
    if (sampled) {
      sample(listId);
    } else {
      readFrom(listId, 0, Long.MAX_VALUE);
    }
    return result(size, sampled);
  }

  private void sample(long listId) {
    List<Contact> first = ctx.store().contacts(ctx.orgId(), listId, 0, 1);
    OptionalLong last = ctx.store().actions().lastContactId(ctx.orgId(), listId);
    if (first.isEmpty() || last.isEmpty()) {
      return;
    }
    long from = first.get(0).id();
    long span = last.getAsLong() - from + 1;
    long after = from - 1;
    for (int w = 0; w < WINDOWS; w++) {
      long start = from - 1 + span / WINDOWS * w;
      after = readFrom(listId, Math.max(after, start), PAGE);
    }
  }

  /** Renders up to {@code limit} contacts after an id; returns the last id read. */
  private long readFrom(long listId, long afterId, long limit) {
    long after = afterId;
    long left = limit;
    while (left > 0) {
      int want = (int) Math.min(PAGE, left);
      List<Contact> page = ctx.store().contacts(ctx.orgId(), listId, after, want);
      page.forEach(this::render);
      if (!page.isEmpty()) {
        after = page.get(page.size() - 1).id();
      }
      left -= page.size();
      if (page.size() < want) {
        break;
      }
    }
    return after;
  }

  private void render(Contact contact) {
    for (int v = 0; v < templates.size(); v++) {
      String text = templates.get(v).render(contact.details(), texter);
      if (spec.smartEncoding()) {
        text = SmartEncoding.apply(text);
      }
      segments[v] += Segments.of(text).count();
    }
    rendered++;
  }

  private Estimate result(long contacts, boolean sampled) {
    CostModel costs = ctx.costModel();
    List<InitialMessage> initials = spec.script().initials();
    long totalWeight = initials.stream().mapToLong(InitialMessage::weight).sum();
    List<Estimate.VariantEstimate> variants = new ArrayList<>();
    long assigned = 0;
    long totalSegments = 0;
    BigDecimal totalCost = BigDecimal.ZERO;
    for (int v = 0; v < initials.size(); v++) {
      double share = (double) initials.get(v).weight() / totalWeight;
      long messages =
          v == initials.size() - 1 ? contacts - assigned : (long) Math.floor(contacts * share);
      assigned += messages;
      double average = rendered == 0 ? 0 : (double) segments[v] / rendered;
      long variantSegments = Math.round(average * messages);
      BigDecimal cost = costs.smsCost(variantSegments);
      variants.add(
          new Estimate.VariantEstimate(
              v, initials.get(v).body(), share, messages, average, variantSegments, cost));
      totalSegments += variantSegments;
      totalCost = totalCost.add(cost);
    }
    return new Estimate(
        contacts,
        rendered,
        sampled,
        texter.firstName(),
        variants,
        totalSegments,
        totalCost,
        costs.currency());
  }

  /** The organization's longest texter first and last names, so as not to underestimate. */
  private TexterProfile placeholderTexter() {
    String first = "";
    String last = "";
    String after = "";
    while (true) {
      List<TexterProfile> page = ctx.store().texters(ctx.orgId(), after, PAGE);
      for (TexterProfile t : page) {
        first = t.firstName().length() > first.length() ? t.firstName() : first;
        last = t.lastName().length() > last.length() ? t.lastName() : last;
      }
      if (page.size() < PAGE) {
        break;
      }
      after = page.get(page.size() - 1).id();
    }
    return new TexterProfile("estimate", first.isEmpty() ? DEFAULT_TEXTER_NAME : first, last);
  }
}

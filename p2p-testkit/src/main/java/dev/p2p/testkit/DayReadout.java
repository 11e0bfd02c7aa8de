package dev.p2p.testkit;

import dev.p2p.Organization;
import dev.p2p.Page;
import dev.p2p.conversation.Conversation;
import dev.p2p.conversation.InboxCounts;
import dev.p2p.conversation.InboxFilter;
import dev.p2p.conversation.Message;
import dev.p2p.conversation.Texter;
import dev.p2p.report.ActionReport;
import dev.p2p.report.Reports;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;

/**
 * What {@link ParityDay} reads back: the event feed, every texter's inbox (counts per filter, and
 * the pages, read two at a time through the cursor), the actions' reports, the CSV exports (parsed,
 * so that their id columns can take symbols) and the unrouted messages.
 */
final class DayReadout {
  private static final List<String> TEXTERS = texters();

  private final ParityDay day;
  private final DayDriver d;
  private final Journal journal;
  private final Organization org;

  DayReadout(ParityDay day) {
    this.day = day;
    this.d = day.driver();
    this.journal = d.journal;
    this.org = d.org;
  }

  /** Everything, at the end of the day. */
  void all() {
    journal.line("== events");
    d.events().forEach(journal::event);
    counts("end of day");
    journal.line("== inboxes");
    for (String texter : TEXTERS) {
      for (Map.Entry<String, Long> action : day.actions().entrySet()) {
        for (InboxFilter filter : InboxFilter.values()) {
          inbox(day.texter(texter), action.getKey(), action.getValue(), filter);
        }
      }
    }
    journal.line("== reports");
    day.actions().values().forEach(this::report);
    journal.line("== exports");
    Reports reports = org.reports();
    for (Map.Entry<String, Long> action : day.actions().entrySet()) {
      long id = action.getValue();
      export(action.getKey() + " conversations", out -> reports.exportConversations(id, out));
      export(action.getKey() + " messages", out -> reports.exportMessages(id, out));
    }
    export("opt-outs", reports::exportOptOuts);
    journal.line("== unrouted");
    for (Message m : org.conversations().unrouted(100).items()) {
      journal.line(journal.message(m));
    }
  }

  private static List<String> texters() {
    List<String> all = new ArrayList<>(List.of("ana", "ben", "cy"));
    all.addAll(DayFixtures.NIGHT_SHIFT);
    return all;
  }

  /** Every texter's inbox counts, across actions and per action. */
  void counts(String when) {
    journal.line("== inbox counts, " + when);
    for (String texter : TEXTERS) {
      Texter t = day.texter(texter);
      journal.line(texter + " all actions: " + counts(t.inbox().counts()));
      day.actions()
          .forEach(
              (name, id) ->
                  journal.line(texter + " " + name + ": " + counts(t.inbox().counts(id))));
    }
  }

  private static String counts(InboxCounts c) {
    return "all="
        + c.all()
        + " needsAttention="
        + c.needsAttention()
        + " unread="
        + c.unread()
        + " toSend="
        + c.toSend()
        + " blocked="
        + c.blocked();
  }

  private void inbox(Texter texter, String action, long actionId, InboxFilter filter) {
    // Pages of two, so that the keyset cursor is used.
    List<Conversation> items = new ArrayList<>();
    String cursor = "";
    while (true) {
      Page<Conversation> page = texter.inbox().page(filter, OptionalLong.of(actionId), cursor, 2);
      items.addAll(page.items());
      if (page.next().isEmpty()) {
        break;
      }
      cursor = page.next().get();
    }
    journal.line(texter.id() + " " + action + " " + filter + ": " + items.size());
    for (Conversation c : items) {
      journal.line("  " + journal.conversation(c));
    }
  }

  private void report(long actionId) {
    ActionReport r = org.reports().action(actionId);
    journal.line(
        "report "
            + journal.id("action", r.actionId())
            + " "
            + r.actionName()
            + " at "
            + r.generatedAt());
    journal.line("  " + r.totals());
    r.texters().forEach(t -> journal.line("  " + t));
    r.tags().forEach(t -> journal.line("  " + t));
    r.questions().forEach(q -> journal.line("  " + q));
    r.variants().forEach(v -> journal.line("  " + v));
    journal.line("  " + r.cost());
    r.timeline().forEach(h -> journal.line("  " + h));
  }

  private void export(String what, Reports.Export export) {
    StringWriter out = new StringWriter();
    long rows = export.write(out);
    List<List<String>> csv = parse(out.toString());
    journal.line("export " + what + ": " + rows + " rows");
    List<String> header = csv.isEmpty() ? List.of() : csv.get(0);
    journal.line("  " + header);
    for (List<String> row : csv.subList(Math.min(1, csv.size()), csv.size())) {
      journal.line("  " + journal.row(header, row));
    }
  }

  /** RFC 4180 CSV: quoted fields may hold commas, quotes (doubled) and line breaks. */
  static List<List<String>> parse(String text) {
    List<List<String>> rows = new ArrayList<>();
    List<String> row = new ArrayList<>();
    StringBuilder field = new StringBuilder();
    boolean quoted = false;
    boolean any = false;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (quoted) {
        if (c == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
          field.append('"');
          i++;
        } else if (c == '"') {
          quoted = false;
        } else {
          field.append(c);
        }
      } else if (c == '"') {
        quoted = true;
        any = true;
      } else if (c == ',') {
        row.add(field.toString());
        field.setLength(0);
        any = true;
      } else if (c == '\n' || c == '\r') {
        if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
          i++;
        }
        row.add(field.toString());
        rows.add(row);
        row = new ArrayList<>();
        field.setLength(0);
        any = false;
      } else {
        field.append(c);
        any = true;
      }
    }
    if (any || field.length() > 0) {
      row.add(field.toString());
      rows.add(row);
    }
    return rows;
  }
}

package dev.p2p.testkit;

import dev.p2p.Organization;
import dev.p2p.Page;
import dev.p2p.action.Action;
import dev.p2p.assign.Target;
import dev.p2p.contact.Contact;
import dev.p2p.contact.ContactList;
import dev.p2p.contact.NewContact;
import dev.p2p.conversation.Message;
import dev.p2p.conversation.NextMessage;
import dev.p2p.conversation.Texter;
import dev.p2p.field.CustomField;
import dev.p2p.field.Tag;
import dev.p2p.store.Store;
import dev.p2p.texter.TexterProfile;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;

/**
 * One scripted day of texting through the public API, run on any {@link Store}, giving a {@link
 * Transcript} of everything observed. Three actions share contacts: GOTV and Rally claimed in
 * dynamic batches, Canvass split up front among texters whose ids sort differently by UTF-16 unit
 * and by code point. The day has a CSV import with duplicates and invalid rows, publishing (once
 * refused), sends (one refused by the carrier), carrier callbacks (repeated, late, forged, for an
 * unknown message), replies of every kind (scripted, free text, STOP, HELP, a NUL and a lone
 * surrogate, a million characters, media), tags, custom fields, reports, the organization's lock
 * window, texting hours, opt-outs of every source, pausing and closing, and every refused call.
 *
 * <p>Two stores that keep p2p's rules the same way give equal transcripts; {@link ParityContract}
 * compares a store's with {@code InMemoryStore}'s. Deterministic: a {@link MutableClock} that moves
 * in fixed steps, {@link FakeGateway}'s sequential carrier ids, and no wall-clock waits (the one
 * thing p2p does off the calling thread, writing the receipt of an automatic answer, is awaited
 * before the clock moves on).
 */
public final class ParityDay {
  /** The organization the day runs in. */
  public static final String ORG = "acme";

  // Tuesday 3 Nov 2026, 14:30 UTC: 09:30 in New York (open), 06:30 in Los Angeles (closed).
  private static final Instant MORNING = Instant.parse("2026-11-03T14:30:00Z");
  // 09:30 in Los Angeles.
  private static final Instant AFTERNOON = Instant.parse("2026-11-03T17:30:00Z");
  // 20:30 in Los Angeles and 23:30 in New York: every window is shut.
  private static final Instant NIGHT = Instant.parse("2026-11-04T04:30:00Z");
  // 09:30 in New York again; GOTV's lock window of 12 hours has passed.
  private static final Instant NEXT_MORNING = Instant.parse("2026-11-04T14:30:00Z");
  private static final String HELP_TEXT = "Acme Votes: reply STOP to opt out.";
  private static final String STOPPED_TEXT = "Acme Votes: you will get no more texts.";

  private final DayDriver d;
  private final Journal journal;
  private final Organization org;
  private final DayReplies replies;
  private long gotvList;
  private long broken;
  private long gotv;
  private long rally;
  private long canvass;

  private ParityDay(Store store) {
    d = new DayDriver(store, MORNING, ORG);
    journal = d.journal;
    org = d.org;
    replies = new DayReplies(this);
  }

  /**
   * Runs the day on a new, empty store, and closes it.
   *
   * @throws AssertionError if the day cannot go on (a call that should work failed), with the last
   *     lines written
   */
  public static Transcript run(Store store) {
    ParityDay day = new ParityDay(store);
    try (DayDriver driver = day.d) {
      day.setUp();
      day.morning();
      day.replies.callbacks();
      day.replies.inbound();
      day.replies.answers();
      new DayReadout(day).counts("midday");
      day.afternoon();
      day.night();
      day.nextMorning();
      new DayReadout(day).all();
    } catch (RuntimeException | AssertionError e) {
      List<String> lines = day.journal.transcript().lines();
      throw new AssertionError(
          "the parity day stopped after "
              + lines.size()
              + " lines, the last: "
              + lines.subList(Math.max(0, lines.size() - 5), lines.size()),
          e);
    }
    return day.journal.transcript();
  }

  private void setUp() {
    org.updateSettings(
        s ->
            s.withHelpText(HELP_TEXT)
                .withOptOutConfirmation(STOPPED_TEXT)
                .withLockWindow(Duration.ofHours(12)));
    for (String tag : List.of("supporter", "not-voting", "undecided", "volunteer")) {
      org.tags().define(Tag.named(tag));
    }
    org.customFields().define(CustomField.choice("shirtSize", "Shirt size", "S", "M", "L"));
    org.customFields().define(CustomField.text("notes", "Notes"));
    for (String id : List.of("ana", "ben", "cy")) {
      org.texters().upsert(new TexterProfile(id, id.toUpperCase(Locale.ROOT), "Smith"));
    }
    for (String id : DayFixtures.NIGHT_SHIFT) {
      org.texters().upsert(new TexterProfile(id, "Night", "Owl"));
    }
    org.teams().upsert("volunteers", "Volunteers");
    org.teams().addMembers("volunteers", List.of("ana", "ben"));
    org.teams().upsert("night", "Night shift");
    org.teams().addMembers("night", DayFixtures.NIGHT_SHIFT);
    d.line("night shift: " + org.teams().members("night"));
    d.line("teams: " + org.teams().all());
    d.line("texters: " + texterIds());

    gotvList = d.importCsv("GOTV list", DayFixtures.GOTV_CSV);
    long rallyList = d.importCsv("Rally list", DayFixtures.RALLY_CSV);
    for (Contact c : org.contacts().findByPhone("+12122010101")) {
      d.line("found " + journal.id("contact", c.id()) + " in " + journal.id("list", c.listId()));
    }
    journal.refused(
        "an import without a phone column",
        () -> d.importCsv("No phones", DayFixtures.NO_PHONE_CSV));

    Action draft = org.actions().create(DayFixtures.broken(gotvList));
    broken = draft.id();
    d.line("created " + journal.id("action", broken) + " " + draft.name() + " " + draft.status());
    journal.refused("publishing Broken", () -> org.actions().publish(broken));
    gotv = d.publish(org.actions().create(DayFixtures.gotv(gotvList)));
    rally = d.publish(org.actions().create(DayFixtures.rally(rallyList)));
    d.line("GOTV targets: " + org.assignments().assign(gotv, Target.team("volunteers")));
    d.line("Rally targets: " + org.assignments().assign(rally, Target.texter("cy")));
    canvass = d.publish(org.actions().create(DayFixtures.canvass(rallyList)));
    d.line(
        "Canvass split: " + new TreeMap<>(org.assignments().assign(canvass, Target.team("night"))));
    d.line("GOTV estimate: " + org.actions().estimate(gotv));
    for (ContactList list : org.contacts().lists()) {
      d.line("list " + journal.id("list", list.id()) + " " + list.name() + " of " + list.size());
    }
  }

  private void morning() {
    Texter ana = texter("ana");
    Texter ben = texter("ben");
    Texter cy = texter("cy");
    journal.refused("cy asks for a batch of GOTV, not a target", () -> cy.requestBatch(gotv));
    // cy holds two Rally contacts before GOTV texts them: the lock window will stop cy later.
    d.claim(cy, rally, "Rally");
    NextMessage held = cy.nextToSend(rally).orElseThrow();
    d.line("cy previews " + d.preview(held));

    d.claim(ana, gotv, "GOTV");
    d.claim(ben, gotv, "GOTV");
    // New York is exhausted and Los Angeles outside its hours: nothing more to claim.
    d.claim(ana, gotv, "GOTV");
    d.sendAll(ana, gotv, replies.anas, replies.initials, -1, Integer.MAX_VALUE);
    d.sendAll(ben, gotv, replies.bens, replies.initials, 1, Integer.MAX_VALUE);
    long started = replies.anas.get(0);
    journal.refused("ana sends a started conversation again", () -> ana.send(started));

    d.click();
    d.line("cy next: " + cy.nextToSend(rally).map(d::preview).orElse("none"));
    journal.refused(
        "cy sends a phone GOTV texted within the lock window",
        () -> cy.send(held.conversationId()));
    d.claim(cy, rally, "Rally");
    d.sendAll(cy, rally, replies.cys, replies.initials, -1, Integer.MAX_VALUE);
    d.claim(cy, rally, "Rally");
  }

  private void afternoon() {
    Texter ben = texter("ben");
    d.clock.set(AFTERNOON);
    d.line("-- " + AFTERNOON + ": Los Angeles opens");
    d.claim(ben, gotv, "GOTV");
    // The carrier's callbacks beat its answer to the send: they wait for the receipt.
    NextMessage first = ben.nextToSend(gotv).orElseThrow();
    d.line("ben previews " + d.preview(first));
    d.fake.acceptNextAs("FK-early", 1).delayNext(1, Duration.ofSeconds(1));
    d.click();
    CompletableFuture<Message> sending = ben.sendAsync(first.conversationId());
    d.post("delivered before the receipt", d.fake.webhooks().delivered("FK-early"));
    d.post("sent before the receipt", d.fake.webhooks().sent("FK-early"));
    d.carrierTime.advance(Duration.ofSeconds(1));
    Message sent = sending.join();
    d.line("ben sent " + journal.message(sent));
    replies.late = first.conversationId();
    replies.initials.put(replies.late, sent);
    d.line("  " + journal.message(d.org.conversations().messages(replies.late, 10).items().get(0)));
    NextMessage waiting = ben.nextToSend(gotv).orElseThrow();
    replies.waiting = waiting.conversationId();
    d.line("ben previews " + d.preview(waiting));
    d.claim(texter("ana"), gotv, "GOTV");
    replies.laterAnswers();
  }

  private void night() {
    Texter ben = texter("ben");
    d.clock.set(NIGHT);
    d.line("-- " + NIGHT + ": every window is shut");
    long waiting = replies.waiting;
    journal.refused("ben sends outside the contact's texting hours", () -> ben.send(waiting));
    d.line("ben next: " + ben.nextToSend(gotv).map(d::preview).orElse("none"));
    d.claim(ben, gotv, "GOTV");
    d.claim(texter("cy"), rally, "Rally");
    journal.refused("ben closes a conversation not started", () -> ben.close(waiting));
    // Opted out before its first message: the conversation is not started, so it is in no inbox,
    // and the contact's text is not routed to it.
    String phone = d.conversation(waiting).contactPhone();
    d.line("opt-out by the API before any message: " + org.optOuts().add(phone));
    d.click();
    d.webhook(
        "the opted-out contact writes first",
        () -> d.fake.replyFrom(phone, DayFixtures.NUMBERS.get(1), "Who is this?"));
    d.line("  " + journal.conversation(d.conversation(waiting)));
    Message late = replies.initial(replies.late);
    d.webhook("late delivery", () -> d.fake.deliver(late.reference().orElseThrow()));
    d.line("released from ben: " + org.assignments().release(gotv, "ben"));
    d.line("reassigned from ana to ben: " + org.assignments().reassign(gotv, "ana", "ben"));
    d.line("GOTV " + org.actions().close(gotv).status());
    long a0 = replies.anas.get(0);
    journal.refused("ben answers in a closed action", () -> ben.replyText(a0, "Still there?"));
    journal.refused(
        "another organization reads GOTV's report",
        () -> d.p2p.organization("rival").reports().action(gotv));
    journal.refused("deleting a closed action", () -> org.actions().delete(gotv));
    d.line("deleted the Broken draft: " + org.actions().delete(broken));
    journal.refused(
        "adding a phone the list has",
        () -> org.contacts().add(gotvList, NewContact.builder("+1 212 201 0102").build()));
    Contact added =
        org.contacts().add(gotvList, NewContact.builder("(212) 201-0177").firstName("Kim").build());
    d.line(
        "added "
            + journal.id("contact", added.id())
            + " "
            + added.phone()
            + " "
            + added.details().firstName()
            + " "
            + added.details().timeZone());
  }

  /**
   * The lock window has passed: cy sends the Rally message it was refused, and the contact, now in
   * two started conversations, writes to the other number; the phone the carrier marked invalid is
   * not claimed.
   */
  private void nextMorning() {
    Texter cy = texter("cy");
    d.clock.set(NEXT_MORNING);
    d.line("-- " + NEXT_MORNING + ": New York opens again");
    List<Long> sent = new ArrayList<>();
    d.sendAll(cy, rally, sent, replies.initials, -1, Integer.MAX_VALUE);
    d.claim(cy, rally, "Rally");
    long both = sent.get(0);
    String phone = d.conversation(both).contactPhone();
    String other =
        DayFixtures.NUMBERS.stream()
            .filter(n -> !n.equals(d.conversation(both).sender().orElseThrow()))
            .findFirst()
            .orElseThrow();
    d.click();
    d.webhook("writes to the other number", () -> d.fake.replyFrom(phone, other, "Which one?"));
    replies.show(both);
    for (long id : replies.anas) {
      if (d.conversation(id).contactPhone().equals(phone)) {
        replies.show(id);
      }
    }
  }

  /** Every texter's id, read two at a time through the cursor. */
  private List<String> texterIds() {
    List<String> ids = new ArrayList<>();
    Page<TexterProfile> page = org.texters().page(2);
    while (true) {
      page.items().forEach(t -> ids.add(t.id()));
      if (page.next().isEmpty()) {
        return ids;
      }
      page = org.texters().page(page.next().get(), 2);
    }
  }

  DayDriver driver() {
    return d;
  }

  Texter texter(String id) {
    return org.texter(id);
  }

  /** The day's actions by name, in order of creation. */
  Map<String, Long> actions() {
    Map<String, Long> actions = new LinkedHashMap<>();
    actions.put("GOTV", gotv);
    actions.put("Rally", rally);
    actions.put("Canvass", canvass);
    return actions;
  }
}

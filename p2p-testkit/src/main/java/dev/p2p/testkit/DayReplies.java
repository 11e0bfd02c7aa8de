package dev.p2p.testkit;

import dev.p2p.conversation.Conversation;
import dev.p2p.conversation.Direction;
import dev.p2p.conversation.Message;
import dev.p2p.conversation.Texter;
import dev.p2p.gateway.GatewayError;
import dev.p2p.gateway.WebhookRequest;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The middle of {@link ParityDay}: the carrier's callbacks on the morning's first messages, the
 * contacts' replies, and the texters answering them. Each texter's conversations are named by the
 * order they were sent in ({@code a0} is ana's first), so the script runs on whatever a store
 * handed out, and a store that handed out something else shows in the transcript.
 */
final class DayReplies {
  private static final URI POLLING_CARD =
      URI.create("https://media.test/cards/polling%20card.jpg?size=large&v=2");

  final List<Long> anas = new ArrayList<>();
  final List<Long> bens = new ArrayList<>();
  final List<Long> cys = new ArrayList<>();
  final Map<Long, Message> initials = new HashMap<>();
  long late;
  long waiting;

  private final ParityDay day;
  private final DayDriver d;

  DayReplies(ParityDay day) {
    this.day = day;
    this.d = day.driver();
  }

  Message initial(long conversationId) {
    return Objects.requireNonNull(initials.get(conversationId), "no initial message");
  }

  /**
   * Callbacks on ana's (a0 sent, delivered, delivered again, sent late; a1 delivered; a2 an invalid
   * number), ben's (b0 the carrier's opt-out; b1 failed when sent; b2 failed, then delivered late)
   * and cy's messages (c0 delivered, then undelivered late; c1 sent twice), one for a message p2p
   * never sent, and a forged one.
   */
  void callbacks() {
    FakeGateway fake = d.fake;
    String a0 = reference(anas.get(0));
    d.webhook("a0 sent", () -> fake.markSent(a0));
    d.webhook("a0 delivered", () -> fake.deliver(a0));
    d.webhook("a0 delivered again", () -> fake.deliver(a0));
    d.webhook("a0 sent, late", () -> fake.markSent(a0));
    d.webhook("a1 delivered", () -> fake.deliver(reference(anas.get(1))));
    d.webhook(
        "a2 undelivered: invalid number",
        () -> fake.undeliver(reference(anas.get(2)), GatewayError.invalidNumber()));
    d.webhook(
        "b0 failed: opted out", () -> fake.fail(reference(bens.get(0)), GatewayError.optedOut()));
    String b2 = reference(bens.get(2));
    d.webhook("b2 failed", () -> fake.fail(b2, GatewayError.permanent()));
    d.webhook("b2 delivered, late", () -> fake.deliver(b2));
    d.webhook("b2 failed again", () -> fake.fail(b2, GatewayError.permanent()));
    String c0 = reference(cys.get(0));
    d.webhook("c0 delivered", () -> fake.deliver(c0));
    d.webhook("c0 undelivered, late", () -> fake.undeliver(c0, GatewayError.permanent()));
    String c1 = reference(cys.get(1));
    d.webhook("c1 sent", () -> fake.markSent(c1));
    d.webhook("c1 sent again", () -> fake.markSent(c1));
    d.post("a message p2p never sent delivered", fake.webhooks().delivered("FK-404"));
    d.post(
        "a forged delivery",
        fake.webhooks().withBadSignature(fake.webhooks().delivered(carrierId(anas.get(1)))));
  }

  /** The contacts write: yes (twice, the same carrier message), STOP, HELP, hostile text. */
  void inbound() {
    FakeGateway fake = d.fake;
    long a0 = anas.get(0);
    WebhookRequest yes = fake.webhooks().inbound(phone(a0), to(a0), "Yes!");
    d.click();
    d.post("a0 writes Yes!", yes);
    d.post("a0's Yes! again, the same carrier message", yes);
    show(a0);
    say(anas.get(1), " Stop ");
    say(anas.get(1), "STOP");
    say(anas.get(2), "HELP");
    List<SentMessage> sent = d.fake.sent();
    String help = sent.get(sent.size() - 1).reference();
    d.webhook("the HELP answer delivered", () -> d.fake.deliver(help));
    say(bens.get(0), "who is this?");
    long b1 = bens.get(1);
    // A NUL and a lone surrogate, escaped in the carrier's JSON as a carrier may send them.
    String json =
        "{\"events\":[{\"type\":\"inbound\",\"id\":\"FK-raw-1\",\"from\":\""
            + phone(b1)
            + "\",\"to\":\""
            + to(b1)
            + "\",\"body\":\"ok\\u0000 then \\ud800 bye\",\"media\":[]}]}";
    d.click();
    d.post(
        "b1 writes a NUL and a lone surrogate",
        new FakeWire(FakeGateway.DEFAULT_SECRET)
            .signed(FakeGateway.DEFAULT_WEBHOOK_URL, json.getBytes(StandardCharsets.UTF_8)));
    show(b1);
    say(bens.get(2), "1234567890".repeat(100_000));
    say(cys.get(0), "no");
    say(cys.get(1), "What is it about?", twelvePictures());
    stranger("Who dis?");
    stranger("HELP");
    stranger("Stop.");
  }

  /** The Los Angeles contact texted in the afternoon writes; ben answers three clicks later. */
  void laterAnswers() {
    say(late, "Sure, I'll vote \uD83D\uDDF3\uFE0F");
    d.click();
    d.click();
    d.click();
    Texter ben = day.texter("ben");
    d.line("ben answers: " + d.journal.message(ben.reply(late, "Yes")));
  }

  private void stranger(String body) {
    d.click();
    d.webhook(
        "a stranger writes " + body,
        () -> d.fake.replyFrom(DayFixtures.STRANGER, DayFixtures.NUMBERS.get(0), body));
  }

  private static URI[] twelvePictures() {
    URI[] media = new URI[12];
    for (int i = 0; i < media.length; i++) {
      media[i] = URI.create("https://media.test/rally/" + i + ".jpg");
    }
    return media;
  }

  /** The texters answer: scripts, free text, tags, fields, reports, closing, opting out. */
  void answers() {
    Texter ana = day.texter("ana");
    Texter ben = day.texter("ben");
    Texter cy = day.texter("cy");
    Journal journal = d.journal;
    long a0 = anas.get(0);
    long a1 = anas.get(1);
    long a2 = anas.get(2);
    d.click();
    d.line("ana replies Yes: " + journal.message(ana.reply(a0, "Yes")));
    d.click();
    show("ana files", ana.fileReport(a0, answers("supporter", "M")));
    journal.refused(
        "ana files a bad report",
        () -> ana.fileReport(a0, Map.of(DayFixtures.VOTE, List.of("maybe"))));
    d.click();
    show("ana closes", ana.close(a0));
    journal.refused("ana answers a closed conversation", () -> ana.replyText(a0, "Still there?"));
    say(a0, "Thanks! Here is my polling card", POLLING_CARD);
    d.click();
    d.click();
    d.line("ana answers again: " + journal.message(ana.replyText(a0, "You're welcome!")));
    journal.refused("ana answers a contact who sent STOP", () -> ana.replyText(a1, "Sure?"));
    journal.refused("ana answers an invalid number", () -> ana.replyText(a2, "Hello?"));
    d.click();
    show("ana reads", ana.markRead(a2));
    journal.refused("ana closes a conversation opted out", () -> ana.close(a1));

    long b0 = bens.get(0);
    long b1 = bens.get(1);
    long b2 = bens.get(2);
    journal.refused("ben answers a phone the carrier opted out", () -> ben.replyText(b0, "Hi?"));
    d.click();
    show("ben reads", ben.markRead(b1));
    d.click();
    show("ben opts out", ben.optOut(b1, Optional.of("You are opted out. Bye!")));
    d.click();
    d.line("ben answers: " + journal.message(ben.replyText(b2, "That is long! Will you vote?")));
    d.click();
    show("ben tags", ben.tag(b2, "undecided", "volunteer"));
    d.click();
    show("ben untags", ben.untag(b2, "volunteer", "supporter"));
    d.click();
    show("ben sets", ben.setField(b2, "shirtSize", "L"));
    d.click();
    show("ben sets the same value again", ben.setField(b2, "shirtSize", "L"));
    d.click();
    show("ben sets", ben.setField(b2, "notes", "call back\u0000 later\uD800"));
    journal.refused("ben applies an unknown tag", () -> ben.tag(b2, "vip"));
    journal.refused("ben sets a choice not offered", () -> ben.setField(b2, "shirtSize", "XL"));
    journal.refused("ben takes off a malformed tag", () -> ben.untag(b2, "supporter "));
    journal.refused("ben sends an unknown script", () -> ben.reply(b2, "Maybe"));
    journal.refused("ben sends 4,097 characters", () -> ben.replyText(b2, "y".repeat(4_097)));
    journal.refused("ben answers ana's conversation", () -> ben.replyText(a0, "Hi"));
    d.click();
    show("ben files", ben.fileReport(b2, answers("undecided", "L")));
    d.click();
    show("ben files again", ben.fileReport(b2, answers("supporter", "S")));

    long c0 = cys.get(0);
    long c1 = cys.get(1);
    d.click();
    d.line("cy replies No: " + journal.message(cy.reply(c0, "No")));
    d.click();
    show("cy closes", cy.close(c0));
    d.click();
    show("cy reopens", cy.reopen(c0));
    d.click();
    d.line("opt-out by the API: " + d.org.optOuts().add(phone(c1)));
    journal.refused("cy answers a phone opted out by the API", () -> cy.replyText(c1, "Hi?"));
    long rally = Objects.requireNonNull(day.actions().get("Rally"));
    d.line("Rally " + d.org.actions().pause(rally).status());
    journal.refused("cy answers in a paused action", () -> cy.replyText(c0, "Hi?"));
    d.line("Rally " + d.org.actions().resume(rally).status());
    say(c1, "STOP");
  }

  /** A report's answers, in a fixed order (not {@code Map.of}'s, which changes between JVMs). */
  private static Map<String, List<String>> answers(String vote, String shirt) {
    Map<String, List<String>> answers = new LinkedHashMap<>();
    answers.put(DayFixtures.VOTE, List.of(vote));
    answers.put(DayFixtures.SHIRT, List.of(shirt));
    return answers;
  }

  /** The contact of a conversation writes, a click after the last one. */
  private void say(long conversationId, String body, URI... media) {
    d.click();
    String shown = body.length() > 40 ? body.length() + " characters" : body;
    d.webhook(
        "writes " + shown + (media.length > 0 ? " with " + media.length + " media" : ""),
        () -> d.fake.replyFrom(phone(conversationId), to(conversationId), body, media));
    show(conversationId);
  }

  /** The conversation, and the last message the contact wrote in it, as stored. */
  void show(long conversationId) {
    d.line("  " + d.journal.conversation(d.conversation(conversationId)));
    List<Message> thread = d.org.conversations().messages(conversationId, 1_000).items();
    for (int i = thread.size() - 1; i >= 0; i--) {
      if (thread.get(i).direction() == Direction.INBOUND) {
        d.line("  " + d.journal.message(thread.get(i)));
        return;
      }
    }
  }

  private void show(String what, Conversation c) {
    d.line(what + ": " + d.journal.conversation(c));
  }

  private String phone(long conversationId) {
    return d.conversation(conversationId).contactPhone();
  }

  private String to(long conversationId) {
    return d.conversation(conversationId).sender().orElseThrow();
  }

  private String reference(long conversationId) {
    return initial(conversationId).reference().orElseThrow();
  }

  private String carrierId(long conversationId) {
    return initial(conversationId).carrierMessageId().orElseThrow();
  }
}

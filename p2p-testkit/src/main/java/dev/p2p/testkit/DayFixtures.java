package dev.p2p.testkit;

import dev.p2p.action.ActionDraft;
import dev.p2p.action.AssignmentSettings;
import dev.p2p.action.Question;
import dev.p2p.action.SenderSettings;
import dev.p2p.action.TextingHours;
import dev.p2p.script.ReplyEffect;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;

/** The fixed data of {@link ParityDay}: its CSV files and its actions. */
final class DayFixtures {
  static final List<String> NUMBERS = List.of("+13125550100", "+13125550101");
  static final String VOTE = "Will they vote?";
  static final String SHIRT = "Shirt size?";
  static final String STRANGER = "+12122019999";

  /**
   * Texter ids in UTF-16 order: {@code dee}, then one starting with an emoji (a surrogate pair,
   * U+1F600), then one starting with a fullwidth Z (U+FF3A), which comes before the emoji by code
   * point (and so by UTF-8 byte).
   */
  static final List<String> NIGHT_SHIFT = List.of("dee", "\uD83D\uDE00bot", "\uFF3Aed");

  /**
   * Eight contacts, six in New York and two in Los Angeles; two duplicates (the same phones written
   * otherwise) and four invalid rows (no phone, not a phone, too short, an unknown time zone). A
   * name with a NUL, one with an accent, and quotes and commas inside fields.
   */
  static final String GOTV_CSV =
      String.join(
          "\n",
          "phone,first_name,last_name,time_zone,zip,polling place,external_id",
          "+12122010101,Ana,Lopez,America/New_York,10001,Town Hall,crm-1",
          "212-201-0102,Ben,Okafor,America/New_York,10002,Library,crm-2",
          "(212) 201-0103,Chloé,Martin,America/New_York,10003,,crm-3",
          "+12122010104,Dev,Patel,America/New_York,10004,School,crm-4",
          "+12122010105,Eve,\"O'Brien, Jr.\",America/New_York,,\"Gym \"\"B\"\"\",crm-5",
          "+12122010106,Fay\u0000,Nul,America/New_York,10006,Hall,crm-6",
          "+12132010107,Gus,West,America/Los_Angeles,90001,Park,crm-7",
          "+12132010108,Hal,West,America/Los_Angeles,90002,Beach,crm-8",
          "2122010101,Ana,Again,America/New_York,10001,Town Hall,crm-9",
          "+1 212 201 0104,Dev,Twice,America/New_York,10004,School,crm-10",
          "not a phone,Bad,Row,America/New_York,10011,Nowhere,crm-11",
          ",No,Phone,America/New_York,10012,Nowhere,crm-12",
          "+1212201,Short,Number,America/New_York,10013,Nowhere,crm-13",
          "+12122010114,Ivy,Zone,Mars/Olympus,10014,Crater,crm-14",
          "");

  /** Three of GOTV's New York contacts and two new ones, all in New York by their number. */
  static final String RALLY_CSV =
      String.join(
          "\n",
          "phone,first name,last name",
          "+12122010101,Ana,Lopez",
          "+12122010102,Ben,Okafor",
          "+12122010103,Chloé,Martin",
          "+12122010109,Ray,Stone",
          "+12122010110,Rae,Stone",
          "");

  /** No phone column: the import is refused and leaves no list. */
  static final String NO_PHONE_CSV = "name,zip\nAna,10001\n";

  private static final TextingHours HOURS =
      new TextingHours(LocalTime.of(9, 0), LocalTime.of(20, 0), ZoneId.of("America/New_York"));

  private DayFixtures() {}

  static InputStream csv(String text) {
    return new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
  }

  /** Two variants, two scripted replies, a tag question and a field question; batches of 3. */
  static ActionDraft gotv(long listId) {
    return ActionDraft.named("GOTV")
        .contacts(listId)
        .initial(
            "Hi {firstName|there}, it's {texterFirstName} with Acme. Can we count on your vote?")
        .initial(
            "Hey {firstName|there}! {texterFirstName} here. Your polling place: {pollingPlace|see"
                + " vote.org}.")
        .reply(
            "Yes",
            "Great! See you at {pollingPlace|the polls}.",
            ReplyEffect.tag("supporter"),
            ReplyEffect.field("notes", "said yes"))
        .reply("No", "Thanks for letting me know.", ReplyEffect.tag("not-voting"))
        .question(Question.tags(VOTE, "supporter", "not-voting", "undecided"))
        .question(Question.field(SHIRT, "shirtSize"))
        .textingHours(HOURS)
        .sender(SenderSettings.numbers("fake", NUMBERS))
        .assignment(AssignmentSettings.dynamic().withBatchSize(3));
  }

  /** One variant, one scripted reply; batches of 2. */
  static ActionDraft rally(long listId) {
    return ActionDraft.named("Rally")
        .contacts(listId)
        .initial("Rally on Saturday, {firstName|friend}! Will you come?")
        .reply("No", "No worries, thanks!", ReplyEffect.tag("not-voting"))
        .textingHours(HOURS)
        .sender(SenderSettings.numbers("fake", NUMBERS))
        .assignment(AssignmentSettings.dynamic().withBatchSize(2));
  }

  /** A fixed split, never texted. */
  static ActionDraft canvass(long listId) {
    return ActionDraft.named("Canvass")
        .contacts(listId)
        .initial("Can we knock on your door, {firstName|friend}?")
        .textingHours(HOURS)
        .sender(SenderSettings.numbers("fake", NUMBERS))
        .assignment(AssignmentSettings.fixed());
  }

  /** Every kind of problem publishing lists at once. */
  static ActionDraft broken(long listId) {
    return ActionDraft.named("Broken")
        .contacts(listId)
        .initial("Hi {favoriteColor}!")
        .reply("Yes", " ", ReplyEffect.tag("vip"));
  }
}

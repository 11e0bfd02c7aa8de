package dev.p2p.examples.demo;

import static dev.p2p.script.ReplyEffect.field;
import static dev.p2p.script.ReplyEffect.tag;

import dev.p2p.Organization;
import dev.p2p.action.Action;
import dev.p2p.action.ActionDraft;
import dev.p2p.action.AssignmentSettings;
import dev.p2p.action.Question;
import dev.p2p.action.SenderSettings;
import dev.p2p.action.TextingHours;
import dev.p2p.assign.Target;
import dev.p2p.field.CustomField;
import dev.p2p.field.Tag;
import dev.p2p.texter.TexterProfile;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

/**
 * What an organizer sets up in the CRM before Election Day, through p2p's public API: the help
 * text, tags and fields, the volunteers and their team, and the action with its script and report.
 */
final class DemoSetup {
  static final String GATEWAY = "fake";
  static final String TEAM = "volunteers";
  static final ZoneId NEW_YORK = ZoneId.of("America/New_York");

  /** The two initial messages the action tests against each other (A/B). */
  static final List<String> VARIANTS =
      List.of(
          "Hi {firstName|there}, it's {texterFirstName} with Acme Votes. Today is Election Day!"
              + " Can we count on your vote?",
          "{firstName|Hi}! {texterFirstName} here, a volunteer with Acme Votes. Polls are open"
              + " until 8pm. Will you vote today?");

  private static final List<String> FIRST_NAMES =
      List.of(
          "Ana", "Ben", "Chloe", "Dev", "Elena", "Farid", "Grace", "Hiro", "Imani", "Jonas",
          "Keisha", "Luis", "Maya", "Nikhil", "Olga", "Pedro", "Quinn", "Rosa", "Sam", "Tariq",
          "Uma", "Victor", "Wen", "Ximena", "Yusuf", "Zoe");

  private DemoSetup() {}

  /** Help text, state rules, tags, custom fields. */
  static void organization(Organization org) {
    org.updateSettings(
        s ->
            s.withHelpText(
                    "Acme Votes: Election Day reminders from volunteers. Reply STOP to opt out.")
                .withStateRules(true)); // also the federal 8am-9pm and stricter state windows
    for (String name :
        List.of("supporter", "not-voting", "undecided", "needs-ride", "wrong-number")) {
      org.tags().define(Tag.named(name));
    }
    org.customFields().define(CustomField.text("pollingPlace", "Polling place"));
    org.customFields().define(CustomField.choice("needsRide", "Needs a ride", "yes", "no"));
  }

  /** {@code count} volunteers, all in one team: in a CRM they are its own users. */
  static List<String> volunteers(Organization org, int count) {
    List<String> ids = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      String first = FIRST_NAMES.get(i % FIRST_NAMES.size());
      String id = String.format("%s-%02d", first.toLowerCase(java.util.Locale.ROOT), i + 1);
      org.texters().upsert(new TexterProfile(id, first, "Volunteer"));
      ids.add(id);
    }
    org.teams().upsert(TEAM, "Election Day volunteers");
    org.teams().addMembers(TEAM, ids);
    return ids;
  }

  /**
   * The action: two initial variants, reply scripts that tag and set fields, a two-question report,
   * texting hours in each contact's time zone, and dynamic batches of 100. Published, then the team
   * is assigned.
   */
  static Action action(Organization org, long listId, List<String> senderNumbers) {
    ActionDraft draft =
        ActionDraft.named("Election Day GOTV")
            .contacts(listId)
            .initial(VARIANTS.get(0))
            .initial(VARIANTS.get(1))
            .reply(
                Intent.YES.script(),
                "Wonderful, thank you! Your polling place is {pollingPlace|on vote.org}; polls"
                    + " close at 8pm. Need a ride? Just ask.",
                tag("supporter"))
            .reply(
                Intent.YES_RIDE.script(),
                "Thank you! A volunteer driver will text you to pick a time. Your polling place is"
                    + " {pollingPlace|on vote.org}.",
                tag("supporter"),
                tag("needs-ride"),
                field("needsRide", "yes"))
            .reply(
                Intent.NO.script(),
                "Thanks for letting me know, {firstName|friend}. Have a good day!",
                tag("not-voting"))
            .reply(
                Intent.WHO.script(),
                "I'm {texterFirstName}, a volunteer with Acme Votes. We're reminding neighbors that"
                    + " today is Election Day. Will you vote?")
            .reply(
                Intent.WHERE.script(),
                "Your polling place is {pollingPlace|listed on vote.org}, open until 8pm. Will you"
                    + " make it today?")
            .reply(
                Intent.WRONG_NUMBER.script(),
                "Sorry about that! We'll take this number off our list.",
                tag("wrong-number"))
            .question(Question.tags(Volunteer.WILL_VOTE, "supporter", "not-voting", "undecided"))
            .question(Question.field(Volunteer.NEEDS_RIDE, "needsRide"))
            .textingHours(new TextingHours(LocalTime.of(9, 0), LocalTime.of(21, 0), NEW_YORK))
            .sender(SenderSettings.numbers(GATEWAY, senderNumbers))
            .assignment(AssignmentSettings.dynamic().withBatchSize(100));
    Action action = org.actions().create(draft);
    org.actions().publish(action.id()); // checks scripts, tags, fields and the list at once
    org.assignments().assign(action.id(), Target.team(TEAM)); // dynamic: volunteers ask for batches
    return action;
  }
}

package dev.p2p.examples.demo;

/**
 * What a simulated contact means by a reply, and so which reply script a volunteer answers with.
 * The volunteers read the text; the demo's contacts only ever say the phrases of {@link Replies}.
 */
enum Intent {
  /** Will vote: the "Yes" script. */
  YES("Yes"),
  /** Will vote and would like a ride: the "Ride" script. */
  YES_RIDE("Ride"),
  /** Will not vote: the "No" script. */
  NO("No"),
  /** Who is texting: the "Who is this" script; the volunteer waits for an answer. */
  WHO("Who is this"),
  /** Where to vote: the "Where" script; the volunteer waits for an answer. */
  WHERE("Where"),
  /** Not the person on the list: the "Wrong number" script. */
  WRONG_NUMBER("Wrong number"),
  /** Asks, in words rather than a keyword, to stop: the volunteer opts the contact out. */
  STOP_IN_WORDS(""),
  /** Says thanks: nothing to answer; the volunteer files the report and closes. */
  THANKS(""),
  /** A STOP keyword: p2p opts the contact out by itself. */
  STOP_KEYWORD(""),
  /** A HELP keyword: p2p answers with the organization's help text by itself. */
  HELP_KEYWORD("");

  private final String script;

  Intent(String script) {
    this.script = script;
  }

  /** The reply script's path for this intent, or "" when the volunteer sends none. */
  String script() {
    return script;
  }
}

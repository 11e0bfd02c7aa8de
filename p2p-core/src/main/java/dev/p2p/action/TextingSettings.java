package dev.p2p.action;

import dev.p2p.ValidationException;
import dev.p2p.Violation;
import dev.p2p.conversation.Message;
import dev.p2p.internal.Inputs;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * An organization's texting rules: the keywords that opt a contact out or ask for help, the help
 * answer, the duplicate-protection lock window, the state quiet-hour rules and the federal
 * quiet-hours floor (kept unless waived). Read with {@code Organization.settings()}, changed with
 * {@code Organization.updateSettings(..)}.
 *
 * @param optOutKeywords whole-message keywords that opt the contact out (compared ignoring case,
 *     spaces and punctuation: "Stop.", "stop all" and "STOPALL" match STOP and STOPALL)
 * @param helpKeywords whole-message keywords answered with {@code helpText}
 * @param helpText the answer to a help keyword (who you are, how to stop); empty: no answer; at
 *     most {@value Message#MAX_BODY_LENGTH} characters, like every body
 * @param optOutConfirmation one text confirming an opt-out; empty (the default): none, since the
 *     carriers confirm STOP themselves
 * @param lockWindow how long after one action's initial message to a phone no other action of the
 *     organization may send that phone an initial message; {@link Duration#ZERO} (the default): off
 * @param stateRules whether state quiet-hour rules apply: the window becomes the strictest of the
 *     action's, the federal floor and the rules of the area code's and the ZIP code's states
 * @param stateWindows the state rules by USPS code, {@link StateRules#defaults()} to begin with
 * @param waiveFederalQuietHours {@code false} (the default): every initial message keeps to the
 *     federal floor, {@link StateRules#FEDERAL} (08:00 to 21:00 in the contact's local time),
 *     whatever the action's texting hours and whether or not state rules are on. {@code true}: the
 *     organization waives that floor, on its own legal advice, and the action's hours (and the
 *     state rules, if on) alone decide
 */
public record TextingSettings(
    Set<String> optOutKeywords,
    Set<String> helpKeywords,
    Optional<String> helpText,
    Optional<String> optOutConfirmation,
    Duration lockWindow,
    boolean stateRules,
    Map<String, StateRule> stateWindows,
    boolean waiveFederalQuietHours) {

  /** The CTIA and carrier opt-out keywords p2p recognizes by default. */
  public static final Set<String> DEFAULT_OPT_OUT_KEYWORDS =
      Set.of("STOP", "STOPALL", "UNSUBSCRIBE", "CANCEL", "END", "QUIT", "REVOKE", "OPTOUT");

  /** The help keywords p2p recognizes by default. */
  public static final Set<String> DEFAULT_HELP_KEYWORDS = Set.of("HELP", "INFO");

  /** The longest lock window: {@value} days. */
  public static final int MAX_LOCK_DAYS = 90;

  /**
   * The defaults: CTIA keywords, no help text, no confirmation, no lock, state rules off, the
   * federal 08:00–21:00 floor kept.
   */
  public static final TextingSettings DEFAULTS =
      new TextingSettings(
          DEFAULT_OPT_OUT_KEYWORDS,
          DEFAULT_HELP_KEYWORDS,
          Optional.empty(),
          Optional.empty(),
          Duration.ZERO,
          false,
          StateRules.defaults(),
          false);

  /**
   * Normalizes the keywords and checks every part, listing every problem at once.
   *
   * @throws ValidationException naming each bad part
   */
  public TextingSettings {
    List<Violation> problems = new ArrayList<>();
    optOutKeywords = keywords("optOutKeywords", optOutKeywords, problems);
    helpKeywords = keywords("helpKeywords", helpKeywords, problems);
    helpText = Objects.requireNonNull(helpText, "helpText").map(Inputs::text);
    optOutConfirmation =
        Objects.requireNonNull(optOutConfirmation, "optOutConfirmation").map(Inputs::text);
    if (helpText.isPresent() && helpText.get().isBlank()) {
      problems.add(new Violation("helpText", "must not be blank; leave it empty for no answer"));
    }
    if (optOutConfirmation.isPresent() && optOutConfirmation.get().isBlank()) {
      problems.add(new Violation("optOutConfirmation", "must not be blank; leave it empty"));
    }
    String tooLong = "must be at most " + Message.MAX_BODY_LENGTH + " characters: it is sent";
    if (helpText.filter(t -> t.length() > Message.MAX_BODY_LENGTH).isPresent()) {
      problems.add(new Violation("helpText", tooLong));
    }
    if (optOutConfirmation.filter(t -> t.length() > Message.MAX_BODY_LENGTH).isPresent()) {
      problems.add(new Violation("optOutConfirmation", tooLong));
    }
    Objects.requireNonNull(lockWindow, "lockWindow");
    if (lockWindow.isNegative() || lockWindow.compareTo(Duration.ofDays(MAX_LOCK_DAYS)) > 0) {
      problems.add(
          new Violation("lockWindow", "must be between 0 (off) and " + MAX_LOCK_DAYS + " days"));
    }
    Map<String, StateRule> states = new TreeMap<>();
    stateWindows.forEach(
        (state, rule) -> {
          if (state == null || !state.matches("[A-Z]{2}")) {
            problems.add(new Violation("stateWindows", "key '" + state + "' must be a USPS code"));
          } else {
            states.put(state, Objects.requireNonNull(rule, "rule"));
          }
        });
    stateWindows = Collections.unmodifiableMap(states);
    for (String both : optOutKeywords) {
      if (helpKeywords.contains(both)) {
        problems.add(new Violation("helpKeywords", both + " is also an opt-out keyword"));
      }
    }
    if (!problems.isEmpty()) {
      throw new ValidationException(problems);
    }
  }

  /** The keyword as compared: upper case, letters and digits only. */
  public static String normalize(String text) {
    StringBuilder out = new StringBuilder(text.length());
    text.codePoints()
        .filter(Character::isLetterOrDigit)
        .forEach(cp -> out.appendCodePoint(Character.toUpperCase(cp)));
    return out.toString().toUpperCase(Locale.ROOT);
  }

  /** Whether the whole message is an opt-out keyword. */
  public boolean isOptOut(String message) {
    return optOutKeywords.contains(normalize(message));
  }

  /** Whether the whole message is a help keyword. */
  public boolean isHelp(String message) {
    return helpKeywords.contains(normalize(message));
  }

  /** These settings with another lock window. */
  public TextingSettings withLockWindow(Duration window) {
    return new TextingSettings(
        optOutKeywords,
        helpKeywords,
        helpText,
        optOutConfirmation,
        window,
        stateRules,
        stateWindows,
        waiveFederalQuietHours);
  }

  /** These settings with state rules on or off. */
  public TextingSettings withStateRules(boolean on) {
    return new TextingSettings(
        optOutKeywords,
        helpKeywords,
        helpText,
        optOutConfirmation,
        lockWindow,
        on,
        stateWindows,
        waiveFederalQuietHours);
  }

  /**
   * These settings with the federal 08:00–21:00 floor waived ({@code true}) or kept ({@code false},
   * the default). Waive it only on your own legal advice: the action's texting hours then allow
   * initial messages at any hour they name.
   */
  public TextingSettings withFederalQuietHoursWaived(boolean waived) {
    return new TextingSettings(
        optOutKeywords,
        helpKeywords,
        helpText,
        optOutConfirmation,
        lockWindow,
        stateRules,
        stateWindows,
        waived);
  }

  /** These settings with another rule for one state (a law changed). */
  public TextingSettings withStateRule(String state, StateRule rule) {
    Map<String, StateRule> states = new TreeMap<>(stateWindows);
    states.put(state, rule);
    return new TextingSettings(
        optOutKeywords,
        helpKeywords,
        helpText,
        optOutConfirmation,
        lockWindow,
        stateRules,
        states,
        waiveFederalQuietHours);
  }

  /** These settings with a help answer. */
  public TextingSettings withHelpText(String text) {
    return new TextingSettings(
        optOutKeywords,
        helpKeywords,
        Optional.of(text),
        optOutConfirmation,
        lockWindow,
        stateRules,
        stateWindows,
        waiveFederalQuietHours);
  }

  /** These settings with an opt-out confirmation text. */
  public TextingSettings withOptOutConfirmation(String text) {
    return new TextingSettings(
        optOutKeywords,
        helpKeywords,
        helpText,
        Optional.of(text),
        lockWindow,
        stateRules,
        stateWindows,
        waiveFederalQuietHours);
  }

  /** These settings with other opt-out keywords. */
  public TextingSettings withOptOutKeywords(Set<String> keywords) {
    return new TextingSettings(
        keywords,
        helpKeywords,
        helpText,
        optOutConfirmation,
        lockWindow,
        stateRules,
        stateWindows,
        waiveFederalQuietHours);
  }

  private static Set<String> keywords(String name, Set<String> given, List<Violation> problems) {
    Set<String> out = new TreeSet<>();
    for (String keyword : given) {
      String normal = keyword == null ? "" : normalize(keyword);
      if (normal.isEmpty()) {
        problems.add(new Violation(name, "'" + keyword + "' has no letter or digit"));
      } else {
        out.add(normal);
      }
    }
    return Collections.unmodifiableSet(out);
  }
}

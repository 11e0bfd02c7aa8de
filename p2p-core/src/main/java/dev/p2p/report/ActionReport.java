package dev.p2p.report;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * How an action is doing, as of {@link #generatedAt()}: totals, per texter, per tag, per report
 * question, per initial-message variant, cost, and an hourly timeline. Computed by the store with
 * aggregates; see {@link Reports#action(long)}.
 *
 * @param actionId the action
 * @param actionName its name
 * @param generatedAt when the figures were read
 * @param totals the action's totals
 * @param texters one line per texter who holds or held a conversation, by texter id
 * @param tags how many conversations carry each tag, most first
 * @param questions the answers filed for each question of the action's report, in its order
 * @param variants sends and replies per initial-message variant, in the script's order
 * @param cost what was spent and what the rest should cost
 * @param timeline messages sent and received per hour (UTC), oldest first; hours without any are
 *     left out
 */
public record ActionReport(
    long actionId,
    String actionName,
    Instant generatedAt,
    Totals totals,
    List<TexterStats> texters,
    List<TagCount> tags,
    List<QuestionAnswers> questions,
    List<VariantStats> variants,
    Cost cost,
    List<HourCount> timeline) {

  /** Checks presence and copies the lists. */
  public ActionReport {
    Objects.requireNonNull(actionName, "actionName");
    Objects.requireNonNull(generatedAt, "generatedAt");
    Objects.requireNonNull(totals, "totals");
    texters = List.copyOf(texters);
    tags = List.copyOf(tags);
    questions = List.copyOf(questions);
    variants = List.copyOf(variants);
    Objects.requireNonNull(cost, "cost");
    timeline = List.copyOf(timeline);
  }

  /** {@code part / whole}, 0 when {@code whole} is 0. */
  static double rate(long part, long whole) {
    return whole == 0 ? 0 : (double) part / whole;
  }

  /**
   * The action's totals. Contacts are the conversations of the action's pool; messages are its
   * outbound messages of every kind (initial, replies, automatic answers).
   *
   * @param contacts conversations in the action (its pool, assigned or not)
   * @param assigned conversations held by a texter
   * @param waiting conversations still waiting for their first message, whose phone can be texted;
   *     blocked ones are not among them, so an action reaches 0 waiting
   * @param blocked conversations whose first message is not sent and never will be: the phone was
   *     opted out of the organization or marked invalid (a carrier's "invalid number"), before the
   *     action started or while the conversation waited; kept apart so that no contact disappears
   *     from the totals
   * @param messaged conversations whose first message was sent
   * @param outbound outbound messages
   * @param delivered outbound messages the carrier reported delivered
   * @param failed outbound messages that failed or were undelivered
   * @param failures failed messages by the carrier's error code, or by p2p's failure kind when the
   *     carrier gave none
   * @param replied conversations where the contact wrote at least once
   * @param optedOut conversations closed by an opt-out
   * @param needingAttention conversations needing their texter's attention
   * @param closed conversations closed by their texter
   */
  public record Totals(
      long contacts,
      long assigned,
      long waiting,
      long blocked,
      long messaged,
      long outbound,
      long delivered,
      long failed,
      Map<String, Long> failures,
      long replied,
      long optedOut,
      long needingAttention,
      long closed) {
    /** Copies the failures, sorted by code. */
    public Totals {
      failures = Collections.unmodifiableMap(new TreeMap<>(failures));
    }

    /** Conversations still in the pool: {@code contacts - assigned}. */
    public long unassigned() {
      return contacts - assigned;
    }

    /** Replied conversations over messaged ones; 0 before any message. */
    public double replyRate() {
      return rate(replied, messaged);
    }
  }

  /**
   * One texter's figures in the action.
   *
   * @param texterId the texter
   * @param conversations conversations they hold
   * @param sent outbound messages they sent
   * @param replied their conversations where the contact wrote
   * @param open their conversations neither closed nor opted out
   * @param medianResponse the median time from a contact's message to their answer; empty before
   *     any answer
   */
  public record TexterStats(
      String texterId,
      long conversations,
      long sent,
      long replied,
      long open,
      Optional<Duration> medianResponse) {
    /** Checks presence. */
    public TexterStats {
      Objects.requireNonNull(texterId, "texterId");
      Objects.requireNonNull(medianResponse, "medianResponse");
    }
  }

  /**
   * How many conversations carry a tag.
   *
   * @param tag the tag's name
   * @param conversations the conversations carrying it
   */
  public record TagCount(String tag, long conversations) {
    /** Checks presence. */
    public TagCount {
      Objects.requireNonNull(tag, "tag");
    }
  }

  /**
   * The answers to one report question.
   *
   * @param id the question's stable id ({@link dev.p2p.action.Question#id()})
   * @param prompt the question as the action asks it now
   * @param answered conversations whose filed report answers it
   * @param answers how often each answer was given: a tag question's offered tags first, in order
   *     and with zeros, then any other answer, most first
   */
  public record QuestionAnswers(
      String id, String prompt, long answered, List<AnswerCount> answers) {
    /** Checks presence and copies the answers. */
    public QuestionAnswers {
      Objects.requireNonNull(id, "id");
      Objects.requireNonNull(prompt, "prompt");
      answers = List.copyOf(answers);
    }
  }

  /**
   * How often an answer was given.
   *
   * @param answer the tag name or field value
   * @param count the conversations whose report gives it
   */
  public record AnswerCount(String answer, long count) {
    /** Checks presence. */
    public AnswerCount {
      Objects.requireNonNull(answer, "answer");
    }
  }

  /**
   * One initial-message variant's results, for A/B comparison.
   *
   * @param index the variant's position in the script, from 0
   * @param sent conversations whose first message was this variant
   * @param replied those where the contact wrote back
   */
  public record VariantStats(int index, long sent, long replied) {
    /** Replied over sent; 0 before any send. */
    public double replyRate() {
      return rate(replied, sent);
    }
  }

  /**
   * What the action cost and should still cost, as SMS at the P2P instance's {@code CostModel}.
   *
   * @param segmentsSent the segments of every outbound message
   * @param spent what they cost
   * @param remainingMessages first messages still to send: {@link Totals#waiting()} (blocked
   *     conversations cost nothing)
   * @param remainingEstimate what those should cost at the average segments of the first messages
   *     sent so far; empty before the first one (use {@code actions().estimate(id)} then)
   * @param currency the currency of the costs
   */
  public record Cost(
      long segmentsSent,
      BigDecimal spent,
      long remainingMessages,
      Optional<BigDecimal> remainingEstimate,
      Currency currency) {
    /** Checks presence. */
    public Cost {
      Objects.requireNonNull(spent, "spent");
      Objects.requireNonNull(remainingEstimate, "remainingEstimate");
      Objects.requireNonNull(currency, "currency");
    }
  }

  /**
   * Messages in one hour.
   *
   * @param hour the hour's start, UTC
   * @param sent outbound messages recorded in it
   * @param received inbound messages received in it
   */
  public record HourCount(Instant hour, long sent, long received) {
    /** Checks presence. */
    public HourCount {
      Objects.requireNonNull(hour, "hour");
    }
  }
}

package dev.p2p.examples.demo;

import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Random;
import java.util.stream.Collectors;

/**
 * How the demo's contacts answer: who replies (it depends on the initial message's variant, which
 * is the point of an A/B test), what they say and when. Every draw comes from the run's seeded
 * {@link Random}, so a seed replays the same day.
 */
final class Replies {
  /** Chance that a contact replies at all to each initial-message variant. */
  private static final double[] REPLY_RATE = {0.16, 0.21};

  /** The mix of first replies, by weight (an EnumMap, so iteration order and draws are stable). */
  private static final Map<Intent, Double> FIRST_REPLIES =
      weights(
          Intent.YES, 36,
          Intent.YES_RIDE, 8,
          Intent.NO, 22,
          Intent.WHO, 8,
          Intent.WHERE, 6,
          Intent.WRONG_NUMBER, 5,
          Intent.STOP_IN_WORDS, 2,
          Intent.STOP_KEYWORD, 11,
          Intent.HELP_KEYWORD, 2);

  /** What contacts say after a volunteer answered their question. */
  private static final Map<Intent, Double> FOLLOW_UPS =
      weights(Intent.YES, 55, Intent.NO, 20, Intent.THANKS, 25);

  private static final Map<Intent, List<String>> PHRASES =
      Map.of(
          Intent.YES, List.of("Yes!", "yes", "Yep, I'll be there", "Already voted early!"),
          Intent.YES_RIDE, List.of("Yes but I need a ride", "yes - can someone drive me?"),
          Intent.NO, List.of("No", "not this time", "No thanks"),
          Intent.WHO, List.of("Who is this?", "who's this"),
          Intent.WHERE, List.of("Where do I vote?", "where's my polling place"),
          Intent.WRONG_NUMBER, List.of("Wrong number", "You have the wrong number"),
          Intent.STOP_IN_WORDS, List.of("Please stop texting me", "take me off your list"),
          Intent.THANKS, List.of("Thanks", "ok thank you"),
          Intent.STOP_KEYWORD, List.of("STOP", "Unsubscribe", "STOPALL", "cancel"),
          Intent.HELP_KEYWORD, List.of("HELP", "info"));

  private static final Map<String, Intent> BY_PHRASE =
      PHRASES.entrySet().stream()
          .flatMap(e -> e.getValue().stream().map(p -> Map.entry(normalize(p), e.getKey())))
          .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));

  private final Random random;

  Replies(Random random) {
    this.random = random;
  }

  /** What a contact who just got the initial message of this variant says first, if anything. */
  Optional<Intent> firstReply(int variant) {
    double rate = REPLY_RATE[Math.min(variant, REPLY_RATE.length - 1)];
    if (random.nextDouble() >= rate) {
      return Optional.empty(); // most contacts never answer
    }
    return Optional.of(pick(FIRST_REPLIES));
  }

  /** What a contact who asked a question says once answered, if anything. */
  Optional<Intent> followUp() {
    return random.nextDouble() < 0.2 ? Optional.empty() : Optional.of(pick(FOLLOW_UPS));
  }

  private Intent pick(Map<Intent, Double> weights) {
    double r = random.nextDouble() * weights.values().stream().mapToDouble(d -> d).sum();
    Intent last = Intent.YES;
    for (Map.Entry<Intent, Double> e : weights.entrySet()) {
      last = e.getKey();
      r -= e.getValue();
      if (r < 0) {
        break;
      }
    }
    return last;
  }

  /** One way to say it. */
  String phrase(Intent intent) {
    List<String> options = Objects.requireNonNull(PHRASES.get(intent), "phrases");
    return options.get(random.nextInt(options.size()));
  }

  /** How long a contact takes to answer: minutes mostly, hours sometimes. */
  long delaySeconds() {
    return Math.round(Math.min(6 * 3600, 240 * Math.exp(1.1 * random.nextGaussian())));
  }

  /** What a volunteer reading this text understands; empty for anything the demo never says. */
  static Optional<Intent> understand(String text) {
    return Optional.ofNullable(BY_PHRASE.get(normalize(text)));
  }

  private static Map<Intent, Double> weights(Object... pairs) {
    Map<Intent, Double> out = new EnumMap<>(Intent.class);
    for (int i = 0; i < pairs.length; i += 2) {
      out.put((Intent) pairs[i], ((Integer) pairs[i + 1]).doubleValue());
    }
    return out;
  }

  private static String normalize(String text) {
    return text.strip().toLowerCase(Locale.ROOT);
  }
}

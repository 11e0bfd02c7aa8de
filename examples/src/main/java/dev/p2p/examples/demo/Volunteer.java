package dev.p2p.examples.demo;

import dev.p2p.conversation.Conversation;
import dev.p2p.conversation.Direction;
import dev.p2p.conversation.Message;
import dev.p2p.conversation.NextMessage;
import dev.p2p.conversation.Texter;
import java.time.Duration;
import java.time.Instant;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

/**
 * One simulated volunteer at the texting screen during a shift. Each click does one thing, the way
 * a person works through a P2P tool: answer the oldest conversation that needs attention, else send
 * the next initial message (one message per click), else ask for another batch, else wait.
 */
final class Volunteer {
  static final String WILL_VOTE = "Will they vote?";
  static final String NEEDS_RIDE = "Needs a ride?";

  private final Texter texter;
  private final long actionId;
  private final Instant shiftEnd;
  private final World world;
  private final Simulation sim;
  private final Carrier carrier;
  private final Random random;
  // Conversations with a reply to answer, oldest first: filled by the event feed, and from the
  // inbox's Needs Attention view when the shift starts.
  private final Set<Long> waiting = new LinkedHashSet<>();
  private boolean working = true;
  private boolean idle;
  private int idleMinutes = 2;
  private long clickGeneration;

  Volunteer(Texter texter, long actionId, Instant shiftEnd, World world) {
    this.texter = texter;
    this.actionId = actionId;
    this.shiftEnd = shiftEnd;
    this.world = world;
    this.sim = world.sim();
    this.carrier = world.carrier();
    this.random = world.random();
  }

  /** Starts the shift at {@code start}, with what is already in the inbox. */
  void startAt(Instant start) {
    sim.at(
        start,
        () -> {
          texter.inbox().needsAttention().stream()
              .filter(c -> c.actionId() == actionId)
              .forEach(c -> waiting.add(c.id()));
          click();
        });
  }

  /**
   * A contact wrote to one of this volunteer's conversations: p2p's event feed says so the moment
   * it is stored, as it would push it to the texter's screen. An idle volunteer looks soon.
   */
  void replyArrived(long conversationId) {
    waiting.add(conversationId);
    if (working && idle) {
      idle = false;
      long generation = ++clickGeneration;
      sim.after(seconds(30, 0.8), scheduled(generation));
    }
  }

  private Runnable scheduled(long generation) {
    return () -> {
      if (generation == clickGeneration) {
        click();
      }
    };
  }

  private void click() {
    if (!sim.now().isBefore(shiftEnd)) {
      working = false; // the shift is over; replies wait in the inbox for the next one
      return;
    }
    Duration pause;
    if (answerOne()) {
      pause = seconds(25, 0.5); // reading, choosing a script, filing the report
    } else if (sendOne()) {
      pause = seconds(6, 0.45); // read the name, click send: one click, one message
    } else {
      // Nothing to send now: texting hours closed where the rest live, or the list is done. A
      // reply wakes the volunteer at once; otherwise they look again, less and less often.
      idle = true;
      idleMinutes = Math.min(30, idleMinutes * 2);
      pause = Duration.ofMinutes(idleMinutes);
    }
    long generation = ++clickGeneration;
    sim.after(pause, scheduled(generation));
  }

  /** Sends the next initial message, asking for a batch when none is left. */
  private boolean sendOne() {
    Optional<NextMessage> next = texter.nextToSend(actionId);
    if (next.isEmpty() && texter.requestBatch(actionId) > 0) {
      next = texter.nextToSend(actionId);
    }
    if (next.isEmpty()) {
      return false;
    }
    idle = false;
    idleMinutes = 2;
    NextMessage message = next.get();
    // One click, one message. The screen does not wait for the carrier's answer.
    CompletableFuture<Message> sending = texter.sendAsync(message.conversationId());
    world.contactMessaged().run();
    carrier.carry(
        message.contact().phone(),
        sending,
        m -> world.contacts().readInitial(m, message.variant()));
    return true;
  }

  /** Answers the conversation that has waited longest; false when none is waiting. */
  private boolean answerOne() {
    Iterator<Long> oldest = waiting.iterator();
    if (!oldest.hasNext()) {
      return false;
    }
    long id = oldest.next();
    oldest.remove();
    idle = false;
    Conversation c = texter.conversation(id);
    List<Message> messages = texter.messages(c.id());
    String said = lastInbound(messages);
    Intent intent = Replies.understand(said).orElse(Intent.HELP_KEYWORD);
    switch (intent) {
      case YES -> finish(c, texter.reply(c.id(), intent.script()), "supporter", "no");
      case YES_RIDE -> finish(c, texter.reply(c.id(), intent.script()), "supporter", "yes");
      case NO -> finish(c, texter.reply(c.id(), intent.script()), "not-voting", "no");
      case WHO, WHERE ->
          carrier.carry(texter.reply(c.id(), intent.script()), world.contacts()::readAnswer);
      case WRONG_NUMBER -> {
        carrier.carry(texter.reply(c.id(), intent.script()), m -> {});
        texter.close(c.id());
      }
      case STOP_IN_WORDS ->
          texter.optOut(c.id(), Optional.of("Done: you won't hear from us again."));
      case THANKS -> {
        texter.fileReport(
            c.id(), Map.of(WILL_VOTE, List.of("undecided"), NEEDS_RIDE, List.of("no")));
        texter.close(c.id());
      }
      case STOP_KEYWORD -> texter.markRead(c.id());
      case HELP_KEYWORD -> {
        // p2p answered HELP with the organization's help text; the volunteer asks again.
        Message asked =
            texter.replyText(
                c.id(),
                "This is Acme Votes, reminding neighbors that today is Election Day. Will you vote?");
        carrier.carry(asked, world.contacts()::readAnswer);
      }
    }
    return true;
  }

  private void finish(Conversation c, Message answer, String willVote, String ride) {
    carrier.carry(answer, m -> {});
    texter.fileReport(c.id(), Map.of(WILL_VOTE, List.of(willVote), NEEDS_RIDE, List.of(ride)));
    texter.close(c.id());
  }

  private static String lastInbound(List<Message> messages) {
    for (int i = messages.size() - 1; i >= 0; i--) {
      if (messages.get(i).direction() == Direction.INBOUND) {
        return messages.get(i).body();
      }
    }
    return "";
  }

  /** A person's pace: log-normal around {@code median} seconds. */
  private Duration seconds(double median, double sigma) {
    double s = median * Math.exp(sigma * random.nextGaussian());
    return Duration.ofMillis(Math.round(Math.min(median * 20, s) * 1_000));
  }
}

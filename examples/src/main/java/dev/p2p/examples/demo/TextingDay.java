package dev.p2p.examples.demo;

import dev.p2p.Organization;
import dev.p2p.P2P;
import dev.p2p.event.Change;
import dev.p2p.event.Subscription;
import dev.p2p.testkit.FakeGateway;
import dev.p2p.testkit.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Random;
import me.tongfei.progressbar.ProgressBar;

/**
 * Election Day, simulated: volunteers arrive in shifts from 9am New York time, the day ends at
 * midnight (9pm on the Pacific coast). Contacts outside their texting hours wait: p2p only hands
 * out batches of contacts whose window is open, so the West Coast's messages go out from noon.
 */
final class TextingDay {
  private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("EEE HH:mm 'ET'");

  private final P2P p2p;
  private final Organization org;
  private final FakeGateway fake;
  private final MutableClock clock;
  private final Random random;

  TextingDay(P2P p2p, Organization org, FakeGateway fake, MutableClock clock, Random random) {
    this.p2p = p2p;
    this.org = org;
    this.fake = fake;
    this.clock = clock;
    this.random = random;
  }

  /**
   * Runs the day for the action and its volunteers until {@code end}; {@code progress} counts the
   * contacts messaged. Returns the number of steps simulated.
   */
  long run(long actionId, List<String> volunteerIds, Instant end, ProgressBar progress) {
    Simulation sim = new Simulation(clock);
    Carrier carrier = new Carrier(fake, sim, random);
    Contacts contacts = new Contacts(fake, sim, new Replies(random));
    World world = new World(sim, carrier, contacts, random, progress::step);
    Map<String, Volunteer> volunteers = new HashMap<>();
    Instant start = clock.instant();
    for (String id : volunteerIds) {
      // Shifts start between 9am and 12:30 and last four to seven hours.
      Instant shiftStart = start.plus(Duration.ofMinutes(random.nextInt(210)));
      Instant shiftEnd = shiftStart.plus(Duration.ofMinutes(240 + random.nextInt(180)));
      Volunteer v = new Volunteer(org.texter(id), actionId, shiftEnd, world);
      volunteers.put(id, v);
      v.startAt(shiftStart);
    }
    // The event feed tells a volunteer the moment a contact writes, as a CRM pushes it to the
    // texter's screen. Listeners run after the commit, on the thread that stored the message.
    try (Subscription inbox =
        p2p.events()
            .subscribe(
                event -> {
                  if (event.change() instanceof Change.MessageReceived received
                      && received.actionId().equals(OptionalLong.of(actionId))) {
                    received
                        .texterId()
                        .map(volunteers::get)
                        .ifPresent(v -> v.replyArrived(received.conversationId().orElseThrow()));
                  }
                  progress.setExtraMessage(
                      CLOCK.format(clock.instant().atZone(DemoSetup.NEW_YORK)));
                })) {
      sim.runUntil(end);
      carrier.settle();
    }
    return sim.steps();
  }
}

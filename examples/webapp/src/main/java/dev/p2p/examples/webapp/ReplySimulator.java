package dev.p2p.examples.webapp;

import dev.p2p.Organization;
import dev.p2p.event.Change;
import dev.p2p.event.Event;
import dev.p2p.event.Subscription;
import dev.p2p.testkit.FakeGateway;
import jakarta.annotation.PreDestroy;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * The "simulate replies" switch, so one person can try the example alone: while it is on, the
 * simulated carrier delivers each first message sent and, a moment later, the contact answers it
 * (through p2p's webhook pipeline, as a real carrier's callbacks would arrive).
 */
@RestController
@ConditionalOnProperty(
    name = "p2p.example.simulated-carrier",
    havingValue = "true",
    matchIfMissing = true)
public class ReplySimulator {
  private static final List<String> ANSWERS =
      List.of("Yes, I'll be there!", "Who is this?", "Maybe. Where do I vote?");

  private final FakeGateway fake;
  private final Duration delay;
  private final AtomicBoolean on = new AtomicBoolean();
  private final AtomicInteger answered = new AtomicInteger();
  private final Set<Long> conversationsAnswered = ConcurrentHashMap.newKeySet();
  private final ScheduledExecutorService timer =
      Executors.newSingleThreadScheduledExecutor(
          r -> {
            Thread t = new Thread(r, "simulated-contacts");
            t.setDaemon(true);
            return t;
          });
  private final Subscription subscription;

  /**
   * The switch, off at start.
   *
   * @param org the organization whose sends are answered
   * @param fake the simulated carrier
   * @param delay how long a contact takes to answer, {@code p2p.example.reply-delay} (2s)
   */
  public ReplySimulator(
      Organization org, FakeGateway fake, @Value("${p2p.example.reply-delay:2s}") Duration delay) {
    this.fake = fake;
    this.delay = delay;
    this.subscription = org.events().subscribe(this::onEvent);
  }

  /**
   * Whether replies are simulated.
   *
   * @return {@code {"on": true|false}}
   */
  @GetMapping("/api/simulator")
  public Map<String, Boolean> state() {
    return Map.of("on", on.get());
  }

  /**
   * Turns the simulation on or off.
   *
   * @param body {@code {"on": true|false}}
   * @return the new state
   */
  @PostMapping("/api/simulator")
  public Map<String, Boolean> set(@RequestBody Map<String, Boolean> body) {
    on.set(Boolean.TRUE.equals(body.get("on")));
    return state();
  }

  private void onEvent(Event event) {
    if (on.get()
        && event.change() instanceof Change.MessageSent sent
        && sent.conversationId().isPresent()
        && conversationsAnswered.add(sent.conversationId().getAsLong())) {
      String reference = sent.reference();
      timer.schedule(() -> fake.deliver(reference), delay.toMillis() / 2, TimeUnit.MILLISECONDS);
      String answer = ANSWERS.get(answered.getAndIncrement() % ANSWERS.size());
      timer.schedule(
          () -> fake.replyFrom(sent.contactPhone(), sent.sender(), answer),
          delay.toMillis(),
          TimeUnit.MILLISECONDS);
    }
  }

  /** Stops answering. */
  @PreDestroy
  public void stop() {
    subscription.close();
    timer.shutdownNow();
  }
}

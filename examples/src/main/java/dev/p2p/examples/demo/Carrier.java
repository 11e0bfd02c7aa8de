package dev.p2p.examples.demo;

import dev.p2p.conversation.Message;
import dev.p2p.gateway.GatewayError;
import dev.p2p.testkit.FakeGateway;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;

/**
 * The phone network behind {@link FakeGateway}: a message the carrier accepted is delivered a few
 * seconds later (a delivery receipt posted through p2p's webhook pipeline, as Twilio or Bandwidth
 * would), or fails as real ones do: unreachable handsets, landlines, receipts that never come.
 */
final class Carrier {
  private final FakeGateway fake;
  private final Simulation sim;
  private final Random random;
  private final Map<String, Boolean> landlines = new HashMap<>();
  private final List<CompletableFuture<Message>> inFlight = new ArrayList<>();

  Carrier(FakeGateway fake, Simulation sim, Random random) {
    this.fake = fake;
    this.sim = sim;
    this.random = random;
  }

  /**
   * Carries a message the texter just sent: after the network's latency, posts its receipt and,
   * once delivered, lets the contact read it. The send may still be completing on p2p's own threads
   * (as behind a real texting screen, which never waits for the carrier); every random choice is
   * made now, so a seed replays the same day.
   */
  void carry(String phone, CompletableFuture<Message> sending, Consumer<Message> onDelivered) {
    inFlight.add(sending);
    // Receipts come back in 1 to 10 seconds, mostly about 2.5.
    long millis = Math.round(Math.min(10_000, 2_500 * Math.exp(0.6 * random.nextGaussian())));
    // About one number in a hundred is a landline: every text to it fails, and p2p then keeps
    // every action from texting it again.
    boolean landline = landlines.computeIfAbsent(phone, p -> random.nextDouble() < 0.012);
    double outcome = random.nextDouble();
    sim.after(
        Duration.ofMillis(Math.max(400, millis)),
        () -> {
          Message message = sending.join();
          String reference = message.reference().orElseThrow();
          if (landline) {
            fake.undeliver(reference, new GatewayError.InvalidNumber());
          } else if (outcome < 0.975) {
            fake.deliver(reference);
            onDelivered.accept(message);
          } else if (outcome < 0.99) {
            fake.undeliver(reference, new GatewayError.Retryable()); // handset off, out of range
          } else {
            fake.markSent(reference); // sent; the handset never confirms
          }
        });
  }

  /** Carries a message already stored with the carrier's receipt. */
  void carry(Message sent, Consumer<Message> onDelivered) {
    carry(sent.contactPhone(), CompletableFuture.completedFuture(sent), onDelivered);
  }

  /** Waits for every send to be stored: the day is over. */
  void settle() {
    inFlight.forEach(CompletableFuture::join);
    inFlight.clear();
  }
}

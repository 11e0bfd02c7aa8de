package dev.p2p.store.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import dev.p2p.P2P;
import dev.p2p.conversation.Message;
import dev.p2p.conversation.MessageStatus;
import dev.p2p.conversation.ReconcileReport;
import dev.p2p.conversation.Texter;
import dev.p2p.gateway.CarrierMessage;
import dev.p2p.gateway.NumberType;
import dev.p2p.gateway.OutboundMessage;
import dev.p2p.gateway.SendReceipt;
import dev.p2p.gateway.SentLookup;
import dev.p2p.gateway.SmsGateway;
import dev.p2p.gateway.WebhookRequest;
import dev.p2p.gateway.WebhookResult;
import dev.p2p.gateway.policy.GatewayPolicy;
import dev.p2p.store.Store;
import dev.p2p.testkit.MutableClock;
import dev.p2p.testkit.SendCampaign;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Reliability suite, crash and restart, the send half (issue 17, item 4): a node stops mid-send
 * (its {@code P2P} and connections abandoned, never closed); a new node on the same database sends
 * nothing blindly, and {@code reconcile()} settles what the old one left from the carrier's list.
 * Subclasses give the database.
 */
abstract class CrashRestartCheck {
  private static final String ORG = "acme";
  private static final String OUR_NUMBER = "+13125550199";
  private static final int ANSWERED = 4;
  private static final int CUT = 6;

  private final MutableClock clock = MutableClock.at(Instant.parse("2026-11-03T15:00:00Z"));
  private final Carrier carrier = new Carrier();

  /** A new store on the test's database, as a node opens it at start. */
  abstract Store openStore();

  /**
   * A carrier whose state outlives p2p's nodes. While {@link #answering} it accepts each send and
   * answers; otherwise the node stops before the answer comes: the request to every other phone
   * reached the carrier (it has the message), the rest never left.
   */
  private final class Carrier implements SmsGateway {
    final Map<String, CarrierMessage> taken = new ConcurrentHashMap<>();
    final AtomicInteger sends = new AtomicInteger();
    final AtomicLong ids = new AtomicLong();
    final CountDownLatch cut = new CountDownLatch(CUT);
    volatile boolean answering = true;

    @Override
    public String carrier() {
      return "crashy";
    }

    @Override
    public CompletableFuture<SendReceipt> send(OutboundMessage m) {
      sends.incrementAndGet();
      boolean reached = answering || m.to().charAt(m.to().length() - 1) % 2 == 1;
      if (reached) {
        String id = "CR-" + ids.incrementAndGet();
        taken.put(
            id,
            new CarrierMessage(
                id,
                m.from().address(),
                m.to(),
                Optional.empty(),
                Optional.of(m.body()),
                clock.instant(),
                MessageStatus.SENT,
                Optional.empty()));
        if (answering) {
          return CompletableFuture.completedFuture(SendReceipt.queued(id));
        }
      }
      cut.countDown();
      return new CompletableFuture<>(); // the node stops before any answer
    }

    @Override
    public WebhookResult parse(WebhookRequest request) {
      throw new UnsupportedOperationException("no webhooks in this test");
    }

    @Override
    public CompletableFuture<Optional<List<CarrierMessage>>> findSent(SentLookup lookup) {
      return CompletableFuture.completedFuture(
          Optional.of(taken.values().stream().filter(c -> c.to().equals(lookup.to())).toList()));
    }
  }

  private P2P node() {
    return P2P.builder()
        .store(openStore())
        .clock(clock)
        .gateway(
            "crashy",
            carrier,
            GatewayPolicy.builder().messagesPerSecond(NumberType.LONG_CODE, 10_000).build())
        .build();
  }

  @Test
  @DisplayName(
      "after a node stops mid-send, a restart resends nothing; reconcile marks each cut send sent"
          + " or failed from the carrier's list")
  void restartAfterACrashMidSend() throws InterruptedException {
    P2P first = node();
    SendCampaign campaign = SendCampaign.start(first, ORG, "crashy", OUR_NUMBER, ANSWERED + CUT);
    assertThat(campaign.sendRound(ANSWERED))
        .allSatisfy(m -> assertThat(m.carrierMessageId()).isPresent());
    carrier.answering = false;
    assertThat(campaign.startRound(CUT)).hasSize(CUT).noneMatch(CompletableFuture::isDone);
    List<Long> conversations = campaign.conversations();
    long action =
        first.organization(ORG).conversations().find(conversations.get(0)).orElseThrow().actionId();
    // Sends go out on the policy's scheduler: wait until each cut one has left (or not) for the
    // carrier, the moment the node stops.
    if (!carrier.cut.await(1, TimeUnit.MINUTES)) {
      throw new IllegalStateException("the cut sends never reached the carrier's side");
    }
    int sendsBeforeCrash = carrier.sends.get();
    // The node stops: first is abandoned, never closed; its answers never come.

    clock.advance(Duration.ofMinutes(1));
    P2P second = node();
    Texter again = second.organization(ORG).texter("ana");
    assertThat(again.requestBatch(action)).isZero();
    assertThat(again.nextToSend(action)).as("no contact is offered again").isEmpty();
    List<Message> held =
        outbound(second, conversations).stream()
            .filter(m -> m.carrierMessageId().isEmpty())
            .toList();
    assertThat(held)
        .hasSize(CUT)
        .allSatisfy(m -> assertThat(m.status()).isEqualTo(MessageStatus.QUEUED));
    assertThat(second.organization(ORG).reconcile().checked())
        .as("a send that may still be in flight is left alone")
        .isZero();

    clock.advance(Duration.ofMinutes(10));
    ReconcileReport report = second.organization(ORG).reconcile();

    assertThat(report).isEqualTo(new ReconcileReport(CUT / 2, CUT / 2, List.of(), 0));
    assertThat(carrier.sends.get()).as("nothing was sent again").isEqualTo(sendsBeforeCrash);
    List<Message> settled = outbound(second, conversations);
    assertThat(settled).hasSize(ANSWERED + CUT);
    assertThat(settled)
        .allSatisfy(
            m -> {
              boolean taken =
                  carrier.taken.values().stream().anyMatch(c -> c.to().equals(m.contactPhone()));
              if (taken) {
                assertThat(m.carrierMessageId()).isPresent();
              } else {
                assertThat(m.status()).isEqualTo(MessageStatus.FAILED);
              }
            });
    assertThat(second.organization(ORG).reconcile().checked()).isZero();
    second.close();
  }

  private static List<Message> outbound(P2P node, List<Long> conversations) {
    return conversations.stream()
        .flatMap(id -> node.organization(ORG).conversations().messages(id, 10).items().stream())
        .toList();
  }
}

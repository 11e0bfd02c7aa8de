package dev.p2p.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.p2p.Organization;
import dev.p2p.P2P;
import dev.p2p.action.ActionDraft;
import dev.p2p.action.SenderSettings;
import dev.p2p.assign.Target;
import dev.p2p.contact.NewContact;
import dev.p2p.conversation.Texter;
import dev.p2p.event.Change;
import dev.p2p.store.memory.InMemoryStore;
import dev.p2p.texter.TexterProfile;
import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * A CRM's test that drives p2p on a frozen {@link MutableClock} never waits in real time: the
 * gateway policy's rate slots pass on the test's clock, through the {@link VirtualScheduler}.
 */
class VirtualTimeSendingTest {
  private static final String ORG = "acme";
  private static final String OUR_NUMBER = "+13125550100";
  private static final int SENDS = 12;
  private static final Instant START = Instant.parse("2026-11-03T15:00:00Z");

  private final MutableClock clock = MutableClock.at(START);
  private final FakeGateway fake = FakeGateway.builder().clock(clock).build();
  private final List<Change> outcomes = new CopyOnWriteArrayList<>();
  private final CompletableFuture<Void> allSettled = new CompletableFuture<>();
  private P2P p2p = P2P.builder().store(InMemoryStore.create()).build();

  @AfterEach
  void close() {
    p2p.close();
  }

  @Test
  @DisplayName("12 sends from one long code on a frozen clock all go out, 1 s apart on that clock")
  void rateSlotsPassOnTheTestClock() {
    VirtualScheduler waits = VirtualScheduler.on(clock);
    p2p.close();
    p2p =
        P2P.builder()
            .store(InMemoryStore.create())
            .clock(clock)
            .scheduler(waits)
            .gateway("fake", fake)
            .build();
    sendTwelve();
    assertThat(waits.waits())
        .as("each send after the first waited one second for its slot, on the test's clock")
        .isEqualTo(Collections.nCopies(SENDS - 1, Duration.ofSeconds(1)));
  }

  @Test
  @DisplayName(
      "given only the MutableClock, p2p waits on the clock's own scheduler, never in real time")
  void theClockBringsItsScheduler() {
    p2p.close();
    p2p = P2P.builder().store(InMemoryStore.create()).clock(clock).gateway("fake", fake).build();
    sendTwelve();
    assertThat(((VirtualScheduler) clock.scheduler()).waits())
        .as("the slots passed on the clock's scheduler")
        .isEqualTo(Collections.nCopies(SENDS - 1, Duration.ofSeconds(1)));
  }

  private void sendTwelve() {
    p2p.events()
        .subscribe(
            e -> {
              if (e.change() instanceof Change.MessageSent
                  || e.change() instanceof Change.MessageFailed) {
                outcomes.add(e.change());
                if (outcomes.size() == SENDS) {
                  allSettled.complete(null);
                }
              }
            });
    Organization org = p2p.organization(ORG);
    org.texters().upsert(new TexterProfile("ana", "Ana", "Diaz"));
    long list = org.contacts().createList("voters").id();
    IntStream.range(0, SENDS)
        .forEach(
            i -> org.contacts().add(list, NewContact.builder("+1312555" + (1000 + i)).build()));
    long action =
        org.actions()
            .create(
                ActionDraft.named("GOTV")
                    .contacts(list)
                    .initial("Hi {firstName|there}, can we count on your vote Tuesday?")
                    .sender(SenderSettings.numbers("fake", List.of(OUR_NUMBER))))
            .id();
    org.actions().publish(action);
    org.assignments().assign(action, Target.texter("ana"));
    Texter ana = org.texter("ana");
    ana.requestBatch(action);
    for (int i = 0; i < SENDS; i++) {
      ana.send(ana.nextToSend(action).orElseThrow().conversationId());
    }
    allSettled.join();

    assertThat(outcomes).allMatch(c -> c instanceof Change.MessageSent);
    assertThat(fake.sent()).hasSize(SENDS);
    assertThat(clock.instant()).isEqualTo(START.plusSeconds(SENDS - 1));
  }
}

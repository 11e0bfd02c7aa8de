package dev.p2p.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.p2p.Organization;
import dev.p2p.P2P;
import dev.p2p.contact.ImportOptions;
import dev.p2p.contact.ImportReport;
import dev.p2p.conversation.Message;
import dev.p2p.conversation.MessageStatus;
import dev.p2p.gateway.GatewayError;
import dev.p2p.gateway.WebhookResponse;
import dev.p2p.store.memory.InMemoryStore;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tag;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.micrometer.observation.tck.TestObservationRegistry;
import io.micrometer.observation.tck.TestObservationRegistryAssert;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * p2p's meters after a FakeGateway campaign, read exactly from a {@link SimpleMeterRegistry}: sends
 * by outcome and kind, deliveries, inbound messages, opt-outs by source, webhooks by status,
 * claims, import rows, rate waits, the unconfirmed gauge and the event feed's head.
 */
class MetricsCampaignTest {
  private static final String ORG = "acme";
  private static final String OUR_NUMBER = FakeGateway.DEFAULT_NUMBER;
  private static final Pattern PHONE_OR_ID = Pattern.compile("\\+?\\d{5,}|p2p-.*|FK.*");
  private static final Set<String> TAG_KEYS =
      Set.of("gateway", "kind", "outcome", "source", "status", "result", "name", "state");

  private final MutableClock clock = MutableClock.at("2026-11-03T15:00:00Z");
  private final FakeGateway fake = FakeGateway.builder().clock(clock).build();
  private final MeterRegistry meters = new SimpleMeterRegistry();
  private P2P p2p;

  MetricsCampaignTest() {
    p2p = build(P2P.builder().meterRegistry(meters));
  }

  private P2P build(P2P.Builder builder) {
    P2P built = builder.store(InMemoryStore.create()).clock(clock).gateway("fake", fake).build();
    fake.connect(built.webhooks()::handle);
    return built;
  }

  @AfterEach
  void close() {
    p2p.close();
  }

  @Test
  @DisplayName("a campaign's sends, failures, receipts, replies, opt-outs and claims, counted")
  void campaign() {
    SendCampaign campaign = SendCampaign.start(p2p, ORG, "fake", OUR_NUMBER, 10);
    fake.failNext(2, GatewayError.permanent());
    campaign.sendRound(2);
    fake.failNext(1, GatewayError.invalidNumber());
    campaign.sendRound(1);
    fake.failNext(1, GatewayError.optedOut());
    campaign.sendRound(1);
    List<Message> sent = campaign.sendRound(6);
    assertThat(sent).allMatch(m -> m.status() == MessageStatus.QUEUED);

    List<WebhookResponse> responses = new ArrayList<>();
    sent.forEach(m -> responses.add(fake.deliver(m.carrierMessageId().orElseThrow())));
    responses.add(fake.replyFrom(sent.get(0).contactPhone(), OUR_NUMBER, "Yes, I'll vote"));
    responses.add(fake.replyFrom(sent.get(1).contactPhone(), OUR_NUMBER, "STOP"));
    assertThat(responses).allMatch(r -> r.status() == 204);
    WebhookResponse unknown = p2p.webhooks().handle("nope", fake.webhooks().delivered("FK1"));
    assertThat(unknown.status()).isEqualTo(404);
    Organization org = campaign.organization();
    org.texter("ana").optOut(campaign.conversations().get(6), Optional.empty());
    org.optOuts().add("+13125559999");

    assertThat(count("p2p.messages.sent", "gateway", "fake")).isEqualTo(6);
    assertThat(count("p2p.messages.failed", "gateway", "fake", "kind", "permanent")).isEqualTo(2);
    assertThat(count("p2p.messages.failed", "gateway", "fake", "kind", "invalid_number"))
        .isEqualTo(1);
    assertThat(count("p2p.messages.failed", "gateway", "fake", "kind", "opted_out")).isEqualTo(1);
    assertThat(meters.find("p2p.messages.failed").counters()).hasSize(3);
    assertThat(count("p2p.messages.delivered", "gateway", "fake")).isEqualTo(6);
    assertThat(count("p2p.messages.received", "gateway", "fake")).isEqualTo(2);
    assertThat(count("p2p.webhooks", "gateway", "fake", "status", "204")).isEqualTo(8);
    assertThat(count("p2p.webhooks", "gateway", "none", "status", "404")).isEqualTo(1);
    for (String source : List.of("keyword", "texter", "carrier", "api")) {
      assertThat(count("p2p.optouts", "source", source)).as(source).isEqualTo(1);
    }

    assertThat(timerCount("p2p.send.latency", "gateway", "fake", "outcome", "sent")).isEqualTo(6);
    assertThat(timerCount("p2p.send.latency", "gateway", "fake", "outcome", "failed")).isEqualTo(4);
    assertThat(timerCount("p2p.gateway.latency", "gateway", "fake", "outcome", "success"))
        .isEqualTo(6);
    assertThat(timerCount("p2p.gateway.latency", "gateway", "fake", "outcome", "permanent"))
        .isEqualTo(2);
    // One number at one text a second: every send after the first waited one second for its slot.
    var waits = meters.get("p2p.ratelimit.wait").tags("gateway", "fake").timer();
    assertThat(waits.count()).isEqualTo(10);
    assertThat(waits.totalTime(java.util.concurrent.TimeUnit.SECONDS)).isEqualTo(9.0);
    assertThat(timerCount("p2p.claim.latency", "kind", "batch", "outcome", "claimed")).isEqualTo(1);
    assertThat(timerCount("p2p.claim.latency", "kind", "next", "outcome", "claimed")).isEqualTo(10);

    assertThat(meters.get("p2p.sends.unconfirmed").gauge().value()).isZero();
    assertThat(meters.get("p2p.events.head").gauge().value())
        .isEqualTo((double) p2p.events().lastPosition(ORG))
        .isPositive();
    assertThat(
            meters
                .get("resilience4j.circuitbreaker.state")
                .tags("name", "fake", "state", "closed")
                .gauge()
                .value())
        .isEqualTo(1.0);
    assertLowCardinality();
  }

  @Test
  @DisplayName("a receipt that the carrier could not deliver counts as undelivered, by kind")
  void undeliveredReceipts() {
    List<Message> sent = SendCampaign.start(p2p, ORG, "fake", OUR_NUMBER, 3).sendRound(3);
    String first = sent.get(0).carrierMessageId().orElseThrow();
    fake.deliver(first);
    fake.undeliver(sent.get(1).carrierMessageId().orElseThrow(), GatewayError.invalidNumber());
    fake.fail(sent.get(2).carrierMessageId().orElseThrow(), GatewayError.permanent());
    fake.undeliver(first, GatewayError.permanent()); // after delivered: moves nothing
    assertThat(count("p2p.messages.delivered", "gateway", "fake")).isEqualTo(1);
    assertThat(count("p2p.messages.undelivered", "gateway", "fake", "kind", "invalid_number"))
        .isEqualTo(1);
    assertThat(count("p2p.messages.undelivered", "gateway", "fake", "kind", "permanent"))
        .isEqualTo(1);
    assertThat(meters.find("p2p.messages.failed").counters()).isEmpty();
  }

  @Test
  @DisplayName("an import counts its rows read, stored and rejected (a duplicate, a bad phone)")
  void importRows() {
    String csv = "phone,first_name\n+13125551000,Ana\n+13125551000,Ana\nnot a phone,Bo\n";
    ImportReport report =
        p2p.organization(ORG)
            .contacts()
            .importCsv(
                "voters",
                new ByteArrayInputStream(csv.getBytes(StandardCharsets.UTF_8)),
                ImportOptions.defaults(),
                progress -> {});
    assertThat(report.rowsRead()).isEqualTo(3);
    assertThat(count("p2p.import.rows", "result", "read")).isEqualTo(3);
    assertThat(count("p2p.import.rows", "result", "stored")).isEqualTo(1);
    assertThat(count("p2p.import.rows", "result", "rejected")).isEqualTo(2);
    assertLowCardinality();
  }

  @Test
  @DisplayName("a send waiting for the carrier is unconfirmed until its outcome is stored")
  void unconfirmedWhileTheCarrierHoldsIt() {
    ManualScheduler carrierTime = new ManualScheduler();
    FakeGateway slow = FakeGateway.builder().clock(clock).scheduler(carrierTime).build();
    // A registry of its own: a meter registered twice is the first one, the gauge of the first P2P.
    MeterRegistry own = new SimpleMeterRegistry();
    p2p.close();
    p2p =
        P2P.builder()
            .store(InMemoryStore.create())
            .clock(clock)
            .gateway("slow", slow)
            .meterRegistry(own)
            .build();
    SendCampaign campaign = SendCampaign.start(p2p, ORG, "slow", OUR_NUMBER, 1);
    slow.delayNext(1, Duration.ofSeconds(5));
    var send = campaign.startRound(1).get(0);
    assertThat(own.get("p2p.sends.unconfirmed").gauge().value()).isEqualTo(1.0);
    carrierTime.advance(Duration.ofSeconds(5));
    assertThat(send.join().carrierMessageId()).isPresent();
    assertThat(own.get("p2p.sends.unconfirmed").gauge().value()).isZero();
  }

  @Test
  @DisplayName("with tagMetricsWithOrganization the organization's meters carry its id")
  void organizationTagOptIn() {
    p2p.close();
    p2p = build(P2P.builder().meterRegistry(meters).tagMetricsWithOrganization());
    SendCampaign.start(p2p, ORG, "fake", OUR_NUMBER, 2).sendRound(2);
    assertThat(count("p2p.messages.sent", "gateway", "fake", "organization", ORG)).isEqualTo(2);
    assertThat(meters.get("p2p.events.head").tags("organization", ORG).gauge().value())
        .isEqualTo((double) p2p.events().lastPosition(ORG));
    assertThat(meters.find("p2p.webhooks").meters())
        .allSatisfy(m -> assertThat(m.getId().getTag("organization")).isNull());
  }

  @Test
  @DisplayName("without the opt-in no meter carries an organization tag")
  void noOrganizationTagByDefault() {
    SendCampaign.start(p2p, ORG, "fake", OUR_NUMBER, 2).sendRound(2);
    assertThat(meters.getMeters())
        .isNotEmpty()
        .allSatisfy(m -> assertThat(m.getId().getTag("organization")).isNull());
  }

  @Test
  @DisplayName("an ObservationRegistry observes sends, claims and webhooks, low-cardinality keys")
  void observations() {
    TestObservationRegistry observations = TestObservationRegistry.create();
    p2p.close();
    p2p = build(P2P.builder().observationRegistry(observations));
    List<Message> sent = SendCampaign.start(p2p, ORG, "fake", OUR_NUMBER, 2).sendRound(2);
    fake.deliver(sent.get(0).carrierMessageId().orElseThrow());
    TestObservationRegistryAssert.assertThat(observations)
        .hasNumberOfObservationsWithNameEqualTo("p2p.send", 2)
        .hasNumberOfObservationsWithNameEqualTo("p2p.webhook", 1)
        .hasNumberOfObservationsWithNameEqualTo("p2p.claim", 3)
        .hasObservationWithNameEqualTo("p2p.send")
        .that()
        .hasBeenStarted()
        .hasBeenStopped()
        .hasLowCardinalityKeyValue("gateway", "fake")
        .hasLowCardinalityKeyValue("outcome", "sent")
        .doesNotHaveHighCardinalityKeyValueWithKey("phone");
    TestObservationRegistryAssert.assertThat(observations)
        .hasObservationWithNameEqualTo("p2p.webhook")
        .that()
        .hasLowCardinalityKeyValue("status", "204");
  }

  private void assertLowCardinality() {
    List<Tag> tags = new ArrayList<>();
    for (Meter meter : meters.getMeters()) {
      tags.addAll(meter.getId().getTags());
    }
    assertThat(tags).isNotEmpty();
    assertThat(tags)
        .allSatisfy(
            t -> {
              assertThat(TAG_KEYS).as("tag key of %s", t).contains(t.getKey());
              assertThat(t.getValue()).as("tag %s", t).doesNotMatch(PHONE_OR_ID);
            });
  }

  private double count(String name, String... tags) {
    return meters.get(name).tags(tags).counter().count();
  }

  private long timerCount(String name, String... tags) {
    return meters.get(name).tags(tags).timer().count();
  }
}

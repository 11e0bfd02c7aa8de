package dev.p2p.benchmarks;

import dev.p2p.Organization;
import dev.p2p.P2P;
import dev.p2p.action.ActionDraft;
import dev.p2p.action.AssignmentSettings;
import dev.p2p.action.SenderSettings;
import dev.p2p.assign.Target;
import dev.p2p.contact.ImportOptions;
import dev.p2p.contact.ImportReport;
import dev.p2p.conversation.Message;
import dev.p2p.conversation.NextMessage;
import dev.p2p.conversation.Texter;
import dev.p2p.gateway.NumberType;
import dev.p2p.gateway.SmsGateway;
import dev.p2p.gateway.policy.GatewayPolicy;
import dev.p2p.store.Store;
import dev.p2p.texter.TexterProfile;
import dev.p2p.webhook.Webhooks;
import io.micrometer.core.instrument.MeterRegistry;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * A texting campaign set up through the public API for the texting benchmarks: organization {@code
 * acme}, texters {@code t000...} in team {@code volunteers}, a list of contacts in New York, and
 * published actions with dynamic batches sent through {@link ZeroLatencyGateway}.
 *
 * <p>The rate limiter never waits: the action sends from {@value #SENDERS} numbers, each allowed
 * the policy's maximum (10,000 messages/s), and at most 10,000 sends may be in flight. The clock is
 * the system clock shifted to 14:00 New York time today, so the texting hours are open and time
 * still moves for the rate limiter.
 */
final class TextingCampaign implements AutoCloseable {
  static final int SENDERS = 100;
  static final String GATEWAY = "zero";

  private final P2P p2p;
  private final Organization org;
  private final String gatewayId;
  private final List<String> texterIds = new ArrayList<>();
  private long listId;

  TextingCampaign(Store store) {
    this(store, GATEWAY, new ZeroLatencyGateway());
  }

  /** The campaign sending through {@code gateway}, registered as {@code gatewayId}. */
  TextingCampaign(Store store, String gatewayId, SmsGateway gateway) {
    this(store, gatewayId, gateway, null);
  }

  /** As above, with p2p's meters recorded in {@code meters} when given. */
  TextingCampaign(
      Store store, String gatewayId, SmsGateway gateway, @Nullable MeterRegistry meters) {
    GatewayPolicy policy =
        GatewayPolicy.builder()
            .messagesPerSecond(NumberType.LONG_CODE, 10_000)
            .maxConcurrentSends(10_000)
            .build();
    P2P.Builder builder =
        P2P.builder().store(store).clock(afternoonInNewYork()).gateway(gatewayId, gateway, policy);
    if (meters != null) {
      builder.meterRegistry(meters);
    }
    this.p2p = builder.build();
    this.org = p2p.organization("acme");
    this.gatewayId = gatewayId;
  }

  /** The system clock, shifted so that it reads 14:00 in New York now. */
  static Clock afternoonInNewYork() {
    ZoneId ny = ZoneId.of("America/New_York");
    Instant now = Instant.now();
    Instant afternoon = ZonedDateTime.ofInstant(now, ny).with(LocalTime.of(14, 0)).toInstant();
    return Clock.offset(Clock.systemUTC(), Duration.between(now, afternoon));
  }

  /** Upserts {@code count} texters, all in team {@code volunteers}. */
  void texters(int count) {
    org.teams().upsert("volunteers", "Volunteers");
    for (int i = texterIds.size(); i < count; i++) {
      String id = String.format(Locale.ROOT, "t%03d", i);
      org.texters().upsert(new TexterProfile(id, "Texter", String.valueOf(i)));
      texterIds.add(id);
    }
    org.teams().addMembers("volunteers", texterIds);
  }

  /** Imports {@code count} contacts with distinct New York numbers into one list. */
  void contacts(int count) {
    StringBuilder csv = new StringBuilder("phone,first_name,last_name,time_zone\n");
    for (int i = 0; i < count; i++) {
      csv.append(String.format(Locale.ROOT, "+1212%03d%04d", 201 + i / 10_000, i % 10_000))
          .append(",Voter,")
          .append(i)
          .append(",America/New_York\n");
    }
    ImportReport report =
        org.contacts()
            .importCsv(
                "voters",
                new ByteArrayInputStream(csv.toString().getBytes(StandardCharsets.UTF_8)),
                ImportOptions.defaults(),
                p -> {});
    if (report.imported() != count) {
      throw new IllegalStateException("imported " + report.imported() + " of " + count);
    }
    listId = report.listId().orElseThrow();
  }

  /**
   * Creates and publishes an action on the list, dynamic batches of {@code batch}, for the team.
   */
  long action(String name, int batch) {
    List<String> numbers = new ArrayList<>();
    for (int i = 0; i < SENDERS; i++) {
      numbers.add(String.format(Locale.ROOT, "+1312555%04d", i));
    }
    long id =
        org.actions()
            .create(
                ActionDraft.named(name)
                    .contacts(listId)
                    .initial(
                        "Hi {firstName|there}, it's {texterFirstName} with Acme. Will you vote?")
                    .initial("Hey {firstName|there}! {texterFirstName} here. Voting Tuesday?")
                    .sender(SenderSettings.numbers(gatewayId, numbers))
                    .assignment(AssignmentSettings.dynamic().withBatchSize(batch)))
            .id();
    org.actions().publish(id);
    org.assignments().assign(id, Target.team("volunteers"));
    return id;
  }

  /**
   * Sends the conversation's first message and waits for the carrier: the benchmarks' one call of
   * {@code Texter.send}.
   */
  static Message send(Texter texter, NextMessage next) {
    return texter.send(next.conversationId());
  }

  /**
   * Sends the first message of every conversation of the action, texter after texter, each asking
   * for batches until the pool is empty; returns how many were sent.
   */
  int startAll(long actionId) {
    int sent = 0;
    for (int t = 0; t < texterIds.size(); t++) {
      Texter texter = texter(t);
      while (true) {
        Optional<NextMessage> next = texter.nextToSend(actionId);
        if (next.isEmpty()
            && (texter.requestBatch(actionId) == 0
                || (next = texter.nextToSend(actionId)).isEmpty())) {
          break;
        }
        send(texter, next.get());
        sent++;
      }
    }
    return sent;
  }

  /** p2p's webhook pipeline. */
  Webhooks webhooks() {
    return p2p.webhooks();
  }

  Texter texter(int i) {
    return org.texter(texterIds.get(i));
  }

  @Override
  public void close() {
    p2p.close();
  }
}

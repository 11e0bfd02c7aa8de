package dev.p2p.gateway.bandwidth;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.extension.ResponseDefinitionTransformerV2;
import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;

/**
 * A Bandwidth that fails the way a troubled carrier does, on a seeded random: of the create
 * requests, 30% get a 500, 10% a 429 with {@code Retry-After: 1}, 5% a reset connection and 5% a
 * 202 that comes after the client's timeout; the rest a 202. While {@link #healthy} it accepts
 * every send. Every message it accepts (the slow ones too) is kept, and its message list shows them
 * by {@code destinationTn}, as Bandwidth would (without text). Other paths (the token) pass.
 */
final class FaultyBandwidth implements ResponseDefinitionTransformerV2 {
  /** How long a slow answer takes: past the client's request timeout in the campaign. */
  static final int SLOW_MS = 2_000;

  /** A message Bandwidth took. */
  record Taken(String id, String from, String to, Instant at) {}

  private final Random random;
  private final Clock clock;
  private final AtomicLong ids = new AtomicLong(1_600_000_000_000L);
  private final Map<String, Taken> taken = new ConcurrentHashMap<>();
  volatile boolean healthy;

  FaultyBandwidth(long seed, Clock clock) {
    this.random = new Random(seed);
    this.clock = clock;
  }

  @Override
  public String getName() {
    return "faulty-bandwidth";
  }

  @Override
  public ResponseDefinition transform(ServeEvent event) {
    LoggedRequest request = event.getRequest();
    if (!request.getUrl().startsWith(BandwidthStubs.MESSAGES_PATH)) {
      return event.getResponseDefinition();
    }
    if (request.getMethod().getName().equals("GET")) {
      return list(request.queryParameter("destinationTn").firstValue());
    }
    double roll;
    synchronized (random) {
      roll = random.nextDouble();
    }
    if (!healthy && roll < 0.30) {
      return BandwidthStubs.answer(
              500, "{\"type\":\"internal-server-error\",\"description\":\"Something went wrong\"}")
          .build();
    } else if (!healthy && roll < 0.40) {
      return BandwidthStubs.answer(
              429,
              "{\"type\":\"max-message-queue-size-exceeded\",\"description\":\"The SMS queue for"
                  + " your account is full and cannot accept more messages right now\"}")
          .withHeader("Retry-After", "1")
          .build();
    } else if (!healthy && roll < 0.45) {
      return aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER).build();
    }
    JsonNode body = BandwidthStubs.read(request.getBody());
    Taken message =
        new Taken(
            Long.toString(ids.incrementAndGet()) + "lm4k2je7j7jklbn2",
            body.path("from").asText(),
            body.path("to").path(0).asText(),
            clock.instant());
    taken.put(message.id(), message);
    var answer =
        BandwidthStubs.answer(
            202,
            "{\"id\":\""
                + message.id()
                + "\",\"owner\":\""
                + message.from()
                + "\",\"applicationId\":\""
                + BandwidthStubs.APPLICATION_ID
                + "\",\"time\":\""
                + message.at()
                + "\",\"segmentCount\":1,\"direction\":\"out\",\"to\":[\""
                + message.to()
                + "\"],\"from\":\""
                + message.from()
                + "\",\"priority\":\"default\"}");
    return (!healthy && roll < 0.50 ? answer.withFixedDelay(SLOW_MS) : answer).build();
  }

  /** The messages taken, by id. */
  Map<String, Taken> taken() {
    return Map.copyOf(taken);
  }

  private ResponseDefinition list(String destination) {
    String items =
        taken.values().stream()
            .filter(m -> m.to().equals(destination))
            .map(
                m ->
                    ("{\"messageId\":\"%s\",\"accountId\":\"%s\",\"sourceTn\":\"%s\","
                            + "\"destinationTn\":\"%s\",\"messageStatus\":\"SENT\","
                            + "\"messageDirection\":\"OUTBOUND\",\"messageType\":\"sms\","
                            + "\"segmentCount\":1,\"errorCode\":0,\"receiveTime\":\"%s\"}")
                        .formatted(m.id(), BandwidthStubs.ACCOUNT_ID, m.from(), m.to(), m.at()))
            .collect(Collectors.joining(","));
    return BandwidthStubs.answer(
            200,
            "{\"totalCount\":"
                + taken.size()
                + ",\"pageInfo\":{\"nextPageToken\":null},\"messages\":["
                + items
                + "]}")
        .build();
  }
}

package dev.p2p.gateway.twilio;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;

import com.github.tomakehurst.wiremock.extension.ResponseDefinitionTransformerV2;
import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;

/**
 * A Twilio that fails the way a troubled carrier does, on a seeded random: of the create requests,
 * 30% get a 500, 10% a 429 with {@code Retry-After: 1}, 5% a reset connection and 5% a 201 that
 * comes after the client's timeout; the rest a 201. While {@link #healthy} it accepts every send.
 * Every message it accepts (the slow ones too) is kept, and its message list ({@code GET
 * Messages.json}) shows them by {@code To} (and {@code From}), as Twilio would.
 */
final class FaultyTwilio implements ResponseDefinitionTransformerV2 {
  /** How long a slow answer takes: past the client's request timeout in the campaign. */
  static final int SLOW_MS = 2_000;

  /** A message Twilio took. */
  record Taken(String sid, String from, String to, String body, Instant at) {}

  private final Random random;
  private final Clock clock;
  private final AtomicLong sids = new AtomicLong();
  private final Map<String, Taken> taken = new ConcurrentHashMap<>();
  volatile boolean healthy;

  FaultyTwilio(long seed, Clock clock) {
    this.random = new Random(seed);
    this.clock = clock;
  }

  @Override
  public String getName() {
    return "faulty-twilio";
  }

  @Override
  public ResponseDefinition transform(ServeEvent event) {
    LoggedRequest request = event.getRequest();
    if (request.getMethod().getName().equals("GET")) {
      return list(request.queryParameter("To").firstValue());
    }
    double roll;
    synchronized (random) {
      roll = random.nextDouble();
    }
    if (!healthy && roll < 0.30) {
      return TwilioStubs.error(500, 20500).build();
    } else if (!healthy && roll < 0.40) {
      return TwilioStubs.error(429, 20429).withHeader("Retry-After", "1").build();
    } else if (!healthy && roll < 0.45) {
      return aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER).build();
    }
    Map<String, List<String>> form = Forms.decode(request.getBodyAsString());
    Taken message =
        new Taken(
            "SM" + String.format("%032x", sids.incrementAndGet()),
            Forms.first(form, "From"),
            Forms.first(form, "To"),
            Forms.first(form, "Body"),
            clock.instant());
    taken.put(message.sid(), message);
    var answer = TwilioStubs.created(message.sid(), "queued", "1");
    return (!healthy && roll < 0.50 ? answer.withFixedDelay(SLOW_MS) : answer).build();
  }

  /** The messages taken, by sid. */
  Map<String, Taken> taken() {
    return Map.copyOf(taken);
  }

  private ResponseDefinition list(String to) {
    String items =
        taken.values().stream()
            .filter(m -> m.to().equals(to))
            .map(FaultyTwilio::resource)
            .collect(Collectors.joining(","));
    return aResponse()
        .withStatus(200)
        .withHeader("Content-Type", "application/json; charset=utf-8")
        .withBody(
            "{\"messages\":["
                + items
                + "],\"next_page_uri\":null,\"page\":0,\"page_size\":1000,\"start\":0}")
        .build();
  }

  private static String resource(Taken m) {
    String date = DateTimeFormatter.RFC_1123_DATE_TIME.format(m.at().atOffset(ZoneOffset.UTC));
    return ("{\"sid\":\"%s\",\"account_sid\":\"%s\",\"messaging_service_sid\":null,"
            + "\"from\":\"%s\",\"to\":\"%s\",\"body\":\"%s\",\"status\":\"sent\","
            + "\"direction\":\"outbound-api\",\"num_segments\":\"1\",\"num_media\":\"0\","
            + "\"error_code\":null,\"date_created\":\"%s\",\"date_updated\":\"%s\","
            + "\"date_sent\":\"%s\"}")
        .formatted(m.sid(), TwilioStubs.ACCOUNT_SID, m.from(), m.to(), m.body(), date, date, date);
  }
}

package dev.p2p.gateway.bandwidth;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import dev.p2p.gateway.SmsGateway;
import dev.p2p.testkit.FaultCampaignContract;
import dev.p2p.testkit.MutableClock;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Reliability suite, carrier faults (issue 17, item 2) and reconciliation (item 3) on Bandwidth: a
 * campaign of 300 first messages through p2p's public API against a Bandwidth on WireMock that
 * answers 30% 500s, 10% 429s with Retry-After, 5% reset connections and 5% answers past the
 * timeout, then recovers; then {@code reconcile()} settles every send of unknown fate from
 * Bandwidth's message list.
 */
class BandwidthFaultCampaignTest extends FaultCampaignContract<ServeEvent> {
  private final FaultyBandwidth carrier = new FaultyBandwidth(17, clock());
  private final WireMockServer server =
      new WireMockServer(options().dynamicPort().extensions(carrier));

  @Override
  protected String gatewayId() {
    return "bandwidth";
  }

  @Override
  protected String carrierName() {
    return "Bandwidth";
  }

  @Override
  protected SmsGateway startCarrier(MutableClock clock, Duration requestTimeout) {
    server.start();
    server.stubFor(post(urlPathEqualTo(BandwidthStubs.MESSAGES_PATH)).willReturn(aResponse()));
    server.stubFor(get(urlPathEqualTo(BandwidthStubs.MESSAGES_PATH)).willReturn(aResponse()));
    new BandwidthStubs(server);
    return BandwidthStubs.gateway(server, SENDER)
        .requestTimeout(requestTimeout)
        .clock(clock)
        .build();
  }

  @Override
  protected void stopCarrier() {
    server.stop();
  }

  @Override
  protected List<ServeEvent> journal() {
    return server.getAllServeEvents().stream()
        .sorted(Comparator.comparing(e -> e.getRequest().getLoggedDate()))
        .toList();
  }

  @Override
  protected boolean isCreate(ServeEvent e) {
    return e.getRequest().getMethod().getName().equals("POST")
        && e.getRequest().getUrl().equals(BandwidthStubs.MESSAGES_PATH);
  }

  @Override
  protected String phone(ServeEvent e) {
    return BandwidthStubs.read(e.getRequest().getBody()).path("to").path(0).asText();
  }

  @Override
  protected int status(ServeEvent e) {
    return e.getResponseDefinition().getStatus();
  }

  /** Whether WireMock answered the request with a 2xx (late or not): Bandwidth took the message. */
  @Override
  protected boolean taken(ServeEvent e) {
    ResponseDefinition answer = e.getResponseDefinition();
    return answer.getFault() == null && answer.getStatus() / 100 == 2;
  }

  @Override
  protected void makeHealthy() {
    carrier.healthy = true;
  }

  @Override
  protected Map<String, String> takenMessages() {
    return carrier.taken().values().stream()
        .collect(Collectors.toMap(FaultyBandwidth.Taken::to, FaultyBandwidth.Taken::id));
  }
}

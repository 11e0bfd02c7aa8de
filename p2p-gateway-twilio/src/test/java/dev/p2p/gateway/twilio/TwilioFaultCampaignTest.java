package dev.p2p.gateway.twilio;

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
 * Reliability suite, carrier faults (issue 17, item 2) and reconciliation (item 3) on Twilio: a
 * campaign of 300 first messages through p2p's public API against a Twilio on WireMock that answers
 * 30% 500s, 10% 429s with Retry-After, 5% reset connections and 5% answers past the timeout, then
 * recovers; then {@code reconcile()} settles every send of unknown fate from Twilio's message list.
 */
class TwilioFaultCampaignTest extends FaultCampaignContract<ServeEvent> {
  private final FaultyTwilio twilioSide = new FaultyTwilio(17, clock());
  private final WireMockServer server =
      new WireMockServer(options().dynamicPort().extensions(twilioSide));

  @Override
  protected String gatewayId() {
    return "twilio";
  }

  @Override
  protected String carrierName() {
    return "Twilio";
  }

  @Override
  protected SmsGateway startCarrier(MutableClock clock, Duration requestTimeout) {
    server.start();
    server.stubFor(post(urlPathEqualTo(TwilioStubs.MESSAGES_PATH)).willReturn(aResponse()));
    server.stubFor(get(urlPathEqualTo(TwilioStubs.MESSAGES_PATH)).willReturn(aResponse()));
    return TwilioGateway.builder()
        .accountSid(TwilioStubs.ACCOUNT_SID)
        .authToken(TwilioStubs.AUTH_TOKEN)
        .senderNumbers(SENDER)
        .baseUrl(server.baseUrl())
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
    return e.getRequest().getMethod().getName().equals("POST");
  }

  @Override
  protected String phone(ServeEvent e) {
    return Forms.first(Forms.decode(e.getRequest().getBodyAsString()), "To");
  }

  @Override
  protected int status(ServeEvent e) {
    return e.getResponseDefinition().getStatus();
  }

  /** Whether WireMock answered the request with a 2xx (late or not): Twilio took the message. */
  @Override
  protected boolean taken(ServeEvent e) {
    ResponseDefinition answer = e.getResponseDefinition();
    return answer.getFault() == null && answer.getStatus() / 100 == 2;
  }

  @Override
  protected void makeHealthy() {
    twilioSide.healthy = true;
  }

  @Override
  protected Map<String, String> takenMessages() {
    return twilioSide.taken().values().stream()
        .collect(Collectors.toMap(FaultyTwilio.Taken::to, FaultyTwilio.Taken::sid));
  }
}

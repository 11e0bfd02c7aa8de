package dev.p2p.examples.webapp;

import static org.assertj.core.api.Assertions.assertThat;

import dev.p2p.P2P;
import dev.p2p.gateway.policy.GatewayStatus;
import dev.p2p.testkit.FakeGateway;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;

/**
 * The same server on a real carrier: with {@code p2p.twilio.*} set and the simulated carrier off,
 * p2p texts through Twilio only, its callbacks go to the starter's endpoint, and there is no
 * "simulate replies" switch.
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {
      "p2p.store.type=memory",
      "p2p.example.simulated-carrier=false",
      "p2p.twilio.account-sid=AC0123456789abcdef0123456789abcdef",
      "p2p.twilio.auth-token=an-auth-token-for-this-test",
      "p2p.twilio.sender-numbers=+13125550199"
    })
class RealCarrierTest {
  @LocalServerPort int port;
  @Autowired P2P p2p;
  @Autowired ApplicationContext context;

  @Test
  @DisplayName("Twilio is the only gateway; the fake and its switch are gone; webhooks reach p2p")
  void twilioOnly() throws Exception {
    assertThat(p2p.gatewayStatus()).extracting(GatewayStatus::id).containsExactly("twilio");
    assertThat(context.getBeanNamesForType(FakeGateway.class)).isEmpty();
    Api api = new Api(port);
    api.signInAs("ana");
    assertThat(api.get("/api/simulator").status()).isEqualTo(404);
    // An unsigned reply reaches the starter's endpoint, and Twilio's adapter refuses it (401:
    // no X-Twilio-Signature).
    HttpResponse<String> unsigned =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/webhooks/twilio"))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(
                        HttpRequest.BodyPublishers.ofString(
                            "MessageSid=SM0123456789abcdef0123456789abcdef&From=%2B13125550101"
                                + "&To=%2B13125550199&Body=hi"))
                    .build(),
                HttpResponse.BodyHandlers.ofString());
    assertThat(unsigned.statusCode()).isEqualTo(401);
    assertThat(unsigned.body()).contains("X-Twilio-Signature");
  }
}

package dev.p2p.examples.webapp;

import dev.p2p.P2P;
import dev.p2p.spring.boot.P2PBuilderCustomizer;
import dev.p2p.testkit.FakeGateway;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The simulated carrier, {@link FakeGateway}, registered as gateway {@code fake} with the starter's
 * {@code P2P} bean, so the example runs with no carrier account. On by default; set {@code
 * p2p.example.simulated-carrier=false} when {@code p2p.twilio.*} or {@code p2p.bandwidth.*} are
 * configured, and the same app texts through that carrier, its callbacks arriving at the starter's
 * {@code /webhooks/{gatewayId}} endpoint.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(
    name = "p2p.example.simulated-carrier",
    havingValue = "true",
    matchIfMissing = true)
public class SimulatedCarrier {
  /**
   * The simulated carrier.
   *
   * @return a new fake carrier
   */
  @Bean
  public FakeGateway fakeGateway() {
    return FakeGateway.create();
  }

  /**
   * Registers the fake with p2p as gateway {@code fake}.
   *
   * @param fake the carrier
   * @return the customizer the starter applies before building {@code P2P}
   */
  @Bean
  public P2PBuilderCustomizer fakeCarrier(FakeGateway fake) {
    return builder -> builder.gateway("fake", fake);
  }

  /**
   * Once {@code P2P} is built, hands the fake's callbacks (receipts, replies) to p2p's webhook
   * pipeline, as a real carrier's would arrive at the webhook endpoint.
   *
   * @param fake the carrier
   * @param p2p the facade
   * @return the hook that connects them
   */
  @Bean
  public SmartInitializingSingleton connectFakeCarrier(FakeGateway fake, P2P p2p) {
    return () -> fake.connect(p2p.webhooks()::handle);
  }
}

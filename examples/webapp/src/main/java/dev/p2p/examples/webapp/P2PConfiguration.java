package dev.p2p.examples.webapp;

import dev.p2p.P2P;
import dev.p2p.store.jdbc.JdbcStore;
import dev.p2p.testkit.FakeGateway;
import java.nio.file.Path;
import java.time.Clock;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Builds the {@link P2P} bean: an embedded H2 database and the simulated carrier {@link
 * FakeGateway}, registered as gateway {@code fake}. The only class that knows how p2p is built:
 * with the p2p Spring Boot starter, delete it and let the starter make the bean.
 */
@Configuration(proxyBeanMethods = false)
public class P2PConfiguration {
  /**
   * The simulated carrier, wired to p2p's webhook pipeline by {@link #p2p}.
   *
   * @return a new fake carrier
   */
  @Bean
  public FakeGateway fakeGateway() {
    return FakeGateway.create();
  }

  /**
   * The clock p2p reads: the system's, unless {@code p2p.example.clock=noon-new-york} shifts it to
   * midday in New York, so the texting hours are open whenever one tries the example.
   *
   * @param mode {@code system} or {@code noon-new-york}
   * @return the clock
   */
  @Bean
  public Clock p2pClock(@Value("${p2p.example.clock:system}") String mode) {
    return ExampleClock.of(mode);
  }

  /**
   * p2p on H2: files under {@code p2p.example.data} (default {@code ./p2p-webapp-data}), or in
   * memory when it is {@code mem:NAME}.
   *
   * @param data where the database lives
   * @param fake the carrier
   * @param clock the clock
   * @return the facade, closed with the application
   */
  @Bean(destroyMethod = "close")
  public P2P p2p(
      @Value("${p2p.example.data:./p2p-webapp-data}") String data, FakeGateway fake, Clock clock) {
    JdbcStore store =
        data.startsWith("mem:")
            ? JdbcStore.h2InMemory(data.substring(4))
            : JdbcStore.h2(Path.of(data));
    P2P p2p = P2P.builder().store(store).gateway("fake", fake).clock(clock).build();
    fake.connect(p2p.webhooks()::handle);
    return p2p;
  }
}

package dev.p2p.examples.webapp;

import dev.p2p.spring.boot.P2PBuilderCustomizer;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The clock p2p reads (see {@link ExampleClock}). */
@Configuration(proxyBeanMethods = false)
public class ExampleClockConfiguration {
  /**
   * The system's clock, unless {@code p2p.example.clock=noon-new-york} shifts it to midday in New
   * York, so the texting hours are open whenever one tries the example.
   *
   * @param mode {@code system} or {@code noon-new-york}
   * @return the customizer the starter applies before building {@code P2P}
   */
  @Bean
  public P2PBuilderCustomizer exampleClock(@Value("${p2p.example.clock:system}") String mode) {
    return builder -> builder.clock(ExampleClock.of(mode));
  }
}

package dev.p2p.spring.boot;

import dev.p2p.P2P;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.health.autoconfigure.contributor.ConditionalOnEnabledHealthIndicator;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The {@code p2p} health contributor ({@link P2PHealthIndicator}), when Spring Boot's health
 * support is on the classpath; {@code management.health.p2p.enabled=false} turns it off, and a bean
 * named {@code p2pHealthIndicator} replaces it.
 */
@AutoConfiguration(after = P2PAutoConfiguration.class)
@ConditionalOnClass({HealthIndicator.class, P2P.class})
@ConditionalOnBean(P2P.class)
public class P2PHealthAutoConfiguration {
  /** Created by Spring. */
  public P2PHealthAutoConfiguration() {}

  /** The indicator; a nested class, so its condition is read only once health is present. */
  @Configuration(proxyBeanMethods = false)
  @ConditionalOnEnabledHealthIndicator("p2p")
  static class Indicator {

    /**
     * The indicator, named {@code p2p} in the health endpoint.
     *
     * @param p2p the instance to check
     * @param properties for {@code p2p.health.open-circuit-status}
     * @return the indicator
     */
    @Bean
    @ConditionalOnMissingBean(name = "p2pHealthIndicator")
    P2PHealthIndicator p2pHealthIndicator(P2P p2p, P2PProperties properties) {
      return new P2PHealthIndicator(p2p, new Status(properties.getHealth().getOpenCircuitStatus()));
    }
  }
}

package dev.p2p.spring.boot;

import dev.p2p.P2P;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.observation.ObservationRegistry;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Hands the application's {@link MeterRegistry} and {@link ObservationRegistry} beans, when there
 * are, to {@code P2P.builder().meterRegistry(..)} and {@code .observationRegistry(..)}, through
 * {@link P2PBuilderCustomizer}s. p2p's meters are named {@code p2p.*}; with {@code
 * p2p.metrics.tag-organization=true} those of an organization's work carry its id.
 */
@AutoConfiguration(
    afterName = {
      "org.springframework.boot.micrometer.metrics.autoconfigure.MetricsAutoConfiguration",
      "org.springframework.boot.micrometer.metrics.autoconfigure.CompositeMeterRegistryAutoConfiguration",
      "org.springframework.boot.micrometer.metrics.autoconfigure.export.simple.SimpleMetricsExportAutoConfiguration",
      "org.springframework.boot.micrometer.observation.autoconfigure.ObservationAutoConfiguration"
    })
@ConditionalOnClass(P2P.class)
@EnableConfigurationProperties(P2PProperties.class)
public class P2PMetricsAutoConfiguration {
  /** Created by Spring. */
  public P2PMetricsAutoConfiguration() {}

  /** The meter registry's customizer. */
  @Configuration(proxyBeanMethods = false)
  @ConditionalOnClass(MeterRegistry.class)
  @ConditionalOnBean(MeterRegistry.class)
  static class Meters {
    @Bean
    P2PBuilderCustomizer p2pMeterRegistryCustomizer(
        MeterRegistry registry, P2PProperties properties) {
      return builder -> {
        builder.meterRegistry(registry);
        if (properties.getMetrics().isTagOrganization()) {
          builder.tagMetricsWithOrganization();
        }
      };
    }
  }

  /** The observation registry's customizer. */
  @Configuration(proxyBeanMethods = false)
  @ConditionalOnClass(ObservationRegistry.class)
  @ConditionalOnBean(ObservationRegistry.class)
  static class Observations {
    @Bean
    P2PBuilderCustomizer p2pObservationRegistryCustomizer(ObservationRegistry registry) {
      return builder -> builder.observationRegistry(registry);
    }
  }
}

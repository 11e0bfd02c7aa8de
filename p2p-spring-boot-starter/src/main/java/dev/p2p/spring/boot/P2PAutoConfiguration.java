package dev.p2p.spring.boot;

import dev.p2p.P2P;
import dev.p2p.ValidationException;
import dev.p2p.Violation;
import dev.p2p.gateway.bandwidth.BandwidthGateway;
import dev.p2p.gateway.twilio.TwilioGateway;
import dev.p2p.store.Store;
import dev.p2p.store.jdbc.JdbcStore;
import dev.p2p.store.memory.InMemoryStore;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.convert.ApplicationConversionService;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;

/**
 * Autoconfigures {@link P2P} from the {@code p2p.*} properties ({@link P2PProperties}): the {@link
 * Store} (a {@link JdbcStore} on the application's {@link DataSource}, else embedded H2), the
 * Twilio and Bandwidth gateways when configured, the gateway policy and the default region; then
 * applies every {@link P2PBuilderCustomizer}. Every bean backs off when the application defines its
 * own. Closes p2p gracefully on shutdown ({@link P2PGracefulShutdown}).
 */
@AutoConfiguration(
    afterName = "org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration")
@EnableConfigurationProperties(P2PProperties.class)
public class P2PAutoConfiguration {
  /** Created by Spring. */
  public P2PAutoConfiguration() {}

  @Bean
  P2PSettings p2pSettings(P2PProperties properties) {
    return P2PSettings.of(properties);
  }

  /**
   * The store p2p keeps everything in, as {@code p2p.store.type} says; none when the application
   * defines its own {@link Store} or {@link P2P}.
   *
   * @param properties the p2p properties
   * @param dataSources the application's data source, if any
   * @return the store; closed with p2p
   */
  @Bean
  @ConditionalOnMissingBean({Store.class, P2P.class})
  public Store p2pStore(P2PProperties properties, ObjectProvider<DataSource> dataSources) {
    P2PProperties.Store settings = properties.getStore();
    switch (settings.getType()) {
      case MEMORY:
        return InMemoryStore.create();
      case H2:
        return JdbcStore.h2(settings.getH2().getPath());
      case JDBC:
        {
          DataSource dataSource = dataSources.getIfUnique();
          if (dataSource == null) {
            throw new InvalidP2PPropertiesException(
                List.of(
                    new Violation(
                        "p2p.store.type",
                        "is jdbc, but the application has no DataSource bean (or several and"
                            + " none primary)")));
          }
          return JdbcStore.of(dataSource);
        }
      case AUTO:
      default:
        {
          DataSource dataSource = dataSources.getIfUnique();
          return dataSource != null
              ? JdbcStore.of(dataSource)
              : JdbcStore.h2(settings.getH2().getPath());
        }
    }
  }

  /**
   * The Twilio gateway, when {@code p2p.twilio.account-sid} is set.
   *
   * @param settings the checked settings
   * @return the gateway
   */
  @Bean
  @ConditionalOnMissingBean
  @ConditionalOnProperty(prefix = "p2p.twilio", name = "account-sid")
  TwilioGateway p2pTwilioGateway(P2PSettings settings) {
    return settings.twilio().orElseThrow();
  }

  /**
   * The Bandwidth gateway, when {@code p2p.bandwidth.account-id} is set.
   *
   * @param settings the checked settings
   * @return the gateway
   */
  @Bean
  @ConditionalOnMissingBean
  @ConditionalOnProperty(prefix = "p2p.bandwidth", name = "account-id")
  BandwidthGateway p2pBandwidthGateway(P2PSettings settings) {
    return settings.bandwidth().orElseThrow();
  }

  /**
   * p2p itself: the store, the Twilio gateway bean under {@code p2p.twilio.id}, the Bandwidth
   * gateway bean under {@code p2p.bandwidth.id}, the policy and region from the properties, then
   * the customizers.
   *
   * @param properties the p2p properties
   * @param settings the checked settings
   * @param store the store
   * @param twilio the Twilio gateway, if any
   * @param bandwidth the Bandwidth gateway, if any
   * @param customizers the application's customizers, in order
   * @return p2p; closed when the context closes
   */
  @Bean
  @ConditionalOnMissingBean
  public P2P p2p(
      P2PProperties properties,
      P2PSettings settings,
      Store store,
      ObjectProvider<TwilioGateway> twilio,
      ObjectProvider<BandwidthGateway> bandwidth,
      ObjectProvider<P2PBuilderCustomizer> customizers) {
    P2P.Builder builder =
        P2P.builder()
            .store(store)
            .defaultRegion(properties.getDefaultRegion())
            .gatewayPolicy(settings.policy());
    twilio.ifUnique(g -> builder.gateway(properties.getTwilio().getId(), g));
    bandwidth.ifUnique(g -> builder.gateway(properties.getBandwidth().getId(), g));
    customizers.orderedStream().forEach(c -> c.customize(builder));
    try {
      return builder.build();
    } catch (ValidationException e) {
      List<Violation> named = new ArrayList<>();
      for (Violation v : e.violations()) {
        named.add(new Violation(P2PSettings.p2pProperty(v.field()), v.reason()));
      }
      throw new InvalidP2PPropertiesException(named);
    }
  }

  /**
   * Closes p2p gracefully when the application stops, after the web server stopped taking requests.
   *
   * @param p2p p2p
   * @param properties the p2p properties
   * @param environment for {@code spring.lifecycle.timeout-per-shutdown-phase}
   * @return the lifecycle
   */
  @Bean
  @ConditionalOnMissingBean
  public P2PGracefulShutdown p2pGracefulShutdown(
      P2P p2p, P2PProperties properties, Environment environment) {
    Duration grace = properties.getShutdown().getGrace();
    if (grace == null) {
      String phase = environment.getProperty("spring.lifecycle.timeout-per-shutdown-phase");
      @Nullable Duration parsed =
          phase == null
              ? null
              : ApplicationConversionService.getSharedInstance().convert(phase, Duration.class);
      grace = parsed == null ? Duration.ofSeconds(30) : parsed;
    }
    return new P2PGracefulShutdown(p2p, grace);
  }
}

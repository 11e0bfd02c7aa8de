package dev.p2p.spring.boot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.p2p.P2P;
import dev.p2p.Violation;
import dev.p2p.gateway.bandwidth.BandwidthGateway;
import dev.p2p.gateway.policy.GatewayStatus;
import dev.p2p.gateway.twilio.TwilioGateway;
import dev.p2p.store.Store;
import dev.p2p.store.jdbc.JdbcStore;
import dev.p2p.store.memory.InMemoryStore;
import dev.p2p.testkit.FakeGateway;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.micrometer.observation.ObservationRegistry;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.List;
import javax.sql.DataSource;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Each condition and property of the autoconfiguration, on contexts without a web server. */
class P2PAutoConfigurationTest {
  static final String ACCOUNT_SID = "AC0123456789abcdef0123456789abcdef";
  static final String[] TWILIO = {
    "p2p.twilio.account-sid=" + ACCOUNT_SID,
    "p2p.twilio.auth-token=twilio-token-for-tests",
    "p2p.twilio.sender-numbers=+13125550199"
  };
  static final String[] BANDWIDTH = {
    "p2p.bandwidth.account-id=9900000",
    "p2p.bandwidth.application-id=app-0001",
    "p2p.bandwidth.sender-numbers=+13125550198",
    "p2p.bandwidth.client-id=client",
    "p2p.bandwidth.client-secret=client-secret-for-tests",
    "p2p.bandwidth.callback-user-id=bw-user",
    "p2p.bandwidth.callback-password=bw-password-for-tests"
  };

  @TempDir Path dir;

  private ApplicationContextRunner runner() {
    return new ApplicationContextRunner()
        .withConfiguration(
            AutoConfigurations.of(
                P2PAutoConfiguration.class,
                P2PMetricsAutoConfiguration.class,
                P2PHealthAutoConfiguration.class,
                P2PWebhookAutoConfiguration.class,
                P2PActuatorAutoConfiguration.class))
        .withPropertyValues("p2p.store.h2.path=" + dir.resolve("h2"));
  }

  @Test
  @DisplayName("without a DataSource bean the store is embedded H2 under p2p.store.h2.path")
  void h2WithoutDataSource() {
    runner()
        .run(
            context -> {
              assertThat(context).hasSingleBean(P2P.class).doesNotHaveBean(DataSource.class);
              assertThat(context.getBean(Store.class)).isInstanceOf(JdbcStore.class);
              P2P p2p = context.getBean(P2P.class);
              assertThat(p2p.storeHealth().up()).isTrue();
              assertThat(p2p.storeHealth().details().get("database")).containsIgnoringCase("h2");
              assertThat(dir.resolve("h2")).isDirectory();
            });
  }

  @Test
  @DisplayName("with a DataSource bean the store is a JdbcStore on it, migrated there")
  void jdbcOnTheApplicationsDataSource() {
    runner()
        .withUserConfiguration(DataSourceConfig.class)
        .run(
            context -> {
              assertThat(context.getBean(Store.class)).isInstanceOf(JdbcStore.class);
              assertThat(context.getBean(P2P.class).storeHealth().up()).isTrue();
              DataSource dataSource = context.getBean(DataSource.class);
              try (Connection c = dataSource.getConnection();
                  ResultSet tables = c.getMetaData().getTables(null, null, "%", null)) {
                boolean history = false;
                while (tables.next()) {
                  history |= tables.getString("TABLE_NAME").equalsIgnoreCase("p2p_schema_history");
                }
                assertThat(history).as("p2p's migrations ran on the app's data source").isTrue();
              }
              assertThat(dir.resolve("h2")).doesNotExist();
            });
  }

  @Test
  @DisplayName("p2p.store.type=memory keeps everything in memory")
  void memory() {
    runner()
        .withPropertyValues("p2p.store.type=memory")
        .run(context -> assertThat(context.getBean(Store.class)).isInstanceOf(InMemoryStore.class));
  }

  @Test
  @DisplayName("p2p.store.type=jdbc without a DataSource fails naming p2p.store.type")
  void jdbcWithoutDataSource() {
    runner()
        .withPropertyValues("p2p.store.type=jdbc")
        .run(
            context ->
                assertThat(problems(context.getStartupFailure()))
                    .extracting(Violation::field)
                    .containsExactly("p2p.store.type"));
  }

  @Test
  @DisplayName("without gateway properties no gateway is registered")
  void noGateways() {
    runner()
        .run(
            context -> {
              assertThat(context)
                  .doesNotHaveBean(TwilioGateway.class)
                  .doesNotHaveBean(BandwidthGateway.class);
              assertThat(context.getBean(P2P.class).gatewayStatus()).isEmpty();
            });
  }

  @Test
  @DisplayName("Twilio is on when p2p.twilio.account-sid is set, under p2p.twilio.id")
  void twilio() {
    runner()
        .withPropertyValues(TWILIO)
        .withPropertyValues("p2p.twilio.id=twilio-acme")
        .run(
            context -> {
              assertThat(context)
                  .hasSingleBean(TwilioGateway.class)
                  .doesNotHaveBean(BandwidthGateway.class);
              assertThat(context.getBean(P2P.class).gatewayStatus())
                  .extracting(GatewayStatus::id, GatewayStatus::carrier)
                  .containsExactly(org.assertj.core.groups.Tuple.tuple("twilio-acme", "twilio"));
            });
  }

  @Test
  @DisplayName("Bandwidth is on when p2p.bandwidth.account-id is set; both can run together")
  void bandwidthAndTwilio() {
    runner()
        .withPropertyValues(BANDWIDTH)
        .run(
            context -> {
              assertThat(context)
                  .hasSingleBean(BandwidthGateway.class)
                  .doesNotHaveBean(TwilioGateway.class);
              assertThat(context.getBean(P2P.class).gatewayStatus())
                  .extracting(GatewayStatus::id)
                  .containsExactly("bandwidth");
            });
    runner()
        .withPropertyValues(BANDWIDTH)
        .withPropertyValues(TWILIO)
        .run(
            context ->
                assertThat(context.getBean(P2P.class).gatewayStatus())
                    .extracting(GatewayStatus::id)
                    .containsExactly("twilio", "bandwidth"));
  }

  @Test
  @DisplayName("the gateway's secrets never show in its toString")
  void secretsNotInToString() {
    runner()
        .withPropertyValues(TWILIO)
        .withPropertyValues(BANDWIDTH)
        .run(
            context -> {
              String shown =
                  context.getBean(TwilioGateway.class)
                      + " "
                      + context.getBean(BandwidthGateway.class)
                      + " "
                      + context.getBean(P2P.class);
              assertThat(shown)
                  .doesNotContain("twilio-token-for-tests")
                  .doesNotContain("client-secret-for-tests")
                  .doesNotContain("bw-password-for-tests");
            });
  }

  @Test
  @DisplayName("three bad properties fail the start naming all three, and the analyzer prints them")
  void everyBadPropertyAtOnce() {
    runner()
        .withPropertyValues(TWILIO)
        .withPropertyValues(
            "p2p.twilio.account-sid=AC-not-a-sid",
            "p2p.default-region=Narnia",
            "p2p.policy.max-attempts=0")
        .run(
            context -> {
              Throwable failure = context.getStartupFailure();
              assertThat(problems(failure))
                  .extracting(Violation::field)
                  .containsExactlyInAnyOrder(
                      "p2p.twilio.account-sid", "p2p.default-region", "p2p.policy.max-attempts");
              FailureAnalysis analysis = new P2PPropertiesFailureAnalyzer().analyze(failure);
              assertThat(analysis).isNotNull();
              assertThat(analysis.getDescription())
                  .contains("3 properties")
                  .contains("p2p.twilio.account-sid: must be AC and 32 hex digits")
                  .contains("p2p.default-region: ")
                  .contains("p2p.policy.max-attempts: ")
                  .doesNotContain("twilio-token-for-tests");
            });
  }

  @Test
  @DisplayName("a failed start prints every bad property (the analyzer is registered)")
  @ExtendWith(OutputCaptureExtension.class)
  void analyzerPrintsAtStartup(CapturedOutput output) {
    SpringApplication app = new SpringApplication(BadApp.class);
    app.setWebApplicationType(WebApplicationType.NONE);
    assertThatThrownBy(
            () ->
                app.run(
                    "--p2p.store.type=memory",
                    "--p2p.twilio.account-sid=AC-not-a-sid",
                    "--p2p.twilio.auth-token=twilio-token-for-tests",
                    "--p2p.twilio.sender-numbers=+13125550199",
                    "--p2p.default-region=Narnia",
                    "--p2p.policy.max-attempts=0"))
        .hasRootCauseInstanceOf(InvalidP2PPropertiesException.class);
    assertThat(output.toString())
        .contains("APPLICATION FAILED TO START")
        .contains("p2p could not start: 3 properties are missing or bad")
        .contains("p2p.twilio.account-sid: ")
        .contains("p2p.default-region: ")
        .contains("p2p.policy.max-attempts: ")
        .doesNotContain("twilio-token-for-tests");
  }

  @Test
  @DisplayName("Bandwidth's and the policy's nested fields are named by their properties")
  void nestedNames() {
    runner()
        .withPropertyValues(BANDWIDTH)
        .withPropertyValues(
            "p2p.bandwidth.sender-numbers=+13125550198,12",
            "p2p.bandwidth.callback-password=",
            "p2p.policy.messages-per-second.long-code=0",
            "p2p.twilio.account-sid=" + ACCOUNT_SID)
        .run(
            context ->
                assertThat(problems(context.getStartupFailure()))
                    .extracting(Violation::field)
                    .contains(
                        "p2p.bandwidth.sender-numbers[1]",
                        "p2p.bandwidth.callback-password",
                        "p2p.policy.messages-per-second.long-code",
                        "p2p.twilio.auth-token",
                        "p2p.twilio.sender-numbers"));
  }

  @Test
  @DisplayName("the application's own beans win over every autoconfigured one")
  void userBeansWin() {
    runner()
        .withPropertyValues(TWILIO)
        .withUserConfiguration(UserBeans.class)
        .run(
            context -> {
              assertThat(context.getBean(Store.class)).isSameAs(UserBeans.STORE);
              assertThat(context.getBean(TwilioGateway.class)).isSameAs(UserBeans.TWILIO);
              assertThat(context.getBean(P2P.class).gatewayStatus())
                  .extracting(GatewayStatus::id)
                  .containsExactly("twilio");
            });
    runner()
        .withUserConfiguration(UserP2P.class)
        .run(
            context -> {
              assertThat(context.getBean(P2P.class)).isSameAs(context.getBean("myP2p"));
              assertThat(context).hasSingleBean(P2P.class);
            });
  }

  @Test
  @DisplayName(
      "without the optional libraries (health, actuator, Micrometer, Spring MVC) P2P still starts")
  void optionalLibrariesAbsent() {
    runner()
        .withClassLoader(
            new FilteredClassLoader(
                "org.springframework.boot.health.",
                "org.springframework.boot.actuate.",
                "io.micrometer.",
                "org.springframework.web.servlet."))
        .run(
            context -> {
              assertThat(context).hasSingleBean(P2P.class);
              assertThat(context)
                  .doesNotHaveBean("p2pHealthIndicator")
                  .doesNotHaveBean("p2pSecretsSanitizer")
                  .doesNotHaveBean("p2pMeterRegistryCustomizer")
                  .doesNotHaveBean(P2PWebhookController.class);
            });
  }

  @Test
  @DisplayName("with the application's own P2P no store is opened for nothing")
  void noStoreBesideTheApplicationsP2p() {
    runner()
        .withUserConfiguration(UserP2P.class)
        .run(
            context -> {
              assertThat(context).doesNotHaveBean(Store.class);
              assertThat(dir.resolve("h2")).doesNotExist();
            });
  }

  @Test
  @DisplayName("a P2PBuilderCustomizer adds a FakeGateway before the build")
  void customizer() {
    runner()
        .withBean(
            P2PBuilderCustomizer.class,
            () -> builder -> builder.gateway("fake", FakeGateway.create()))
        .run(
            context ->
                assertThat(context.getBean(P2P.class).gatewayStatus())
                    .extracting(GatewayStatus::id, GatewayStatus::carrier)
                    .containsExactly(org.assertj.core.groups.Tuple.tuple("fake", "fake")));
  }

  @Test
  @DisplayName("the application's MeterRegistry and ObservationRegistry, when there are, reach p2p")
  void registriesBound() {
    runner()
        .run(
            context ->
                assertThat(context)
                    .doesNotHaveBean("p2pMeterRegistryCustomizer")
                    .doesNotHaveBean("p2pObservationRegistryCustomizer"));
    runner()
        .withBean(MeterRegistry.class, SimpleMeterRegistry::new)
        .withBean(ObservationRegistry.class, ObservationRegistry::create)
        .run(
            context -> {
              assertThat(context)
                  .hasBean("p2pMeterRegistryCustomizer")
                  .hasBean("p2pObservationRegistryCustomizer")
                  .hasSingleBean(P2P.class);
            });
  }

  @Test
  @DisplayName("the health contributor shows the store and each gateway's circuit")
  void health() {
    runner()
        .withPropertyValues(TWILIO)
        .run(
            context -> {
              assertThat(context).hasBean("p2pHealthIndicator");
              Health health = context.getBean(P2PHealthIndicator.class).health();
              assertThat(health.getStatus()).isEqualTo(Status.UP);
              assertThat(health.getDetails()).containsKeys("store", "gateways");
              assertThat(health.getDetails().get("gateways").toString())
                  .contains("twilio")
                  .contains("CLOSED");
            });
    runner()
        .withPropertyValues("management.health.p2p.enabled=false")
        .run(context -> assertThat(context).doesNotHaveBean(P2PHealthIndicator.class));
  }

  @Test
  @DisplayName("the health is DOWN, with the store's details, once the store is closed")
  void healthDownWithTheStore() {
    runner()
        .run(
            context -> {
              P2P p2p = context.getBean(P2P.class);
              context.getBean(Store.class).close();
              Health health = context.getBean(P2PHealthIndicator.class).health();
              assertThat(health.getStatus()).isEqualTo(Status.DOWN);
              assertThat(health.getDetails().get("store").toString()).contains("error");
              assertThat(p2p.storeHealth().up()).isFalse();
            });
  }

  @Test
  @DisplayName("the webhook endpoint exists in a servlet application only, unless turned off")
  void webhookEndpoint() {
    runner().run(context -> assertThat(context).doesNotHaveBean(P2PWebhookController.class));
    WebApplicationContextRunner web =
        new WebApplicationContextRunner()
            .withConfiguration(
                AutoConfigurations.of(
                    P2PAutoConfiguration.class, P2PWebhookAutoConfiguration.class))
            .withPropertyValues("p2p.store.type=memory");
    web.run(context -> assertThat(context).hasSingleBean(P2PWebhookController.class));
    web.withPropertyValues("p2p.webhooks.enabled=false")
        .run(context -> assertThat(context).doesNotHaveBean(P2PWebhookController.class));
    web.withBean("mine", P2PWebhookController.class, () -> new P2PWebhookController(UserP2P.P2P))
        .run(
            context -> {
              assertThat(context).hasSingleBean(P2PWebhookController.class);
              assertThat(context).hasBean("mine");
            });
  }

  @Test
  @DisplayName("the shutdown grace is p2p.shutdown.grace, else the shutdown phase's timeout")
  void shutdownGrace() {
    runner()
        .withPropertyValues("p2p.shutdown.grace=5s")
        .run(
            context ->
                assertThat(context.getBean(P2PGracefulShutdown.class).grace())
                    .isEqualTo(Duration.ofSeconds(5)));
    runner()
        .withPropertyValues("spring.lifecycle.timeout-per-shutdown-phase=7s")
        .run(
            context ->
                assertThat(context.getBean(P2PGracefulShutdown.class).grace())
                    .isEqualTo(Duration.ofSeconds(7)));
  }

  @Test
  @DisplayName("closing the context closes p2p and its store")
  void closesOnShutdown() {
    P2P[] seen = new P2P[1];
    runner()
        .run(
            context -> {
              seen[0] = context.getBean(P2P.class);
              assertThat(context.getBean(P2PGracefulShutdown.class).isRunning()).isTrue();
            });
    assertThat(seen[0].storeHealth().up()).as("the H2 pool p2p opened is closed").isFalse();
  }

  private static List<Violation> problems(Throwable failure) {
    Throwable t = failure;
    while (t != null && !(t instanceof InvalidP2PPropertiesException)) {
      t = t.getCause();
    }
    assertThat(t).as("an InvalidP2PPropertiesException in " + failure).isNotNull();
    return ((InvalidP2PPropertiesException) t).violations();
  }

  /** An application with the autoconfiguration only. */
  @SpringBootConfiguration
  @EnableAutoConfiguration
  static class BadApp {}

  @Configuration(proxyBeanMethods = false)
  static class DataSourceConfig {
    @Bean
    DataSource dataSource() {
      JdbcDataSource ds = new JdbcDataSource();
      ds.setURL("jdbc:h2:mem:app-" + System.nanoTime() + ";DB_CLOSE_DELAY=-1");
      return ds;
    }
  }

  @Configuration(proxyBeanMethods = false)
  static class UserBeans {
    static final Store STORE = InMemoryStore.create();
    static final TwilioGateway TWILIO =
        TwilioGateway.builder()
            .accountSid(ACCOUNT_SID)
            .authToken("another-token")
            .senderNumbers("+13125550177")
            .build();

    @Bean
    Store myStore() {
      return STORE;
    }

    @Bean
    TwilioGateway myTwilio() {
      return TWILIO;
    }
  }

  @Configuration(proxyBeanMethods = false)
  static class UserP2P {
    static final P2P P2P = dev.p2p.P2P.builder().store(InMemoryStore.create()).build();

    @Bean
    P2P myP2p() {
      return P2P;
    }
  }
}

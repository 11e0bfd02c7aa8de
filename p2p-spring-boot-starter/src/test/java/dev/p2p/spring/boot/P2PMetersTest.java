package dev.p2p.spring.boot;

import static org.assertj.core.api.Assertions.assertThat;

import dev.p2p.Organization;
import dev.p2p.P2P;
import dev.p2p.action.ActionDraft;
import dev.p2p.action.SenderSettings;
import dev.p2p.assign.Target;
import dev.p2p.contact.NewContact;
import dev.p2p.conversation.Texter;
import dev.p2p.testkit.FakeGateway;
import dev.p2p.texter.TexterProfile;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/** p2p's meters land in the application's MeterRegistry bean. */
class P2PMetersTest {
  @Test
  @DisplayName("after a FakeGateway send, p2p.messages.sent is in the application's registry")
  void metersInTheApplicationsRegistry() {
    runner()
        .run(
            context -> {
              sendOne(context.getBean(P2P.class));
              MeterRegistry registry = context.getBean(MeterRegistry.class);
              assertThat(registry.get("p2p.messages.sent").counter().count()).isEqualTo(1);
              assertThat(registry.get("p2p.messages.sent").counter().getId().getTag("organization"))
                  .isNull();
            });
  }

  @Test
  @DisplayName("p2p.metrics.tag-organization=true tags an organization's meters with its id")
  void organizationTag() {
    runner()
        .withPropertyValues("p2p.metrics.tag-organization=true")
        .run(
            context -> {
              sendOne(context.getBean(P2P.class));
              MeterRegistry registry = context.getBean(MeterRegistry.class);
              assertThat(
                      registry
                          .get("p2p.messages.sent")
                          .tags("organization", "acme")
                          .counter()
                          .count())
                  .isEqualTo(1);
            });
  }

  private final FakeGateway fake = FakeGateway.create();

  private ApplicationContextRunner runner() {
    Instant noon = P2PStarterHttpTest.weekdayNoonInChicago();
    Clock clock = Clock.offset(Clock.systemUTC(), Duration.between(Instant.now(), noon));
    return new ApplicationContextRunner()
        .withConfiguration(
            AutoConfigurations.of(P2PAutoConfiguration.class, P2PMetricsAutoConfiguration.class))
        .withPropertyValues("p2p.store.type=memory")
        .withBean(MeterRegistry.class, SimpleMeterRegistry::new)
        .withBean(P2PBuilderCustomizer.class, () -> b -> b.gateway("fake", fake).clock(clock));
  }

  /** One first message of organization acme through the fake gateway. */
  private void sendOne(P2P p2p) {
    Organization org = p2p.organization("acme");
    org.texters().upsert(new TexterProfile("ana", "Ana", "Diaz"));
    long list = org.contacts().createList("voters").id();
    org.contacts().add(list, NewContact.builder("+13125550101").build());
    long action =
        org.actions()
            .create(
                ActionDraft.named("GOTV")
                    .contacts(list)
                    .initial("Hi")
                    .sender(SenderSettings.numbers("fake", List.of(FakeGateway.DEFAULT_NUMBER))))
            .id();
    org.actions().publish(action);
    org.assignments().assign(action, Target.texter("ana"));
    Texter ana = org.texter("ana");
    ana.requestBatch(action);
    ana.send(ana.nextToSend(action).orElseThrow().conversationId());
    assertThat(fake.sent()).hasSize(1);
  }
}

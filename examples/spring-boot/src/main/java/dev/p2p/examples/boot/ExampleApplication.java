package dev.p2p.examples.boot;

import dev.p2p.spring.boot.P2PBuilderCustomizer;
import dev.p2p.testkit.FakeGateway;
import java.net.URI;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;

/**
 * A Spring Boot application using p2p: the starter builds the {@code P2P} bean, the webhook
 * endpoint, the {@code p2p} health contributor and the meters from {@code application.properties}.
 * With {@code p2p.example.fake-gateway=true} (the default) a simulated carrier, {@link
 * FakeGateway}, is registered as gateway {@code fake}, so the example runs with no carrier account.
 */
@SpringBootApplication
public class ExampleApplication {
  /**
   * Starts the application.
   *
   * @param args Spring Boot's command line arguments
   */
  public static void main(String[] args) {
    SpringApplication.run(ExampleApplication.class, args);
  }

  /**
   * The simulated carrier; it signs its webhooks for {@code <public-url>/webhooks/fake}.
   *
   * @param publicUrl the application's URL as the carrier calls it ({@code p2p.example.public-url})
   * @return the fake carrier
   */
  @Bean
  @ConditionalOnProperty(name = "p2p.example.fake-gateway", matchIfMissing = true)
  FakeGateway fakeGateway(@Value("${p2p.example.public-url}") String publicUrl) {
    return FakeGateway.builder().webhookUrl(URI.create(publicUrl + "/webhooks/fake")).build();
  }

  /**
   * Registers the simulated carrier with p2p as gateway {@code fake}.
   *
   * @param fake the simulated carrier
   * @return the customizer of p2p's builder
   */
  @Bean
  @ConditionalOnProperty(name = "p2p.example.fake-gateway", matchIfMissing = true)
  P2PBuilderCustomizer fakeCarrier(FakeGateway fake) {
    return builder -> builder.gateway("fake", fake);
  }
}

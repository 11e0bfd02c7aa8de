package dev.p2p.spring.boot;

import dev.p2p.P2P;

/**
 * Changes the autoconfigured {@link P2P.Builder} before it builds: registers another gateway (a
 * {@code FakeGateway} in a test), sets a clock, an executor or a cost model. Every bean of this
 * type is applied, in {@link org.springframework.core.annotation.Order} order, after the starter
 * set what the {@code p2p.*} properties say.
 */
@FunctionalInterface
public interface P2PBuilderCustomizer {
  /**
   * Changes the builder.
   *
   * @param builder the builder the starter set up from the properties
   */
  void customize(P2P.Builder builder);
}

package dev.p2p.spring.boot;

import dev.p2p.P2P;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.web.servlet.DispatcherServlet;

/**
 * The Spring MVC webhook endpoint ({@link P2PWebhookController}) in a servlet web application;
 * {@code p2p.webhooks.enabled=false} turns it off, a bean of that type replaces it.
 */
@AutoConfiguration(after = P2PAutoConfiguration.class)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@ConditionalOnClass({DispatcherServlet.class, P2P.class})
@ConditionalOnBean(P2P.class)
@ConditionalOnBooleanProperty(name = "p2p.webhooks.enabled", matchIfMissing = true)
public class P2PWebhookAutoConfiguration {
  /** Created by Spring. */
  public P2PWebhookAutoConfiguration() {}

  /**
   * The endpoint.
   *
   * @param p2p the instance whose webhook pipeline handles the requests
   * @return the controller
   */
  @Bean
  @ConditionalOnMissingBean
  public P2PWebhookController p2pWebhookController(P2P p2p) {
    return new P2PWebhookController(p2p);
  }
}

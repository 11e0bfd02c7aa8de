package dev.p2p.spring.boot;

import java.util.Locale;
import java.util.Set;
import org.springframework.boot.actuate.endpoint.SanitizableData;
import org.springframework.boot.actuate.endpoint.SanitizingFunction;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.context.annotation.Bean;

/**
 * Masks p2p's secrets ({@code p2p.twilio.auth-token}, {@code p2p.twilio.api-key-secret}, {@code
 * p2p.bandwidth.client-secret}, {@code p2p.bandwidth.callback-password}) in {@code
 * /actuator/configprops} and {@code /actuator/env} even when those endpoints are set to show
 * values.
 */
@AutoConfiguration
@ConditionalOnClass(SanitizingFunction.class)
public class P2PActuatorAutoConfiguration {
  private static final Set<String> SECRETS =
      Set.of(
          "auth-token",
          "authtoken",
          "api-key-secret",
          "apikeysecret",
          "client-secret",
          "clientsecret",
          "callback-password",
          "callbackpassword");

  /** Created by Spring. */
  public P2PActuatorAutoConfiguration() {}

  /**
   * The sanitizer.
   *
   * @return a function masking p2p's secret keys
   */
  @Bean
  public SanitizingFunction p2pSecretsSanitizer() {
    return data -> isSecret(data) ? data.withSanitizedValue() : data;
  }

  private static boolean isSecret(SanitizableData data) {
    String key = data.getLowerCaseKey();
    String last =
        key.substring(key.lastIndexOf('.') + 1).replace('_', '-').toLowerCase(Locale.ROOT);
    return SECRETS.stream().anyMatch(last::endsWith);
  }
}

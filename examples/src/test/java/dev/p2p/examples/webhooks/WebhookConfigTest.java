package dev.p2p.examples.webhooks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.p2p.ValidationException;
import dev.p2p.Violation;
import java.net.URI;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** How the environment variables become a configuration, or a list of every problem. */
class WebhookConfigTest {

  /** Every variable of both carriers, set to working values. */
  static Map<String, String> fullEnvironment() {
    Map<String, String> env = new HashMap<>();
    env.put("P2P_PUBLIC_URL", "https://crm.example.com/");
    env.put("TWILIO_ACCOUNT_SID", WebhookServerTest.TWILIO_ACCOUNT_SID);
    env.put("TWILIO_AUTH_TOKEN", WebhookServerTest.TWILIO_AUTH_TOKEN);
    env.put("TWILIO_NUMBERS", WebhookServerTest.TWILIO_NUMBER + ", +13125550197");
    env.put("BANDWIDTH_ACCOUNT_ID", "9900000");
    env.put("BANDWIDTH_APPLICATION_ID", "93de2206-9669-4e07-948d-329f4b722ee2");
    env.put("BANDWIDTH_NUMBERS", WebhookServerTest.BANDWIDTH_NUMBER);
    env.put("BANDWIDTH_CLIENT_ID", "client-id");
    env.put("BANDWIDTH_CLIENT_SECRET", "client-secret-value");
    env.put("BANDWIDTH_CALLBACK_USER", WebhookServerTest.CALLBACK_USER);
    env.put("BANDWIDTH_CALLBACK_PASSWORD", WebhookServerTest.CALLBACK_PASSWORD);
    return env;
  }

  private static List<String> problems(Map<String, String> env) {
    ValidationException e =
        catchThrowableOfType(() -> WebhookConfig.fromEnvironment(env), ValidationException.class);
    assertThat(e).as("a configuration error").isNotNull();
    return e.violations().stream().map(Violation::field).toList();
  }

  @Test
  @DisplayName("both carriers set: defaults for the port and the database, the URL's slash dropped")
  void full() {
    WebhookConfig config = WebhookConfig.fromEnvironment(fullEnvironment());
    assertThat(config.port()).isEqualTo(8080);
    assertThat(config.publicUrl()).isEqualTo(URI.create("https://crm.example.com"));
    assertThat(config.jdbcUrl()).isEmpty();
    assertThat(config.gateways()).containsOnlyKeys("twilio", "bandwidth");
  }

  @Test
  @DisplayName("one carrier is enough; P2P_PORT and P2P_JDBC_URL are read")
  void bandwidthAlone() {
    Map<String, String> env = fullEnvironment();
    env.keySet().removeIf(name -> name.startsWith("TWILIO_"));
    env.put("P2P_PORT", "9090");
    env.put("P2P_JDBC_URL", "jdbc:postgresql://db.internal/p2p?password=secret");
    WebhookConfig config = WebhookConfig.fromEnvironment(env);
    assertThat(config.port()).isEqualTo(9090);
    assertThat(config.jdbcUrl()).contains("jdbc:postgresql://db.internal/p2p?password=secret");
    assertThat(config.gateways()).containsOnlyKeys("bandwidth");
  }

  @Test
  @DisplayName("half-set carriers and no public URL: every missing variable is named at once")
  void missing() {
    Map<String, String> env =
        Map.of(
            "TWILIO_ACCOUNT_SID",
            WebhookServerTest.TWILIO_ACCOUNT_SID,
            "BANDWIDTH_CALLBACK_USER",
            "bandwidth");
    assertThat(problems(env))
        .containsExactlyInAnyOrder(
            "P2P_PUBLIC_URL",
            "TWILIO_AUTH_TOKEN",
            "TWILIO_MESSAGING_SERVICE_SID or TWILIO_NUMBERS",
            "BANDWIDTH_ACCOUNT_ID",
            "BANDWIDTH_APPLICATION_ID",
            "BANDWIDTH_NUMBERS",
            "BANDWIDTH_CLIENT_ID",
            "BANDWIDTH_CLIENT_SECRET",
            "BANDWIDTH_CALLBACK_PASSWORD");
  }

  @Test
  @DisplayName("no carrier at all is an error naming every carrier variable")
  void noCarrier() {
    ValidationException e =
        catchThrowableOfType(
            () -> WebhookConfig.fromEnvironment(Map.of("P2P_PUBLIC_URL", "https://crm.example")),
            ValidationException.class);
    assertThat(e.violations()).hasSize(1);
    assertThat(e.getMessage())
        .contains(
            "TWILIO_ACCOUNT_SID",
            "TWILIO_AUTH_TOKEN",
            "TWILIO_MESSAGING_SERVICE_SID",
            "TWILIO_NUMBERS",
            "BANDWIDTH_ACCOUNT_ID",
            "BANDWIDTH_APPLICATION_ID",
            "BANDWIDTH_NUMBERS",
            "BANDWIDTH_CLIENT_ID",
            "BANDWIDTH_CLIENT_SECRET",
            "BANDWIDTH_CALLBACK_USER",
            "BANDWIDTH_CALLBACK_PASSWORD");
  }

  @Test
  @DisplayName("bad values are named by their variable, the gateways' checks included")
  void bad() {
    Map<String, String> env = fullEnvironment();
    env.put("P2P_PORT", "80800");
    env.put("P2P_PUBLIC_URL", "https://crm.example.com/p2p");
    env.put("P2P_JDBC_URL", "postgresql://db/p2p");
    env.put("TWILIO_ACCOUNT_SID", "AC123");
    env.put("TWILIO_NUMBERS", "+13125550199,555-0100,12");
    env.put("BANDWIDTH_ACCOUNT_ID", "acme");
    assertThat(problems(env))
        .containsExactlyInAnyOrder(
            "P2P_PORT",
            "P2P_PUBLIC_URL",
            "P2P_JDBC_URL",
            "TWILIO_ACCOUNT_SID",
            "TWILIO_NUMBERS[1]",
            "TWILIO_NUMBERS[2]",
            "BANDWIDTH_ACCOUNT_ID");
  }

  @Test
  @DisplayName("a public host Twilio refuses (an underscore) is named as P2P_PUBLIC_URL")
  void underscore() {
    Map<String, String> env = fullEnvironment();
    env.put("P2P_PUBLIC_URL", "https://crm_acme.example.com");
    assertThat(problems(env)).containsExactly("P2P_PUBLIC_URL");
  }

  @Test
  @DisplayName("toString shows neither a secret nor the JDBC URL")
  void noSecrets() {
    Map<String, String> env = fullEnvironment();
    env.put("P2P_JDBC_URL", "jdbc:postgresql://db.internal/p2p?password=hunter2");
    String text = WebhookConfig.fromEnvironment(env).toString();
    assertThat(text).contains("https://crm.example.com", "twilio", "bandwidth");
    assertThat(text)
        .doesNotContain(
            WebhookServerTest.TWILIO_AUTH_TOKEN,
            "client-secret-value",
            WebhookServerTest.CALLBACK_PASSWORD,
            "hunter2");
  }
}

package dev.p2p.examples.boot;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.p2p.P2P;
import dev.p2p.conversation.Direction;
import dev.p2p.conversation.Message;
import dev.p2p.gateway.WebhookRequest;
import dev.p2p.spring.boot.P2PBuilderCustomizer;
import dev.p2p.testkit.FakeGateway;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The example application as {@code mvn spring-boot:run} starts it, on a random port with its H2
 * files in a temporary directory: the health, a demo send and its meter, and the fake carrier's
 * signed webhook through a proxy's {@code X-Forwarded-*} headers.
 */
@SpringBootTest(
    webEnvironment = WebEnvironment.RANDOM_PORT,
    properties = "p2p.example.public-url=https://crm.example.org")
class ExampleApplicationTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir static Path h2;

  private final HttpClient http = HttpClient.newHttpClient();

  @LocalServerPort int port;
  @Autowired P2P p2p;
  @Autowired FakeGateway fake;

  /** p2p's clock at a weekday noon in Chicago, inside every texting window. */
  @TestConfiguration
  static class Noon {
    @Bean
    P2PBuilderCustomizer noon() {
      LocalDate day = LocalDate.now(ZoneOffset.UTC).plusDays(2);
      while (day.getDayOfWeek() == DayOfWeek.SATURDAY || day.getDayOfWeek() == DayOfWeek.SUNDAY) {
        day = day.plusDays(1);
      }
      Instant noon = day.atTime(12, 0).atZone(ZoneId.of("America/Chicago")).toInstant();
      Clock clock = Clock.offset(Clock.systemUTC(), Duration.between(Instant.now(), noon));
      return builder -> builder.clock(clock);
    }
  }

  @DynamicPropertySource
  static void h2InTempDir(DynamicPropertyRegistry registry) {
    registry.add("p2p.store.h2.path", () -> h2.toString());
  }

  @Test
  @DisplayName("the application starts with a P2P bean on H2 files in the configured directory")
  void starts() throws IOException {
    assertThat(p2p).isNotNull();
    try (Stream<Path> files = Files.list(h2)) {
      assertThat(files).isNotEmpty();
    }
  }

  @Test
  @DisplayName("/actuator/health shows the p2p component UP, with its store and the fake gateway")
  void health() throws Exception {
    HttpResponse<String> response = get("/actuator/health");
    assertThat(response.statusCode()).isEqualTo(200);
    JsonNode p2pHealth = JSON.readTree(response.body()).path("components").path("p2p");
    assertThat(p2pHealth.path("status").asText()).isEqualTo("UP");
    assertThat(p2pHealth.path("details").path("store").path("status").asText()).isEqualTo("UP");
    JsonNode fakeGateway = p2pHealth.path("details").path("gateways").path("fake");
    assertThat(fakeGateway.path("carrier").asText()).isEqualTo(FakeGateway.CARRIER);
    assertThat(fakeGateway.path("circuit").asText()).isEqualTo("CLOSED");
  }

  @Test
  @DisplayName("a send through POST /demo/send adds one to /actuator/metrics/p2p.messages.sent")
  void sendCounted() throws Exception {
    double before = sentCount();
    JsonNode sent = demoSend("+13125550101");
    assertThat(sent.path("status").asText()).as("accepted by the carrier").isEqualTo("QUEUED");
    assertThat(sent.path("carrierMessageId").asText()).startsWith(FakeGateway.DEFAULT_ID_PREFIX);
    assertThat(fake.sentTo("+13125550101")).hasSize(1);
    assertThat(sentCount()).isEqualTo(before + 1);
  }

  @Test
  @DisplayName("a bad phone gets 400 naming the problem, and nothing is sent")
  void badPhone() throws Exception {
    HttpResponse<String> response = post("/demo/send?to=12", HttpRequest.newBuilder());
    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(response.body()).contains("phone");
  }

  @Test
  @DisplayName(
      "the fake carrier's signed reply, posted through a proxy to /webhooks/fake, is stored")
  void replyStored() throws Exception {
    long conversation = demoSend("+13125550102").path("conversationId").asLong();
    WebhookRequest reply =
        fake.webhooks().inbound("+13125550102", FakeGateway.DEFAULT_NUMBER, "Yes, I will vote");
    assertThat(forward(reply).statusCode()).isBetween(200, 299);
    WebhookRequest forged =
        fake.webhooks()
            .withBadSignature(
                fake.webhooks().inbound("+13125550102", FakeGateway.DEFAULT_NUMBER, "forged"));
    assertThat(forward(forged).statusCode()).isEqualTo(403);
    List<String> inbound =
        p2p.organization("demo").conversations().messages(conversation, 50).items().stream()
            .filter(m -> m.direction() == Direction.INBOUND)
            .map(Message::body)
            .toList();
    assertThat(inbound).containsExactly("Yes, I will vote");
  }

  // --- HTTP ---

  private JsonNode demoSend(String phone) throws IOException, InterruptedException {
    HttpResponse<String> response =
        post("/demo/send?to=" + phone.replace("+", "%2B"), HttpRequest.newBuilder());
    assertThat(response.statusCode()).isEqualTo(200);
    return JSON.readTree(response.body());
  }

  private double sentCount() throws IOException, InterruptedException {
    HttpResponse<String> response = get("/actuator/metrics/p2p.messages.sent");
    if (response.statusCode() == 404) {
      return 0; // no send yet in this JVM
    }
    assertThat(response.statusCode()).isEqualTo(200);
    for (JsonNode measurement : JSON.readTree(response.body()).path("measurements")) {
      if (measurement.path("statistic").asText().equals("COUNT")) {
        return measurement.path("value").asDouble();
      }
    }
    throw new AssertionError("no COUNT in " + response.body());
  }

  /**
   * Posts the fake carrier's request to the local endpoint as a proxy in front of {@code
   * https://crm.example.org} would: the signature covers the public URL.
   */
  private HttpResponse<String> forward(WebhookRequest request)
      throws IOException, InterruptedException {
    assertThat(request.url()).isEqualTo(URI.create("https://crm.example.org/webhooks/fake"));
    HttpRequest.Builder builder =
        HttpRequest.newBuilder()
            .header("X-Forwarded-Proto", "https")
            .header("X-Forwarded-Host", "crm.example.org");
    request
        .headers()
        .forEach(
            (name, values) -> {
              if (!name.equals("host") && !name.equals("content-length")) {
                values.forEach(value -> builder.header(name, value));
              }
            });
    builder.POST(HttpRequest.BodyPublishers.ofByteArray(request.body()));
    return http.send(
        builder.uri(URI.create("http://localhost:" + port + "/webhooks/fake")).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private HttpResponse<String> post(String path, HttpRequest.Builder builder)
      throws IOException, InterruptedException {
    return http.send(
        builder
            .uri(URI.create("http://localhost:" + port + path))
            .POST(HttpRequest.BodyPublishers.noBody())
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private HttpResponse<String> get(String path) throws IOException, InterruptedException {
    return http.send(
        HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).GET().build(),
        HttpResponse.BodyHandlers.ofString());
  }
}

package dev.p2p.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.p2p.gateway.CarrierMessage;
import dev.p2p.gateway.GatewayError;
import dev.p2p.gateway.GatewayEvent;
import dev.p2p.gateway.OutboundMessage;
import dev.p2p.gateway.SendReceipt;
import dev.p2p.gateway.Sender;
import dev.p2p.gateway.SentLookup;
import dev.p2p.gateway.WebhookRequest;
import dev.p2p.gateway.WebhookResponse;
import dev.p2p.gateway.WebhookResult;
import java.io.IOException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.RecordComponent;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Keeps docs/writing-a-gateway-adapter.md in step with the gateway SPI and the contract kit. */
class AdapterGuideTest {
  /** Every value an adapter builds or reads, as the guide's table of values names it. */
  private static final List<Class<?>> VALUES =
      List.of(
          OutboundMessage.class,
          Sender.Number.class,
          Sender.MessagingService.class,
          SendReceipt.class,
          GatewayEvent.InboundMessage.class,
          GatewayEvent.StatusUpdate.class,
          GatewayError.RateLimited.class,
          CarrierMessage.class,
          SentLookup.class,
          WebhookRequest.class,
          WebhookResponse.class,
          WebhookResult.Accepted.class,
          WebhookResult.Rejected.class,
          WireMessage.class);

  private static String guide() throws IOException {
    return Files.readString(
        Path.of("").toAbsolutePath().getParent().resolve("docs/writing-a-gateway-adapter.md"),
        StandardCharsets.UTF_8);
  }

  private static boolean names(String text, String method) {
    return text.contains("`" + method + "`") || text.contains("`" + method + "(");
  }

  @Test
  @DisplayName("the guide names every method of GatewayStubs")
  void namesEveryStubsMethod() throws IOException {
    String guide = guide();
    Arrays.stream(GatewayStubs.class.getMethods())
        .map(Method::getName)
        .distinct()
        .forEach(
            name ->
                assertThat(names(guide, name))
                    .as("the guide names GatewayStubs.%s", name)
                    .isTrue());
  }

  @Test
  @DisplayName("the guide names every hook a GatewayContract subclass can override")
  void namesEveryContractHook() throws IOException {
    String guide = guide();
    Arrays.stream(GatewayContract.class.getDeclaredMethods())
        .filter(m -> Modifier.isProtected(m.getModifiers()))
        .map(Method::getName)
        .forEach(
            name ->
                assertThat(names(guide, name))
                    .as("the guide names GatewayContract.%s", name)
                    .isTrue());
  }

  @Test
  @DisplayName("the guide's table of values names every component of every SPI value")
  void namesEveryComponent() throws IOException {
    List<String> lines = guide().lines().toList();
    for (Class<?> value : VALUES) {
      String name = displayName(value);
      Optional<String> row =
          lines.stream().filter(l -> l.startsWith("| `" + name + "` |")).findFirst();
      assertThat(row).as("a row for %s", name).isPresent();
      for (RecordComponent component : value.getRecordComponents()) {
        assertThat(row.get())
            .as("the row of %s names %s", name, component.getName())
            .contains("`" + component.getName() + "`");
      }
    }
  }

  private static String displayName(Class<?> value) {
    Class<?> outer = value.getDeclaringClass();
    return outer == null
        ? value.getSimpleName()
        : outer.getSimpleName() + "." + value.getSimpleName();
  }
}

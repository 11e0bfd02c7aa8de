package dev.p2p.gateway;

import dev.p2p.P2P;
import dev.p2p.conversation.Message;
import dev.p2p.conversation.QueuedMessage;
import dev.p2p.store.ActionStore;
import dev.p2p.store.InMemoryStore;
import dev.p2p.store.MessageStore;
import dev.p2p.store.Store;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

/**
 * What the pipeline tests share: an in-memory store that can be told to fail, a clock the test
 * moves, and requests in {@link LineGateway}'s format.
 */
final class WebhookHarness {
  static final String ORG = "acme";
  static final String OUR_NUMBER = "+13125550100";
  static final String CONTACT = "+13125550123";
  static final Instant T0 = Instant.parse("2026-11-03T14:00:00Z");

  final InMemoryStore memory = InMemoryStore.create();
  final AtomicReference<String> failing = new AtomicReference<>("");
  final Store store = failingOn(memory, failing);
  final MovableClock clock = new MovableClock(T0);

  /**
   * A store that throws from the operation named in {@code failing}, in the store itself or in one
   * of its parts (each part wrapped once, so the accessors still return one instance).
   */
  private static Store failingOn(Store target, AtomicReference<String> failing) {
    ActionStore actions = failingOn(ActionStore.class, target.actions(), failing, Map.of());
    MessageStore messages = failingOn(MessageStore.class, target.messages(), failing, Map.of());
    return failingOn(
        Store.class, target, failing, Map.of("actions", actions, "messages", messages));
  }

  private static <T> T failingOn(
      Class<T> type, T target, AtomicReference<String> failing, Map<String, Object> parts) {
    return type.cast(
        Proxy.newProxyInstance(
            WebhookHarness.class.getClassLoader(),
            new Class<?>[] {type},
            (proxy, method, args) -> {
              if (method.getName().equals(failing.get())) {
                throw new dev.p2p.P2PException("database unreachable");
              }
              Object part = method.getParameterCount() == 0 ? parts.get(method.getName()) : null;
              if (part != null) {
                return part;
              }
              try {
                return method.invoke(target, args);
              } catch (InvocationTargetException e) {
                throw e.getCause();
              }
            }));
  }

  P2P p2p(Map<String, SmsGateway> gateways) {
    P2P.Builder builder = P2P.builder().store(store).clock(clock);
    gateways.forEach(builder::gateway);
    P2P p2p = builder.build();
    p2p.organization(ORG);
    return p2p;
  }

  /** An outbound message of the organization, sent with this carrier id through the gateway. */
  long sentMessage(String gatewayId, String carrierId) {
    long id =
        memory
            .messages()
            .recordOutbound(
                ORG,
                new QueuedMessage(
                    gatewayId, "ref-" + carrierId, OUR_NUMBER, CONTACT, "Hi", List.of(), 1),
                T0);
    memory.messages().markSent(ORG, id, SendReceipt.queued(carrierId), T0);
    return id;
  }

  Message message(long id) {
    return memory.messages().findMessage(ORG, id).orElseThrow();
  }

  Optional<Message> byCarrierId(String gatewayId, String carrierId) {
    return memory.messages().findMessageByCarrierId(ORG, gatewayId, carrierId);
  }

  static WebhookRequest request(String url, String body) {
    return WebhookRequest.of(
        "POST",
        url,
        Map.of("X-Secret", List.of(LineGateway.SECRET)),
        body.getBytes(StandardCharsets.UTF_8));
  }

  static WebhookRequest unsigned(String url, String body) {
    return WebhookRequest.of("POST", url, Map.of(), body.getBytes(StandardCharsets.UTF_8));
  }

  /** A clock that stays put until the test moves it. */
  static final class MovableClock extends Clock {
    private volatile Instant now;

    MovableClock(Instant now) {
      this.now = now;
    }

    void set(Instant instant) {
      now = instant;
    }

    @Override
    public ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      return this;
    }

    @Override
    public Instant instant() {
      return now;
    }
  }
}

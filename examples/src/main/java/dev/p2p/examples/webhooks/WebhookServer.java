package dev.p2p.examples.webhooks;

import com.sun.net.httpserver.HttpServer;
import dev.p2p.P2P;
import dev.p2p.ValidationException;
import dev.p2p.event.Subscription;
import dev.p2p.examples.webhooks.WebhookHandler.Route;
import dev.p2p.store.Store;
import dev.p2p.store.jdbc.JdbcStore;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An HTTP server for the carriers' webhooks: {@code POST /webhooks/twilio} (inbound messages),
 * {@code /webhooks/twilio/status} (status callbacks) and {@code /webhooks/bandwidth} (both), each
 * handed to {@code p2p.webhooks()}. Other paths get 404, other methods 405, bodies over 1 MiB 413.
 *
 * <pre>{@code
 * try (WebhookServer server = WebhookServer.start(WebhookConfig.fromEnvironment(env))) {
 *   Organization acme = server.p2p().organization("acme");
 * }
 * }</pre>
 *
 * <p>Thread-safe. {@link #close()} stops it and closes p2p and its database.
 */
public final class WebhookServer implements AutoCloseable {
  /** Exit code of {@link #main} when the configuration has problems. */
  public static final int BAD_CONFIGURATION = 2;

  private static final Logger log = LoggerFactory.getLogger(WebhookServer.class);
  private static final int THREADS = 8;
  private static final int STOP_GRACE_SECONDS = 1;

  private final HttpServer http;
  private final ExecutorService executor;
  private final P2P p2p;
  private final Subscription eventLog;
  private final AtomicBoolean closed = new AtomicBoolean();

  private WebhookServer(HttpServer http, ExecutorService executor, P2P p2p, Subscription log) {
    this.http = http;
    this.executor = executor;
    this.p2p = p2p;
    this.eventLog = log;
  }

  /**
   * Opens the database, registers the configured carriers and starts serving.
   *
   * @throws UncheckedIOException if the port cannot be bound
   */
  public static WebhookServer start(WebhookConfig config) {
    Store store =
        config.jdbcUrl().isPresent()
            ? JdbcStore.of(config.jdbcUrl().get())
            : JdbcStore.h2(WebhookConfig.DEFAULT_DATA_DIR);
    P2P.Builder builder = P2P.builder().store(store);
    config.gateways().forEach(builder::gateway); // the ids are the path segments p2p routes by
    P2P p2p = builder.build();
    Map<String, Route> routes = new LinkedHashMap<>();
    if (config.gateways().containsKey(WebhookConfig.TWILIO)) {
      // Twilio posts; a number's "A message comes in" may be set to HTTP GET instead.
      routes.put("/webhooks/twilio", new Route(WebhookConfig.TWILIO, List.of("POST", "GET")));
      routes.put("/webhooks/twilio/status", new Route(WebhookConfig.TWILIO, List.of("POST")));
    }
    if (config.gateways().containsKey(WebhookConfig.BANDWIDTH)) {
      routes.put("/webhooks/bandwidth", new Route(WebhookConfig.BANDWIDTH, List.of("POST")));
    }
    ExecutorService executor = Executors.newFixedThreadPool(THREADS, threads());
    boolean started = false;
    try {
      HttpServer http = HttpServer.create(new InetSocketAddress(config.port()), 0);
      http.createContext("/", new WebhookHandler(p2p.webhooks(), config.publicUrl(), routes));
      http.setExecutor(executor);
      Subscription eventLog = p2p.events().subscribe(new EventLog());
      http.start();
      started = true;
      WebhookServer server = new WebhookServer(http, executor, p2p, eventLog);
      log.info(
          "Listening on port {} for {}",
          server.port(),
          routes.keySet().stream().map(path -> config.publicUrl() + path).toList());
      return server;
    } catch (IOException e) {
      throw new UncheckedIOException("could not listen on port " + config.port(), e);
    } finally {
      if (!started) {
        executor.shutdownNow();
        p2p.close();
      }
    }
  }

  /** The port it listens on (the one picked when the configuration said 0). */
  public int port() {
    return http.getAddress().getPort();
  }

  /** The p2p instance the webhooks feed: organizations, conversations, events. */
  public P2P p2p() {
    return p2p;
  }

  /**
   * Stops accepting requests, lets those in progress finish (a second at most), then closes p2p and
   * the database. Idempotent.
   */
  @Override
  public void close() {
    if (!closed.compareAndSet(false, true)) {
      return;
    }
    http.stop(STOP_GRACE_SECONDS);
    executor.shutdown();
    try {
      executor.awaitTermination(STOP_GRACE_SECONDS, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    eventLog.close();
    p2p.close();
    log.info("Stopped");
  }

  /**
   * Runs the server configured by environment variables (see {@code examples/README.md}) until the
   * JVM is stopped; exits with {@value #BAD_CONFIGURATION} when the configuration has problems,
   * after listing them all.
   */
  public static void main(String[] args) {
    WebhookConfig config;
    try {
      config = WebhookConfig.fromEnvironment(System.getenv());
    } catch (ValidationException e) {
      System.err.println("The webhook server is not configured:");
      e.violations().forEach(v -> System.err.println("  " + v));
      System.err.println("See the section \"Webhook server\" of examples/README.md.");
      System.exit(BAD_CONFIGURATION);
      return;
    }
    WebhookServer server = start(config);
    // Ctrl-C or SIGTERM: finish the callbacks in progress, then close p2p and the database. The
    // server's threads keep the JVM running until then.
    Runtime.getRuntime().addShutdownHook(new Thread(() -> stop(server), "webhook-server-stop"));
  }

  private static void stop(WebhookServer server) {
    try {
      server.close();
    } catch (RuntimeException e) {
      // H2's own shutdown hook may close an embedded database first; it closes it cleanly.
      log.warn("Closing p2p at shutdown: {}", e.toString());
    }
  }

  private static ThreadFactory threads() {
    AtomicInteger count = new AtomicInteger();
    return task -> new Thread(task, "webhook-" + count.incrementAndGet());
  }
}

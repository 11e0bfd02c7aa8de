package dev.p2p.benchmarks;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.p2p.gateway.OutboundMessage;
import dev.p2p.gateway.Sender;
import dev.p2p.gateway.bandwidth.BandwidthGateway;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntFunction;

/**
 * Sends per second through {@link BandwidthGateway} against a local stub of Bandwidth's messaging
 * API (the JDK's {@code com.sun.net.httpserver}), next to plain {@code java.net.http} posting the
 * same JSON with the same headers at the same concurrency. The stub answers each send with a 202
 * and a {@code Message} body at once, so the figures are the client side's cost: the adapter's JSON
 * building, token check and answer parsing against a request posted from ready bytes.
 *
 * <p>Arguments, each {@code name=value}, all optional: {@code sends} per round (20,000), {@code
 * concurrency} sends in flight (16), {@code rounds} measured rounds per side (5), {@code warmup}
 * sends per side before them (20,000), {@code serverThreads} (4). Sides alternate round by round.
 */
public final class BandwidthSendBenchmark {
  private static final String ACCOUNT = "9900000";
  private static final String APPLICATION = "93de2206-9669-4e07-948d-329f4b722ee2";
  private static final String SENDER = "+13125550199";
  private static final String TEXT =
      "Hi Ana, it's Ben with Acme. Can we count on your vote on Tuesday?";
  private static final byte[] TOKEN =
      "{\"access_token\":\"bench-token\",\"token_type\":\"Bearer\",\"expires_in\":3600}"
          .getBytes(StandardCharsets.UTF_8);
  private static final byte[] ACCEPTED =
      ("{\"id\":\"1589228074636lm4k2je7j7jklbn2\",\"owner\":\"+13125550199\",\"applicationId\":\""
              + APPLICATION
              + "\",\"time\":\"2026-11-03T14:00:00.123Z\",\"segmentCount\":1,\"direction\":\"out\","
              + "\"to\":[\"+13125550101\"],\"from\":\"+13125550199\",\"text\":\"\",\"tag\":\"p2p:m\","
              + "\"priority\":\"default\"}")
          .getBytes(StandardCharsets.UTF_8);

  private BandwidthSendBenchmark() {}

  /** Runs the benchmark and prints its figures. */
  public static void main(String[] args) throws Exception {
    Map<String, Integer> options = options(args);
    compare(
        options.getOrDefault("sends", 20_000),
        options.getOrDefault("concurrency", 16),
        options.getOrDefault("rounds", 5),
        options.getOrDefault("warmup", 20_000),
        options.getOrDefault("serverThreads", 4));
  }

  /** Median sends/s of the adapter and of the plain client. */
  record Medians(double adapter, double plain) {}

  /**
   * {@code warmup} sends per side, then {@code rounds} rounds of {@code sends} per side, plain
   * client and adapter alternating, against a new stub; prints each round and the medians.
   */
  static Medians compare(int sends, int concurrency, int rounds, int warmup, int serverThreads)
      throws Exception {
    // The JDK server leaves Nagle's algorithm on: small answers then wait ~40 ms for delayed ACKs.
    System.setProperty("sun.net.httpserver.nodelay", "true");
    ExecutorService serverPool = Executors.newFixedThreadPool(serverThreads);
    HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 256);
    server.createContext("/api/v1/oauth2/token", exchange -> answer(exchange, 200, TOKEN));
    server.createContext(
        "/api/v2/users/" + ACCOUNT + "/messages", exchange -> answer(exchange, 202, ACCEPTED));
    server.setExecutor(serverPool);
    server.start();
    String base = "http://127.0.0.1:" + server.getAddress().getPort();
    try {
      BandwidthGateway gateway =
          BandwidthGateway.builder()
              .accountId(ACCOUNT)
              .applicationId(APPLICATION)
              .senderNumbers(SENDER)
              .clientCredentials("bench-client", "bench-secret")
              .callbackCredentials("bench", "bench-password")
              .baseUrl(base + "/api/v2")
              .tokenUrl(base + "/api/v1/oauth2/token")
              .build();
      HttpClient plain =
          HttpClient.newBuilder().connectTimeout(BandwidthGateway.DEFAULT_CONNECT_TIMEOUT).build();
      URI messages = URI.create(base + "/api/v2/users/" + ACCOUNT + "/messages");
      AtomicInteger references = new AtomicInteger();
      IntFunction<CompletableFuture<?>> viaAdapter =
          i ->
              gateway.send(
                  OutboundMessage.text(
                      "m-" + references.incrementAndGet(),
                      Sender.number(SENDER),
                      contact(i),
                      TEXT));
      IntFunction<CompletableFuture<?>> viaPlain =
          i ->
              plain.sendAsync(
                  HttpRequest.newBuilder(messages)
                      .timeout(BandwidthGateway.DEFAULT_REQUEST_TIMEOUT)
                      .header("Content-Type", "application/json; charset=utf-8")
                      .header("Accept", "application/json")
                      .header("Authorization", "Bearer bench-token")
                      .POST(
                          HttpRequest.BodyPublishers.ofByteArray(
                              json(i, references.incrementAndGet())))
                      .build(),
                  HttpResponse.BodyHandlers.ofByteArray());
      System.out.printf(
          Locale.ROOT,
          "Bandwidth send benchmark: %,d sends per round, %d in flight, %d rounds per side, %d cores%n",
          sends,
          concurrency,
          rounds,
          Runtime.getRuntime().availableProcessors());
      run(viaPlain, warmup, concurrency);
      run(viaAdapter, warmup, concurrency);
      List<Double> plainRates = new ArrayList<>();
      List<Double> adapterRates = new ArrayList<>();
      for (int round = 1; round <= rounds; round++) {
        plainRates.add(run(viaPlain, sends, concurrency));
        adapterRates.add(run(viaAdapter, sends, concurrency));
        System.out.printf(
            Locale.ROOT,
            "round %d: plain java.net.http %,10.0f sends/s   BandwidthGateway %,10.0f sends/s"
                + "  load %.2f%n",
            round,
            plainRates.get(round - 1),
            adapterRates.get(round - 1),
            Load.oneMinute());
      }
      double plainMedian = median(plainRates);
      double adapterMedian = median(adapterRates);
      System.out.printf(
          Locale.ROOT,
          "median: plain %,.0f sends/s, BandwidthGateway %,.0f sends/s, ratio %.2f%n",
          plainMedian,
          adapterMedian,
          adapterMedian / plainMedian);
      return new Medians(adapterMedian, plainMedian);
    } finally {
      server.stop(0);
      serverPool.shutdownNow();
    }
  }

  /** Runs {@code count} sends with at most {@code concurrency} in flight; returns sends/s. */
  private static double run(IntFunction<CompletableFuture<?>> send, int count, int concurrency)
      throws InterruptedException {
    Semaphore slots = new Semaphore(concurrency);
    AtomicInteger failures = new AtomicInteger();
    long start = System.nanoTime();
    for (int i = 0; i < count; i++) {
      slots.acquire();
      send.apply(i)
          .whenComplete(
              (result, error) -> {
                if (error != null) {
                  failures.incrementAndGet();
                }
                slots.release();
              });
    }
    slots.acquire(concurrency);
    long nanos = System.nanoTime() - start;
    if (failures.get() > 0) {
      throw new IllegalStateException(failures.get() + " sends failed");
    }
    return count / (nanos / 1e9);
  }

  private static String contact(int i) {
    return String.format(Locale.ROOT, "+1312555%04d", i % 10_000);
  }

  /** The body the adapter sends for the same message, written out by hand. */
  private static byte[] json(int i, int reference) {
    return ("{\"applicationId\":\""
            + APPLICATION
            + "\",\"to\":[\""
            + contact(i)
            + "\"],\"from\":\""
            + SENDER
            + "\",\"text\":\""
            + TEXT
            + "\",\"tag\":\"p2p:m-"
            + reference
            + "\",\"priority\":\"default\"}")
        .getBytes(StandardCharsets.UTF_8);
  }

  private static void answer(HttpExchange exchange, int status, byte[] body) throws IOException {
    try (InputStream in = exchange.getRequestBody()) {
      in.readAllBytes();
    }
    exchange.getResponseHeaders().add("Content-Type", "application/json");
    exchange.sendResponseHeaders(status, body.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(body);
    }
  }

  private static double median(List<Double> values) {
    double[] sorted = values.stream().mapToDouble(Double::doubleValue).toArray();
    Arrays.sort(sorted);
    int mid = sorted.length / 2;
    return sorted.length % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
  }

  private static Map<String, Integer> options(String[] args) {
    Map<String, Integer> options = new HashMap<>();
    for (String arg : args) {
      int eq = arg.indexOf('=');
      if (eq <= 0) {
        throw new IllegalArgumentException("arguments are name=value, got " + arg);
      }
      options.put(arg.substring(0, eq), Integer.parseInt(arg.substring(eq + 1)));
    }
    return options;
  }
}

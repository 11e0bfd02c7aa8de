package dev.p2p.benchmarks;

import dev.p2p.gateway.OutboundMessage;
import dev.p2p.gateway.SendReceipt;
import dev.p2p.gateway.Sender;
import dev.p2p.gateway.twilio.TwilioGateway;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.IntFunction;

/**
 * Sends per second through {@link TwilioGateway} against a local stub of Twilio's create-message
 * endpoint ({@link TwilioStubServer}), beside plain {@code java.net.http} posting the same form
 * requests (same headers, same body, a fresh form per send) at the same concurrency. Rounds
 * alternate between the two so that a busy machine hurts both alike. Arguments, all optional:
 * {@code sends=20000 concurrency=16 rounds=5 serverThreads=4}.
 *
 * <pre>{@code
 * java -cp benchmarks/target/benchmarks.jar dev.p2p.benchmarks.TwilioSendBenchmark
 * }</pre>
 */
public final class TwilioSendBenchmark {
  private static final String TOKEN = "bench_auth_token_0123456789abcdef";
  private static final String CALLBACK = "https://crm.example.com/webhooks/twilio/status";
  private static final String SENDER = "+13125550199";
  private static final String BODY =
      "Hi Ana, it's Ben with Acme. Can we count on your vote on Tuesday? Reply STOP to opt out.";

  private TwilioSendBenchmark() {}

  /** Runs the benchmark and prints sends/s for each round and the medians. */
  public static void main(String[] args) throws Exception {
    Map<String, String> options = new HashMap<>();
    for (String arg : args) {
      int eq = arg.indexOf('=');
      options.put(arg.substring(0, eq), arg.substring(eq + 1));
    }
    int sends = Integer.parseInt(options.getOrDefault("sends", "20000"));
    int concurrency = Integer.parseInt(options.getOrDefault("concurrency", "16"));
    int rounds = Integer.parseInt(options.getOrDefault("rounds", "5"));
    int serverThreads = Integer.parseInt(options.getOrDefault("serverThreads", "4"));

    compare(sends, concurrency, rounds, serverThreads);
  }

  /** Median sends/s of the adapter and of the plain client. */
  record Medians(double adapter, double plain) {}

  /**
   * A warm-up run of each side, then {@code rounds} rounds of {@code sends} sends per side, adapter
   * and plain client alternating, against a new stub; prints each round and the medians.
   */
  static Medians compare(int sends, int concurrency, int rounds, int serverThreads)
      throws Exception {
    try (TwilioStubServer stub = new TwilioStubServer(serverThreads)) {
      TwilioGateway gateway =
          TwilioGateway.builder()
              .accountSid(TwilioStubServer.ACCOUNT_SID)
              .authToken(TOKEN)
              .senderNumbers(SENDER)
              .statusCallback(CALLBACK)
              .baseUrl(stub.baseUrl())
              .build();
      PlainClient plain = new PlainClient(stub.baseUrl());
      IntFunction<CompletableFuture<?>> viaGateway = i -> gateway.send(message(i));
      IntFunction<CompletableFuture<?>> viaPlain = i -> plain.send(message(i));

      System.out.printf(
          Locale.ROOT,
          "%,d sends per round, %d in flight, %d server threads, %d cores%n",
          sends,
          concurrency,
          serverThreads,
          Runtime.getRuntime().availableProcessors());
      run(viaGateway, sends, concurrency); // warm-up
      run(viaPlain, sends, concurrency);
      double[] adapter = new double[rounds];
      double[] baseline = new double[rounds];
      for (int r = 0; r < rounds; r++) {
        adapter[r] = run(viaGateway, sends, concurrency);
        baseline[r] = run(viaPlain, sends, concurrency);
        System.out.printf(
            Locale.ROOT,
            "round %d: TwilioGateway %,.0f sends/s, plain java.net.http %,.0f sends/s (%.2f)"
                + "  load %.2f%n",
            r + 1,
            adapter[r],
            baseline[r],
            adapter[r] / baseline[r],
            Load.oneMinute());
      }
      double a = median(adapter);
      double b = median(baseline);
      System.out.printf(
          Locale.ROOT,
          "median: TwilioGateway %,.0f sends/s, plain %,.0f sends/s, ratio %.2f%n",
          a,
          b,
          a / b);
      return new Medians(a, b);
    }
  }

  private static OutboundMessage message(int i) {
    return new OutboundMessage(
        "bench-" + i,
        Sender.number(SENDER),
        String.format("+1312556%04d", i % 10_000),
        BODY,
        List.of(),
        Optional.of(Instant.now().plus(Duration.ofHours(3))));
  }

  /** Sends {@code sends} messages keeping {@code concurrency} in flight; returns sends/s. */
  private static double run(IntFunction<CompletableFuture<?>> send, int sends, int concurrency)
      throws InterruptedException {
    Semaphore window = new Semaphore(concurrency);
    AtomicLong failures = new AtomicLong();
    long start = System.nanoTime();
    for (int i = 0; i < sends; i++) {
      window.acquire();
      send.apply(i)
          .whenComplete(
              (result, failure) -> {
                if (failure != null) {
                  failures.incrementAndGet();
                }
                window.release();
              });
    }
    window.acquire(concurrency);
    long nanos = System.nanoTime() - start;
    if (failures.get() > 0) {
      throw new IllegalStateException(failures.get() + " sends failed");
    }
    return sends / (nanos / 1e9);
  }

  private static double median(double[] values) {
    double[] sorted = values.clone();
    java.util.Arrays.sort(sorted);
    return sorted[sorted.length / 2];
  }

  /**
   * The baseline: the same request as the adapter's, built by hand and posted with a plain HTTP/1.1
   * client; the answer is read as bytes, its status checked, nothing parsed.
   */
  private static final class PlainClient {
    private final HttpClient client =
        HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build();
    private final URI uri;
    private final String authorization =
        "Basic "
            + Base64.getEncoder()
                .encodeToString(
                    (TwilioStubServer.ACCOUNT_SID + ":" + TOKEN).getBytes(StandardCharsets.UTF_8));

    PlainClient(String baseUrl) {
      this.uri = URI.create(baseUrl + TwilioStubServer.PATH);
    }

    CompletableFuture<SendReceipt> send(OutboundMessage message) {
      long validity =
          Duration.between(Instant.now(), message.expiresAt().orElseThrow()).getSeconds();
      String form =
          "To="
              + encode(message.to())
              + "&From="
              + encode(message.from().address())
              + "&Body="
              + encode(message.body())
              + "&StatusCallback="
              + encode(CALLBACK + "?p2pRef=" + encode(message.reference()))
              + "&ValidityPeriod="
              + Math.min(validity, 36_000);
      HttpRequest request =
          HttpRequest.newBuilder(uri)
              .timeout(Duration.ofSeconds(30))
              .header("Authorization", authorization)
              .header("Content-Type", "application/x-www-form-urlencoded")
              .header("Accept", "application/json")
              .POST(HttpRequest.BodyPublishers.ofString(form))
              .build();
      return client
          .sendAsync(request, HttpResponse.BodyHandlers.ofByteArray())
          .thenApply(
              response -> {
                if (response.statusCode() != 201) {
                  throw new IllegalStateException("HTTP " + response.statusCode());
                }
                return SendReceipt.queued("SM-plain");
              });
    }

    private static String encode(String value) {
      return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
  }
}

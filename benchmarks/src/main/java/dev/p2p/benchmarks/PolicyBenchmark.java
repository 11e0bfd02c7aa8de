package dev.p2p.benchmarks;

import dev.p2p.gateway.NumberType;
import dev.p2p.gateway.OutboundMessage;
import dev.p2p.gateway.SendReceipt;
import dev.p2p.gateway.Sender;
import dev.p2p.gateway.SmsGateway;
import dev.p2p.gateway.WebhookRequest;
import dev.p2p.gateway.WebhookResult;
import dev.p2p.gateway.policy.GatewayPolicy;
import dev.p2p.gateway.policy.ResilientGateway;
import java.time.Clock;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * What the core's send policy costs per message: {@link ResilientGateway} (circuit breaker, a rate
 * slot for the sender, bulkhead, retry) around a gateway that answers at once, against the same
 * gateway called directly. 4,096 sender numbers take turns, each allowed 10,000 messages/s, so no
 * send waits for its slot: the figures are the policy's bookkeeping alone. One thread. Run with
 * {@code java -cp benchmarks/target/benchmarks.jar org.openjdk.jmh.Main Policy}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class PolicyBenchmark {
  private static final int SENDERS = 4_096;

  private final SmsGateway direct = new InstantGateway();
  private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();
  private final ResilientGateway wrapped =
      ResilientGateway.wrap(
          direct,
          GatewayPolicy.builder().messagesPerSecond(NumberType.LONG_CODE, 10_000).build(),
          Clock.systemUTC(),
          scheduler);
  private final OutboundMessage[] messages = new OutboundMessage[SENDERS];
  private int next;

  /** Builds the messages, one sender number each. */
  @Setup
  public void setUp() {
    for (int i = 0; i < SENDERS; i++) {
      messages[i] =
          OutboundMessage.text(
              "m-" + i,
              Sender.number(String.format("+1312555%04d", i)),
              "+13125550123",
              "Hi Ana, it's Ben with Acme. Can we count on your vote on Tuesday?");
    }
  }

  /** Stops the scheduler. */
  @TearDown
  public void tearDown() {
    wrapped.close();
    scheduler.shutdownNow();
  }

  private OutboundMessage nextMessage() {
    OutboundMessage m = messages[next];
    next = (next + 1) & (SENDERS - 1);
    return m;
  }

  /** The gateway alone. */
  @Benchmark
  public SendReceipt direct() {
    return direct.send(nextMessage()).join();
  }

  /** The gateway behind the send policy. */
  @Benchmark
  public SendReceipt withPolicy() {
    return wrapped.send(nextMessage()).join();
  }

  /** A gateway that accepts every message at once. */
  private static final class InstantGateway implements SmsGateway {
    private final CompletableFuture<SendReceipt> accepted =
        CompletableFuture.completedFuture(SendReceipt.queued("SM0"));

    @Override
    public String carrier() {
      return "instant";
    }

    @Override
    public CompletableFuture<SendReceipt> send(OutboundMessage message) {
      return accepted;
    }

    @Override
    public WebhookResult parse(WebhookRequest request) {
      return WebhookResult.badRequest("sends only");
    }
  }
}

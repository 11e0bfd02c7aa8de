package dev.p2p.benchmarks;

import dev.p2p.gateway.WebhookRequest;
import dev.p2p.gateway.WebhookResult;
import dev.p2p.gateway.twilio.TwilioGateway;
import dev.p2p.gateway.twilio.TwilioSignature;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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
import org.openjdk.jmh.annotations.Warmup;

/**
 * Twilio webhook signature checks per second, on a typical inbound SMS webhook (19 parameters, as
 * Twilio posts them): {@code verify} checks {@code X-Twilio-Signature} alone ({@link
 * TwilioSignature#matches}); {@code parse} is the whole of {@link TwilioGateway#parse} (form
 * decoding, the check, reading the event). One thread. Run with {@code java -cp
 * benchmarks/target/benchmarks.jar org.openjdk.jmh.Main TwilioSignature}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class TwilioSignatureBenchmark {
  private static final String TOKEN = TwilioInboundForm.TOKEN;
  private static final String URL = "https://crm.example.com/webhooks/twilio";
  private static final String SID = "SM0123456789abcdef0123456789abcdef";

  private final TwilioSignature signature = TwilioSignature.of(TOKEN);
  private final Map<String, List<String>> params = new LinkedHashMap<>();
  private String header = "";
  private WebhookRequest request = WebhookRequest.of("POST", URL, Map.of(), new byte[0]);
  private final TwilioGateway gateway =
      TwilioGateway.builder()
          .accountSid(TwilioStubServer.ACCOUNT_SID)
          .authToken(TOKEN)
          .senderNumbers("+13125550199")
          .build();

  /** Builds and signs the webhook. */
  @Setup
  public void setUp() {
    params.putAll(
        TwilioInboundForm.params(SID, "+13125550101", "+13125550199", TwilioInboundForm.BODY));
    header = signature.compute(URL, params);
    request = TwilioInboundForm.request(URL, params);
    if (!(gateway.parse(request) instanceof WebhookResult.Accepted)) {
      throw new IllegalStateException("the benchmark's webhook does not verify");
    }
  }

  /** The signature check alone. */
  @Benchmark
  public boolean verify() {
    return signature.matches(URL, params, header);
  }

  /** The gateway's whole parse of the webhook. */
  @Benchmark
  public WebhookResult parse() {
    return gateway.parse(request);
  }
}

package dev.p2p.examples.logs;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.NamedCsvRecord;
import dev.p2p.Organization;
import dev.p2p.P2P;
import dev.p2p.action.ActionDraft;
import dev.p2p.action.SenderSettings;
import dev.p2p.assign.Target;
import dev.p2p.contact.NewContact;
import dev.p2p.conversation.Message;
import dev.p2p.conversation.Texter;
import dev.p2p.examples.demo.CampaignDemo;
import dev.p2p.examples.demo.DemoSettings;
import dev.p2p.gateway.WebhookRequest;
import dev.p2p.gateway.bandwidth.BandwidthGateway;
import dev.p2p.gateway.twilio.TwilioGateway;
import dev.p2p.store.jdbc.JdbcStore;
import dev.p2p.testkit.MutableClock;
import dev.p2p.testkit.ParityDay;
import dev.p2p.testkit.Transcript;
import dev.p2p.testkit.VirtualScheduler;
import dev.p2p.texter.TexterProfile;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.net.InetSocketAddress;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Reliability suite, log scan: every log line of end-to-end runs, captured at TRACE from every
 * logger and thread, holds no full phone number, no message body and no credential.
 */
class LogScanTest {
  /**
   * A phone in any form: a run of 10 to 15 digits (E.164 allows 15) standing alone, not inside a
   * longer token such as a random hex reference or a temporary directory's name. Masked phones keep
   * four digits.
   */
  private static final Pattern DIGIT_RUN =
      Pattern.compile("(?<![0-9A-Za-z])\\d{10,15}(?![0-9A-Za-z])");

  private static final Pattern E164 = Pattern.compile("\\+[1-9]\\d{9,14}");
  private static final String TWILIO_SID = "AC0123456789abcdef0123456789abcdef";
  private static final String TWILIO_TOKEN = "tw-auth-token-5f4e3d2c1b0a";
  private static final String BW_CLIENT_SECRET = "bw-client-secret-8a7b6c5d";
  private static final String BW_CALLBACK_PASSWORD = "bw-callback-password-3e2f1a";
  private static final String BW_ACCESS_TOKEN = "bw-access-token-9z8y7x6w";
  private static final String TWILIO_NUMBER = "+13125550190";
  private static final String BANDWIDTH_NUMBER = "+13125550191";
  private static final String CRM = "https://crm.example.com/webhooks/";
  private static final List<String> CREDENTIALS =
      List.of(TWILIO_TOKEN, BW_CLIENT_SECRET, BW_CALLBACK_PASSWORD, BW_ACCESS_TOKEN);

  @BeforeAll
  static void backend() {
    assertThat(CapturedLogs.installed())
        .as("the examples' tests log through CapturingProvider (-Dslf4j.provider)")
        .isTrue();
  }

  @Test
  @DisplayName("the demo's Election Day (sends, failures, receipts, replies, opt-outs) logs safely")
  void demoDay(@TempDir Path dir) throws IOException {
    CapturedLogs.start();
    List<String> lines;
    try {
      CampaignDemo.run(
          new DemoSettings(300, 5, 7, Optional.empty(), "acme", dir),
          new PrintWriter(Writer.nullWriter()));
    } finally {
      lines = CapturedLogs.stop();
    }
    Set<String> phones = new HashSet<>();
    Set<String> bodies = new HashSet<>();
    try (CsvReader<NamedCsvRecord> csv =
        CsvReader.builder().ofNamedCsvRecord(dir.resolve("messages.csv"))) {
      csv.forEach(
          row -> {
            phones.add(row.getField("contact_phone"));
            bodies.add(row.getField("body"));
          });
    }
    assertThat(phones).hasSizeGreaterThan(100);
    assertNoLeak(lines, phones, bodies);
  }

  @Test
  @DisplayName("the parity day (refusals, keywords, lock windows, exports) on H2 logs safely")
  void parityDay() {
    CapturedLogs.start();
    Transcript day;
    List<String> lines;
    try {
      day = ParityDay.run(JdbcStore.h2InMemory("parity-log-scan"));
    } finally {
      lines = CapturedLogs.stop();
    }
    Set<String> phones = new HashSet<>();
    Matcher m = E164.matcher(String.join("\n", day.lines()));
    while (m.find()) {
      phones.add(m.group());
    }
    assertThat(phones).isNotEmpty();
    assertNoLeak(lines, phones, Set.of());
  }

  @Test
  @DisplayName(
      "Twilio and Bandwidth sends, refusals quoting the body, STOPs and a failing listener")
  void carriers() throws Exception {
    HttpServer carrier = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    carrier.createContext("/", LogScanTest::answer);
    carrier.start();
    String base = "http://127.0.0.1:" + carrier.getAddress().getPort();
    MutableClock clock = MutableClock.at("2026-11-03T16:00:00Z");
    TwilioGateway twilio =
        TwilioGateway.builder()
            .accountSid(TWILIO_SID)
            .authToken(TWILIO_TOKEN)
            .senderNumbers(TWILIO_NUMBER)
            .baseUrl(base + "/twilio")
            .clock(clock)
            .build();
    BandwidthGateway bandwidth =
        BandwidthGateway.builder()
            .accountId("9900000")
            .applicationId("app-1")
            .senderNumbers(BANDWIDTH_NUMBER)
            .clientCredentials("bw-client", BW_CLIENT_SECRET)
            .callbackCredentials("bw-callbacks", BW_CALLBACK_PASSWORD)
            .baseUrl(base + "/bandwidth")
            .tokenUrl(base + "/oauth/token")
            .clock(clock)
            .build();
    List<String> phones = List.of("+13125550101", "+13125550102", "+13125550103", "+13125550104");
    List<String> bodies = new ArrayList<>();
    CapturedLogs.start();
    List<String> lines;
    try (P2P p2p =
        P2P.builder()
            .store(JdbcStore.h2InMemory("log-scan"))
            .clock(clock)
            .scheduler(VirtualScheduler.on(clock))
            .gateway("twilio", twilio)
            .gateway("bandwidth", bandwidth)
            .build()) {
      p2p.events()
          .subscribe(
              e -> {
                throw new IllegalStateException("the CRM cannot handle " + e);
              });
      Organization org = p2p.organization("acme");
      org.texters().upsert(new TexterProfile("ana", "Ana", "Diaz"));
      Texter ana = org.texter("ana");
      List<Long> actions = new ArrayList<>();
      for (int g = 0; g < 2; g++) {
        long list = org.contacts().createList("voters " + g).id();
        for (int i = 0; i < 2; i++) {
          org.contacts()
              .add(
                  list,
                  NewContact.builder(phones.get(2 * g + i))
                      .firstName(i == 0 ? "Ana" : "Bo")
                      .build());
        }
        long action =
            org.actions()
                .create(
                    ActionDraft.named("GOTV " + g)
                        .contacts(list)
                        .initial("Hi {firstName}, it is Ana with Acme about voting on Tuesday")
                        .sender(
                            SenderSettings.numbers(
                                g == 0 ? "twilio" : "bandwidth",
                                List.of(g == 0 ? TWILIO_NUMBER : BANDWIDTH_NUMBER))))
                .id();
        org.actions().publish(action);
        org.assignments().assign(action, Target.texter("ana"));
        ana.requestBatch(action);
        actions.add(action);
      }
      List<Message> sent = new ArrayList<>();
      for (long action : actions) {
        while (true) {
          var next = ana.nextToSend(action);
          if (next.isEmpty()) {
            break;
          }
          Message m = ana.send(next.get().conversation().id());
          sent.add(m);
          bodies.add(m.body());
        }
      }
      assertThat(sent).hasSize(4);
      // Twilio: a status callback and a STOP from the first contact, signed with the Auth Token.
      Map<String, String> stop = new LinkedHashMap<>();
      stop.put("MessageSid", "SMf6e5d4c3b2a1f6e5d4c3b2a1f6e5d4c3");
      stop.put("AccountSid", TWILIO_SID);
      stop.put("From", phones.get(0));
      stop.put("To", TWILIO_NUMBER);
      stop.put("Body", "STOP");
      stop.put("NumMedia", "0");
      assertThat(p2p.webhooks().handle(twilioRequest("twilio", stop)).status()).isBetween(200, 299);
      // Bandwidth: a STOP from the third contact, with the Application's Basic credentials.
      String received =
          "[{\"type\":\"message-received\",\"time\":\"2026-11-03T16:00:01.000Z\","
              + "\"description\":\"Incoming message received\",\"to\":\""
              + BANDWIDTH_NUMBER
              + "\",\"message\":{\"id\":\"bw-in-1\",\"owner\":\""
              + BANDWIDTH_NUMBER
              + "\",\"applicationId\":\"app-1\",\"time\":\"2026-11-03T16:00:01.000Z\","
              + "\"segmentCount\":1,\"direction\":\"in\",\"to\":[\""
              + BANDWIDTH_NUMBER
              + "\"],\"from\":\""
              + phones.get(2)
              + "\",\"text\":\"STOP\"}}]";
      String basic =
          "Basic "
              + Base64.getEncoder()
                  .encodeToString(
                      ("bw-callbacks:" + BW_CALLBACK_PASSWORD).getBytes(StandardCharsets.UTF_8));
      WebhookRequest bw =
          WebhookRequest.of(
              "POST",
              CRM + "bandwidth",
              Map.of("Content-Type", List.of("application/json"), "Authorization", List.of(basic)),
              received.getBytes(StandardCharsets.UTF_8));
      assertThat(p2p.webhooks().handle(bw).status()).isBetween(200, 299);
      assertThat(org.optOuts().isOptedOut(phones.get(0))).isTrue();
      assertThat(org.optOuts().isOptedOut(phones.get(2))).isTrue();
    } finally {
      lines = CapturedLogs.stop();
      carrier.stop(0);
    }
    assertThat(String.join("\n", lines))
        .as("the refusals were logged")
        .contains("to +1******0102 failed", "to +1******0104 failed");
    assertNoLeak(lines, Set.copyOf(phones), Set.copyOf(bodies));
  }

  private static void assertNoLeak(List<String> lines, Set<String> phones, Set<String> bodies) {
    assertThat(lines).as("lines captured").isNotEmpty();
    Set<String> longBodies =
        bodies.stream().filter(b -> b.length() >= 12).collect(Collectors.toSet());
    List<String> leaks = new ArrayList<>();
    for (String line : lines) {
      if (DIGIT_RUN.matcher(line).find()
          || phones.stream().anyMatch(line::contains)
          || longBodies.stream().anyMatch(line::contains)
          || CREDENTIALS.stream().anyMatch(line::contains)) {
        leaks.add(line);
      }
    }
    System.out.printf(
        "LogScanTest: %d lines scanned against %d phones, %d bodies and %d credentials; %d"
            + " leaks%n",
        lines.size(), phones.size(), longBodies.size(), CREDENTIALS.size(), leaks.size());
    assertThat(leaks).as("log lines holding a phone, a body or a credential").isEmpty();
  }

  /** The stub carrier: accepts the first contact of each, refuses the second quoting the body. */
  private static void answer(HttpExchange exchange) throws IOException {
    String path = exchange.getRequestURI().getPath();
    String request = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
    int status;
    String body;
    if (path.startsWith("/oauth")) {
      status = 200;
      body = "{\"access_token\":\"" + BW_ACCESS_TOKEN + "\",\"expires_in\":3600}";
    } else if (path.startsWith("/twilio")) {
      boolean refuse = request.contains(URLEncoder.encode("+13125550102", StandardCharsets.UTF_8));
      status = refuse ? 400 : 201;
      body =
          refuse
              ? "{\"code\":21617,\"message\":\"The message 'Hi Bo, it is Ana with Acme about"
                  + " voting on Tuesday' to +13125550102 exceeds the limit\",\"more_info\":"
                  + "\"https://www.twilio.com/docs/errors/21617\",\"status\":400}"
              : "{\"sid\":\"SMa1b2c3d4e5f6a7b8c9d0e1f2a3b4c5d6\",\"status\":\"queued\",\"num_segments\":\"1\",\"from\":\""
                  + TWILIO_NUMBER
                  + "\"}";
    } else {
      boolean refuse = request.contains("+13125550104");
      status = refuse ? 400 : 202;
      body =
          refuse
              ? "{\"type\":\"request-validation\",\"description\":\"Message 'Hi Bo, it is Ana with"
                  + " Acme about voting on Tuesday' to +13125550104 refused\",\"fieldErrors\":"
                  + "[{\"fieldName\":\"text\",\"description\":\"'Hi Bo, it is Ana with Acme about"
                  + " voting on Tuesday' is not allowed for 13125550104\"}]}"
              : "{\"id\":\"bw-out-1\",\"from\":\"" + BANDWIDTH_NUMBER + "\",\"segmentCount\":1}";
    }
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().add("Content-Type", "application/json");
    exchange.sendResponseHeaders(status, bytes.length);
    exchange.getResponseBody().write(bytes);
    exchange.close();
  }

  /** A Twilio form POST to the CRM's webhook URL, signed as Twilio signs it. */
  private static WebhookRequest twilioRequest(String gatewayId, Map<String, String> params) {
    String url = CRM + gatewayId;
    StringBuilder data = new StringBuilder(url);
    new TreeMap<>(params).forEach((name, value) -> data.append(name).append(value));
    String signature;
    try {
      Mac mac = Mac.getInstance("HmacSHA1");
      mac.init(new SecretKeySpec(TWILIO_TOKEN.getBytes(StandardCharsets.UTF_8), "HmacSHA1"));
      signature =
          Base64.getEncoder()
              .encodeToString(mac.doFinal(data.toString().getBytes(StandardCharsets.UTF_8)));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
    String form =
        params.entrySet().stream()
            .map(
                e ->
                    URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8)
                        + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
            .collect(Collectors.joining("&"));
    return WebhookRequest.of(
        "POST",
        url,
        Map.of(
            "Content-Type",
            List.of("application/x-www-form-urlencoded"),
            "X-Twilio-Signature",
            List.of(signature)),
        form.getBytes(StandardCharsets.UTF_8));
  }
}

package dev.p2p.benchmarks;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A local stand-in for Twilio's create-message endpoint (JDK {@code HttpServer}, HTTP/1.1
 * keep-alive): reads the form body and answers 201 with a Message resource of the size Twilio
 * sends, a new {@code sid} each time.
 */
final class TwilioStubServer implements AutoCloseable {
  static final String ACCOUNT_SID = "AC0123456789abcdef0123456789abcdef";
  static final String PATH = "/2010-04-01/Accounts/" + ACCOUNT_SID + "/Messages.json";

  private final HttpServer server;
  private final ExecutorService executor;
  private final AtomicLong ids = new AtomicLong();

  TwilioStubServer(int threads) throws IOException {
    // Without TCP_NODELAY the JDK server's separate header and body writes meet the client's
    // delayed ACK: about 40 ms per exchange, which would measure the kernel, not the clients.
    // Read once, when the JDK server first starts: set before that.
    System.setProperty("sun.net.httpserver.nodelay", "true");
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 1024);
    executor = Executors.newFixedThreadPool(threads);
    server.setExecutor(executor);
    server.createContext(PATH, this::answer);
    server.start();
  }

  /** The base URL to give the gateway, such as {@code http://127.0.0.1:41234}. */
  String baseUrl() {
    return "http://127.0.0.1:" + server.getAddress().getPort();
  }

  private void answer(HttpExchange exchange) throws IOException {
    try (InputStream in = exchange.getRequestBody()) {
      in.readAllBytes();
    }
    String sid = String.format("SM%032x", ids.incrementAndGet());
    byte[] body =
        ("{\"sid\":\""
                + sid
                + "\",\"account_sid\":\""
                + ACCOUNT_SID
                + "\",\"messaging_service_sid\":null,\"from\":\"+13125550199\","
                + "\"to\":\"+13125550101\",\"body\":\"Hi Ana, it's Ben with Acme.\","
                + "\"status\":\"queued\",\"direction\":\"outbound-api\",\"num_segments\":\"1\","
                + "\"num_media\":\"0\",\"price\":null,\"price_unit\":\"USD\",\"error_code\":null,"
                + "\"error_message\":null,\"api_version\":\"2010-04-01\","
                + "\"date_created\":\"Mon, 05 Feb 2024 10:00:00 +0000\","
                + "\"date_updated\":\"Mon, 05 Feb 2024 10:00:00 +0000\",\"date_sent\":null,"
                + "\"uri\":\"/2010-04-01/Accounts/"
                + ACCOUNT_SID
                + "/Messages/"
                + sid
                + ".json\",\"subresource_uris\":{\"media\":\"/2010-04-01/Accounts/"
                + ACCOUNT_SID
                + "/Messages/"
                + sid
                + "/Media.json\"}}")
            .getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().set("Content-Type", "application/json; charset=utf-8");
    exchange.sendResponseHeaders(201, body.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(body);
    }
  }

  @Override
  public void close() {
    server.stop(0);
    executor.shutdownNow();
  }
}

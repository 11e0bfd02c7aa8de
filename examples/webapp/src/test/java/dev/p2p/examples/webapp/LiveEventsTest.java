package dev.p2p.examples.webapp;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Iterator;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * The server-sent events: each texter hears of their own conversations only, and no event carries a
 * phone or a message's text.
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {"p2p.store.type=memory", "p2p.example.clock=noon-new-york"})
class LiveEventsTest {
  @LocalServerPort int port;

  /** One signed-in texter's event stream, read line by line. */
  private final class EventStream implements AutoCloseable {
    final Api api = new Api(port);
    private final Stream<String> lines;
    private final Iterator<String> it;

    EventStream(String texterId) throws Exception {
      CookieManager cookies = new CookieManager();
      HttpClient http = HttpClient.newBuilder().cookieHandler(cookies).build();
      http.send(
          HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/session"))
              .header("Content-Type", "application/json")
              .POST(HttpRequest.BodyPublishers.ofString("{\"texterId\":\"" + texterId + "\"}"))
              .build(),
          HttpResponse.BodyHandlers.discarding());
      lines =
          http.send(
                  HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/events"))
                      .build(),
                  HttpResponse.BodyHandlers.ofLines())
              .body();
      it = lines.iterator();
      api.signInAs(texterId);
      assertThat(nextData().get("audience").asString()).isEqualTo(texterId);
    }

    JsonNode nextData() {
      while (it.hasNext()) {
        String line = it.next();
        if (line.startsWith("data:")) {
          return Api.JSON.readTree(line.substring(5));
        }
      }
      throw new IllegalStateException("the stream ended");
    }

    /** Reads up to the next event of the type, checking each is of the texter's own action. */
    JsonNode nextOfType(String type, long ownAction) {
      JsonNode notice = nextData();
      while (true) {
        assertThat(notice.get("actionId").asLong()).isEqualTo(ownAction);
        if (notice.get("type").asString().equals(type)) {
          return notice;
        }
        notice = nextData();
      }
    }

    long sendOne(long actionId) {
      api.post("/api/texter/actions/" + actionId + "/batch", Map.of());
      long id =
          api.get("/api/texter/actions/" + actionId + "/next")
              .json()
              .get("conversationId")
              .asLong();
      assertThat(api.post("/api/texter/conversations/" + id + "/send", Map.of()).status())
          .isEqualTo(200);
      return id;
    }

    @Override
    public void close() {
      lines.close();
    }
  }

  @Test
  void aTexterHearsOfTheirOwnConversationsOnly() throws Exception {
    Api admin = new Api(port);
    admin.signInAsAdmin();
    // One action each: a batch gives Ana every contact of hers.
    long anasAction = Campaigns.publishedAction(admin, Campaigns.uploadList(admin, "Ana's"));
    long bensAction = Campaigns.publishedAction(admin, Campaigns.uploadList(admin, "Ben's"));
    try (EventStream ana = new EventStream("ana");
        EventStream ben = new EventStream("ben")) {
      long anas = ana.sendOne(anasAction);
      long bens = ben.sendOne(bensAction);

      // Ana's events came first in the feed: had Ben's stream carried them, he would read them
      // before his own message.sent.
      JsonNode bensSent = ben.nextOfType("message.sent", bensAction);
      assertThat(bensSent.get("conversationId").asLong()).isEqualTo(bens);
      JsonNode anasSent = ana.nextOfType("message.sent", anasAction);
      assertThat(anasSent.get("conversationId").asLong()).isEqualTo(anas);
      assertThat(anasSent.propertyNames()).containsOnly("type", "conversationId", "actionId");
    }
  }
}

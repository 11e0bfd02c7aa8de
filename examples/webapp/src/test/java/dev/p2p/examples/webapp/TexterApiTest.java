package dev.p2p.examples.webapp;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * The texter API over HTTP, and the honest sign-in: a texter acts only on their own conversations,
 * whatever id they put in the URL.
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {"p2p.store.type=memory", "p2p.example.clock=noon-new-york"})
class TexterApiTest {
  @LocalServerPort int port;

  private Api admin;
  private Api ana;
  private Api ben;
  private long actionId;

  @BeforeEach
  void campaign() {
    admin = new Api(port);
    ana = new Api(port);
    ben = new Api(port);
    admin.signInAsAdmin();
    ana.signInAs("ana");
    ben.signInAs("ben");
    actionId = Campaigns.publishedAction(admin, Campaigns.uploadList(admin, "Chicago"));
  }

  private long anaSendsOne() {
    assertThat(ana.post("/api/texter/actions/" + actionId + "/batch", Map.of()).status())
        .isEqualTo(200);
    JsonNode next = ana.get("/api/texter/actions/" + actionId + "/next").json();
    assertThat(next.get("body").asString()).contains("it's Ana. Will you vote Tuesday?");
    assertThat(next.get("segments").asInt()).isEqualTo(1);
    long conversationId = next.get("conversationId").asLong();
    Api.Answer sent = ana.post("/api/texter/conversations/" + conversationId + "/send", Map.of());
    assertThat(sent.status()).isEqualTo(200);
    assertThat(sent.json().get("direction").asString()).isEqualTo("OUTBOUND");
    return conversationId;
  }

  @Test
  void aTexterSeesTheActionsAssignedToThemAndSendsOneMessagePerCall() {
    List<String> names =
        ana.get("/api/texter/actions")
            .json()
            .valueStream()
            .map(a -> a.get("name").asString())
            .toList();
    assertThat(names).contains("GOTV");
    long conversationId = anaSendsOne();
    JsonNode thread = ana.get("/api/texter/conversations/" + conversationId).json();
    assertThat(thread.get("messages")).hasSize(1);
    assertThat(thread.get("conversation").get("phone").asString()).startsWith("+1******");
  }

  @Test
  void anotherTextersConversationIsRefusedWhateverTheUrlSays() {
    long anas = anaSendsOne();
    String url = "/api/texter/conversations/" + anas;

    assertThat(ben.get(url).status()).isEqualTo(403);
    assertThat(ben.post(url + "/reply", Map.of("text", "hijack")).status()).isEqualTo(403);
    assertThat(ben.post(url + "/close", Map.of()).status()).isEqualTo(403);
    assertThat(ben.post(url + "/opt-out", Map.of()).status()).isEqualTo(403);
    assertThat(ben.post(url + "/report", Map.of("answers", Map.of())).status()).isEqualTo(403);
    assertThat(ben.get("/api/texter/conversations/987654").status()).isEqualTo(404);
    // Ana's conversation is untouched: still one message, still open.
    JsonNode thread = ana.get(url).json();
    assertThat(thread.get("messages")).hasSize(1);
    assertThat(thread.get("conversation").get("status").asString()).isNotEqualTo("CLOSED");
  }

  @Test
  void noOneSignedInGets401AndATexterCannotUseTheAdminApi() {
    Api stranger = new Api(port);
    assertThat(stranger.get("/api/texter/inbox").status()).isEqualTo(401);
    assertThat(ana.get("/api/admin/lists").status()).isEqualTo(403);
    assertThat(stranger.post("/api/session", Map.of("texterId", "mallory")).status())
        .isEqualTo(400);
  }

  @Test
  void publishingNamesEveryProblemByField() {
    Api.Answer created =
        admin.post("/api/admin/actions", form("No list", "09:00", "Hi {nickname}", ""));
    assertThat(created.status()).as(created.json().toString()).isEqualTo(200);
    long id = created.json().get("id").asLong();
    Api.Answer refused = admin.post("/api/admin/actions/" + id + "/publish", Map.of());
    assertThat(refused.status()).isEqualTo(400);
    List<String> fields =
        refused.json().get("problems").valueStream().map(p -> p.get("field").asString()).toList();
    assertThat(fields).contains("contacts", "script.initial[0].body", "script.initial[1].body");

    Api.Answer blankName = admin.put("/api/admin/actions/" + id, form(" ", "09:00"));
    assertThat(blankName.status()).isEqualTo(400);
    assertThat(blankName.json().get("problems").get(0).get("field").asString()).isEqualTo("name");
    Api.Answer badHours = admin.put("/api/admin/actions/" + id, form("x", "late"));
    assertThat(badHours.status()).isEqualTo(400);
    assertThat(badHours.json().get("problems").get(0).get("field").asString())
        .isEqualTo("hoursStart");
  }

  private static Map<String, Object> form(String name, String start, String... initials) {
    return Map.of(
        "name",
        name,
        "initials",
        List.of(initials),
        "replies",
        List.of(),
        "questions",
        List.of(),
        "hoursStart",
        start,
        "hoursEnd",
        "20:00");
  }

  @Test
  void theDraftCarriesItsCostEstimateAsTheAdminTypes() {
    long listId = Campaigns.uploadList(admin, "Estimate");
    JsonNode draft = admin.post("/api/admin/actions", Campaigns.form("Est", listId)).json();
    assertThat(draft.get("problems")).isEmpty();
    assertThat(draft.get("estimate").get("contacts").asLong()).isEqualTo(5);
    assertThat(draft.get("estimate").get("segments").asLong()).isEqualTo(5);
  }
}

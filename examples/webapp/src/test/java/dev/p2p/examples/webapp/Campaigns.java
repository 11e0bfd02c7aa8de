package dev.p2p.examples.webapp;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/** Test fixtures: a small contact list and a publishable action, set up through the admin API. */
final class Campaigns {
  /** Five Chicago voters (inside texting hours at noon in New York). */
  static final String CSV =
      """
      first name,last name,phone,zip
      Maya,Reed,(312) 555-0101,60601
      Omar,Hale,312-555-0102,60601
      Lena,Park,+1 312 555 0103,60601
      Theo,Vance,3125550104,60601
      Iris,Cole,312.555.0105,60601
      """;

  private Campaigns() {}

  static Map<String, Object> form(String name, long listId) {
    return Map.of(
        "name",
        name,
        "listId",
        listId,
        "initials",
        List.of("Hi {firstName}, it's {texterFirstName}. Will you vote Tuesday?"),
        "replies",
        List.of(
            Map.of(
                "label",
                "Yes",
                "body",
                "Great! Polls are open 7am to 8pm.",
                "tags",
                List.of("supporter"),
                "fields",
                Map.of())),
        "questions",
        List.of(Map.of("prompt", "Will they vote?", "tags", List.of("supporter"))),
        "hoursStart",
        "09:00",
        "hoursEnd",
        "20:00");
  }

  /** Uploads {@link #CSV} as the signed-in admin and waits for the import; the list's id. */
  static long uploadList(Api admin, String name) {
    Api.Answer started = admin.upload(name, CSV);
    assertThat(started.status()).isEqualTo(200);
    String id = started.json().get("id").asString();
    Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
    JsonNode status = started.json();
    while (!status.get("done").asBoolean() && Instant.now().isBefore(deadline)) {
      Thread.onSpinWait();
      status = admin.get("/api/admin/uploads/" + id).json();
    }
    assertThat(status.get("imported").asLong()).isEqualTo(5);
    return status.get("listId").asLong();
  }

  /** Creates, publishes and assigns to the volunteers an action on the list; its id. */
  static long publishedAction(Api admin, long listId) {
    Api.Answer draft = admin.post("/api/admin/actions", form("GOTV", listId));
    assertThat(draft.status()).isEqualTo(200);
    long id = draft.json().get("id").asLong();
    assertThat(admin.post("/api/admin/actions/" + id + "/publish", Map.of()).status())
        .isEqualTo(200);
    assertThat(
            admin
                .post("/api/admin/actions/" + id + "/assign", Map.of("team", "volunteers"))
                .status())
        .isEqualTo(200);
    return id;
  }
}

package dev.p2p.examples.webapp;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

/** One browser's session against the running app's JSON API: its own cookies, JSON in and out. */
final class Api {
  static final ObjectMapper JSON = JsonMapper.builder().build();

  private final String base;
  private final HttpClient http;

  Api(int port) {
    this.base = "http://localhost:" + port;
    this.http = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
  }

  /** An answer: its status and its JSON body (null node when empty). */
  record Answer(int status, JsonNode json) {}

  Answer get(String path) {
    return call(HttpRequest.newBuilder(URI.create(base + path)).GET());
  }

  Answer post(String path, Object body) {
    return call(json(path, body).POST(HttpRequest.BodyPublishers.ofString(write(body))));
  }

  Answer put(String path, Object body) {
    return call(json(path, body).PUT(HttpRequest.BodyPublishers.ofString(write(body))));
  }

  Answer signInAs(String texterId) {
    return post("/api/session", java.util.Map.of("texterId", texterId, "admin", false));
  }

  Answer signInAsAdmin() {
    return post("/api/session", java.util.Map.of("admin", true));
  }

  Answer upload(String listName, String csv) {
    String boundary = UUID.randomUUID().toString();
    String body =
        "--"
            + boundary
            + "\r\nContent-Disposition: form-data; name=\"name\"\r\n\r\n"
            + listName
            + "\r\n--"
            + boundary
            + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"list.csv\"\r\n"
            + "Content-Type: text/csv\r\n\r\n"
            + csv
            + "\r\n--"
            + boundary
            + "--\r\n";
    return call(
        HttpRequest.newBuilder(URI.create(base + "/api/admin/lists"))
            .header("Content-Type", "multipart/form-data; boundary=" + boundary)
            .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)));
  }

  private HttpRequest.Builder json(String path, Object body) {
    return HttpRequest.newBuilder(URI.create(base + path))
        .header("Content-Type", "application/json");
  }

  private static String write(Object body) {
    return JSON.writeValueAsString(body);
  }

  private Answer call(HttpRequest.Builder request) {
    try {
      HttpResponse<String> response =
          http.send(request.build(), HttpResponse.BodyHandlers.ofString());
      String text = response.body();
      JsonNode json = text.isEmpty() ? JSON.missingNode() : JSON.readTree(text);
      return new Answer(response.statusCode(), json);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}

package dev.p2p.gateway.bandwidth;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.p2p.testsupport.CarrierSpecs;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Bandwidth's OpenAPI spec ({@code bandwidth.yml} from Bandwidth/java-sdk, read where {@link
 * CarrierSpecs} finds it; without it, {@link #problems(List)} finds none and the spec's own tests
 * are skipped) as a checker of the requests the gateway made: the path matches a path template of
 * the spec with the method, the JSON body follows the operation's request schema (every property
 * declared, required ones present, types, enums, lengths and formats plausible, {@code $ref} and
 * {@code allOf} followed), the content type is one the operation takes, and the token request goes
 * to the spec's OAuth2 token URL. Also hands out the spec's examples.
 */
final class BandwidthSpec {
  /**
   * The path of the messaging server in the spec, {@code https://messaging.bandwidth.com/api/v2}.
   */
  static final String BASE_PATH = URI.create(BandwidthGateway.DEFAULT_BASE_URL).getPath();

  private final JsonNode root;
  private final String tokenPath;
  private final SchemaCheck schemas;

  private BandwidthSpec(JsonNode root) {
    this.root = root;
    this.schemas = new SchemaCheck(root);
    this.tokenPath =
        URI.create(
                root.at("/components/securitySchemes/OAuth2/flows/clientCredentials/tokenUrl")
                    .asText())
            .getPath();
  }

  /** Whether the spec was found (see {@link CarrierSpecs}). */
  boolean available() {
    return !root.isMissingNode();
  }

  /** Loads the spec where {@link CarrierSpecs} finds it. */
  static BandwidthSpec load() {
    Optional<Path> file = CarrierSpecs.locate("bandwidth.yml");
    if (file.isEmpty()) {
      return new BandwidthSpec(MissingNode.getInstance());
    }
    try (InputStream in = Files.newInputStream(file.get())) {
      return new BandwidthSpec(new YAMLMapper().readTree(in));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Every problem of every request the stub server received; empty when all follow the spec. */
  List<String> problems(List<ServeEvent> events) {
    List<String> problems = new ArrayList<>();
    if (!available()) {
      return problems;
    }
    for (ServeEvent event : events) {
      LoggedRequest request = event.getRequest();
      for (String problem : problems(request)) {
        problems.add(request.getMethod() + " " + request.getUrl() + ": " + problem);
      }
    }
    return problems;
  }

  /** The problems of one request. */
  List<String> problems(LoggedRequest request) {
    String path = URI.create(request.getUrl()).getPath();
    String method = request.getMethod().value();
    if (path.equals(tokenPath)) {
      return tokenProblems(request);
    }
    List<String> problems = new ArrayList<>();
    if (!path.startsWith(BASE_PATH + "/")) {
      problems.add("is not under the messaging server's path " + BASE_PATH);
      return problems;
    }
    JsonNode operation = operation(path.substring(BASE_PATH.length()), method);
    if (operation.isMissingNode()) {
      problems.add("matches no path template and method of the spec");
      return problems;
    }
    String authorization = String.valueOf(request.getHeader("Authorization"));
    if (!authorization.startsWith("Bearer ") || authorization.length() <= 7) {
      problems.add("has no OAuth2 bearer token");
    }
    JsonNode body = resolve(operation.path("requestBody"));
    if (body.isMissingNode()) {
      return problems;
    }
    String contentType = String.valueOf(request.getHeader("Content-Type"));
    String mediaType = contentType.split(";")[0].trim().toLowerCase(Locale.ROOT);
    JsonNode media = body.path("content").path(mediaType);
    if (media.isMissingNode()) {
      problems.add("has content type " + contentType + ", which the operation does not take");
      return problems;
    }
    JsonNode json;
    try {
      json = BandwidthStubs.read(request.getBody());
    } catch (UncheckedIOException e) {
      problems.add("has a body that is not JSON");
      return problems;
    }
    problems.addAll(validate(media.path("schema"), json, "body"));
    return problems;
  }

  private List<String> tokenProblems(LoggedRequest request) {
    List<String> problems = new ArrayList<>();
    if (!"POST".equals(request.getMethod().value())) {
      problems.add("the token request must be a POST");
    }
    if (!String.valueOf(request.getHeader("Content-Type"))
        .startsWith("application/x-www-form-urlencoded")) {
      problems.add("the token request must be form-encoded");
    }
    if (!new String(request.getBody(), StandardCharsets.UTF_8)
        .equals("grant_type=client_credentials")) {
      problems.add("the token request must ask for grant_type=client_credentials");
    }
    if (!String.valueOf(request.getHeader("Authorization")).startsWith("Basic ")) {
      problems.add("the token request must carry the client credentials as Basic");
    }
    return problems;
  }

  /** The spec's operation for a path below the server and a method, or a missing node. */
  JsonNode operation(String path, String method) {
    Iterator<Map.Entry<String, JsonNode>> paths = root.path("paths").fields();
    while (paths.hasNext()) {
      Map.Entry<String, JsonNode> entry = paths.next();
      String template = entry.getKey().replaceAll("\\{[^/}]+}", "[^/]+");
      if (path.matches(template)) {
        JsonNode operation = entry.getValue().path(method.toLowerCase(Locale.ROOT));
        if (!operation.isMissingNode()) {
          return operation;
        }
      }
    }
    return root.path("no-such-node");
  }

  /** The problems of a value against a schema (a {@code $ref} or inline). */
  List<String> validate(JsonNode schemaOrRef, JsonNode value, String where) {
    return schemas.validate(schemaOrRef, value, where);
  }

  /** A node with its {@code $ref}s followed. */
  JsonNode resolve(JsonNode node) {
    return schemas.resolve(node);
  }

  /** The spec's example bodies of a callback ({@code inboundCallback}, {@code statusCallback}). */
  Map<String, JsonNode> callbackExamples(String callback) {
    JsonNode byUrl = root.path("components").path("callbacks").path(callback);
    JsonNode content =
        byUrl
            .elements()
            .next()
            .path("post")
            .path("requestBody")
            .path("content")
            .path("application/json");
    Map<String, JsonNode> examples = new LinkedHashMap<>();
    content
        .path("examples")
        .fields()
        .forEachRemaining(e -> examples.put(e.getKey(), resolve(e.getValue()).path("value")));
    return examples;
  }

  /** The schema a callback's body follows. */
  JsonNode callbackSchema(String callback) {
    JsonNode byUrl = root.path("components").path("callbacks").path(callback);
    return byUrl.elements().next().at("/post/requestBody/content/application~1json/schema");
  }

  /**
   * An instance of a component schema built from the examples the spec gives its properties (a
   * property without one gets a placeholder of its type).
   */
  JsonNode example(String schemaName) {
    return schemas.instance(root.at("/components/schemas/" + schemaName));
  }
}

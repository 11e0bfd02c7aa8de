package dev.p2p.gateway.twilio;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.p2p.testsupport.CarrierSpecs;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Twilio's OpenAPI spec ({@code twilio_api_v2010.json}, read where {@link CarrierSpecs} finds it;
 * without it, {@link #check} does nothing and the spec's own tests are skipped) as a request
 * validator: a request must hit a declared path and method, send the declared media type and HTTP
 * Basic credentials, and send only declared form parameters, the required ones included, each of
 * its declared type, pattern, length, format and enum. Rules that gateways.md §1.2 documents but
 * the spec cannot express (a sender, some content, the validity period's range, at most 10 media)
 * are checked too.
 */
final class TwilioSpec {
  private static final TwilioSpec INSTANCE = load();
  private static final Pattern PHONE = Pattern.compile("\\+[1-9][0-9]{6,14}|[0-9]{5,6}|[a-z]+:.+");

  private final JsonNode spec;

  private TwilioSpec(JsonNode spec) {
    this.spec = spec;
  }

  static TwilioSpec instance() {
    return INSTANCE;
  }

  JsonNode root() {
    return spec;
  }

  /** Whether the spec was found (see {@link CarrierSpecs}). */
  boolean available() {
    return !spec.isMissingNode();
  }

  private static TwilioSpec load() {
    Optional<Path> file = CarrierSpecs.locate("twilio_api_v2010.json");
    if (file.isEmpty()) {
      return new TwilioSpec(MissingNode.getInstance());
    }
    try (InputStream in = Files.newInputStream(file.get())) {
      return new TwilioSpec(new ObjectMapper().readTree(in));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Checks a request WireMock received; throws an AssertionError listing every problem. */
  void check(LoggedRequest request) {
    if (!available()) {
      return;
    }
    String path = URI.create(request.getUrl()).getRawPath();
    List<String> problems =
        problems(
            request.getMethod().getName(),
            path,
            Optional.ofNullable(request.getHeader("Content-Type")).orElse(""),
            Optional.ofNullable(request.getHeader("Authorization")).orElse(""),
            Forms.decode(request.getBodyAsString()));
    if (!problems.isEmpty()) {
      throw new AssertionError(
          "the request " + request.getMethod() + " " + path + " breaks Twilio's spec: " + problems);
    }
  }

  /** Every way the request breaks the spec; empty when it keeps it. */
  List<String> problems(
      String method,
      String path,
      String contentType,
      String authorization,
      Map<String, List<String>> form) {
    List<String> problems = new ArrayList<>();
    Optional<String> template = template(path);
    if (template.isEmpty()) {
      problems.add("no path of the spec matches " + path);
      return problems;
    }
    JsonNode item = spec.get("paths").get(template.get());
    JsonNode operation = item.get(method.toLowerCase(Locale.ROOT));
    if (operation == null) {
      problems.add(method + " is not an operation of " + template.get());
      return problems;
    }
    checkPathParameters(template.get(), path, operation, item, problems);
    checkAuthorization(authorization, problems);
    JsonNode body = operation.path("requestBody").path("content");
    String mediaType = contentType.split(";")[0].trim();
    if (!body.has(mediaType)) {
      problems.add("the content type '" + contentType + "' is not declared");
      return problems;
    }
    JsonNode schema = resolve(body.get(mediaType).get("schema"));
    for (JsonNode required : schema.path("required")) {
      if (!form.containsKey(required.asText())) {
        problems.add("the required parameter " + required.asText() + " is missing");
      }
    }
    form.forEach(
        (name, values) -> {
          JsonNode property = schema.path("properties").get(name);
          if (property == null) {
            problems.add(name + " is not a declared parameter");
          } else {
            checkValues(name, resolve(property), values, problems);
          }
        });
    if (template.get().endsWith("/Messages.json") && "POST".equals(method)) {
      checkDocumentedRules(form, problems);
    }
    return problems;
  }

  private Optional<String> template(String path) {
    Iterator<String> paths = spec.get("paths").fieldNames();
    while (paths.hasNext()) {
      String template = paths.next();
      if (path.matches(regex(template))) {
        return Optional.of(template);
      }
    }
    return Optional.empty();
  }

  private static String regex(String template) {
    StringBuilder regex = new StringBuilder();
    for (String part : template.split("(?=\\{)|(?<=\\})")) {
      regex.append(part.startsWith("{") ? "[^/]+" : Pattern.quote(part));
    }
    return regex.toString();
  }

  private void checkPathParameters(
      String template, String path, JsonNode operation, JsonNode item, List<String> problems) {
    List<String> names = new ArrayList<>();
    java.util.regex.Matcher m = Pattern.compile("\\{([^}]+)\\}").matcher(template);
    while (m.find()) {
      names.add(m.group(1));
    }
    String capturing = regex(template).replace("[^/]+", "([^/]+)");
    java.util.regex.Matcher values = Pattern.compile(capturing).matcher(path);
    if (!values.matches()) {
      return;
    }
    for (int i = 0; i < names.size(); i++) {
      JsonNode parameter = pathParameter(names.get(i), operation, item);
      if (parameter == null) {
        problems.add("the path parameter " + names.get(i) + " is not declared");
      } else {
        checkValues(
            names.get(i), resolve(parameter.get("schema")), List.of(values.group(i + 1)), problems);
      }
    }
  }

  private static JsonNode pathParameter(String name, JsonNode operation, JsonNode item) {
    for (JsonNode source : List.of(operation.path("parameters"), item.path("parameters"))) {
      for (JsonNode parameter : source) {
        if (name.equals(parameter.path("name").asText())
            && "path".equals(parameter.path("in").asText())) {
          return parameter;
        }
      }
    }
    return null;
  }

  private void checkAuthorization(String authorization, List<String> problems) {
    JsonNode scheme = spec.path("components").path("securitySchemes").path("accountSid_authToken");
    if (!"basic".equals(scheme.path("scheme").asText())) {
      problems.add("the spec's security scheme is no longer HTTP Basic");
    }
    if (!authorization.startsWith("Basic ")) {
      problems.add("the request has no HTTP Basic credentials");
      return;
    }
    String pair =
        new String(Base64.getDecoder().decode(authorization.substring(6)), StandardCharsets.UTF_8);
    if (!pair.matches("(AC|SK)[0-9a-fA-F]{32}:.+")) {
      problems.add("the Basic user is neither an account SID nor an API key SID");
    }
  }

  private void checkValues(
      String name, JsonNode schema, List<String> values, List<String> problems) {
    boolean array = "array".equals(schema.path("type").asText());
    if (!array && values.size() > 1) {
      problems.add(name + " is sent " + values.size() + " times but is not an array");
    }
    JsonNode item = array ? resolve(schema.get("items")) : schema;
    for (String value : values) {
      valueProblem(item, value).ifPresent(p -> problems.add(name + " " + p));
    }
  }

  private static Optional<String> valueProblem(JsonNode schema, String value) {
    String type = schema.path("type").asText("string");
    try {
      switch (type) {
        case "integer":
          long n = Long.parseLong(value);
          if (schema.has("minimum") && n < schema.get("minimum").asLong()
              || schema.has("maximum") && n > schema.get("maximum").asLong()) {
            return Optional.of("is out of range: " + value);
          }
          break;
        case "number":
          new BigDecimal(value);
          break;
        case "boolean":
          if (!value.equals("true") && !value.equals("false")) {
            return Optional.of("is not a boolean: " + value);
          }
          break;
        default:
          return stringProblem(schema, value);
      }
    } catch (NumberFormatException e) {
      return Optional.of("is not a " + type + ": " + value);
    }
    return Optional.empty();
  }

  private static Optional<String> stringProblem(JsonNode schema, String value) {
    if (schema.has("enum")) {
      for (JsonNode allowed : schema.get("enum")) {
        if (allowed.asText().equals(value)) {
          return Optional.empty();
        }
      }
      return Optional.of("is not one of " + schema.get("enum") + ": " + value);
    }
    if (schema.has("minLength") && value.length() < schema.get("minLength").asInt()
        || schema.has("maxLength") && value.length() > schema.get("maxLength").asInt()) {
      return Optional.of("has the wrong length: " + value.length());
    }
    if (schema.has("pattern")
        && !Pattern.compile(schema.get("pattern").asText()).matcher(value).find()) {
      return Optional.of("does not match " + schema.get("pattern").asText());
    }
    boolean ignoreFormat = schema.path("x-twilio").path("ignoreFormat").asBoolean(false);
    String format = ignoreFormat ? "" : schema.path("format").asText("");
    if (format.equals("uri") && !URI.create(value).isAbsolute()) {
      return Optional.of("is not an absolute URI");
    } else if (format.equals("phone-number") && !PHONE.matcher(value).matches()) {
      return Optional.of("is not a phone number or channel address");
    } else if (format.equals("date-time")) {
      OffsetDateTime.parse(value);
    }
    return Optional.empty();
  }

  /** gateways.md §1.2: what Twilio refuses that the spec does not declare. */
  private static void checkDocumentedRules(Map<String, List<String>> form, List<String> problems) {
    if (!form.containsKey("From") && !form.containsKey("MessagingServiceSid")) {
      problems.add("neither From nor MessagingServiceSid is given (21603)");
    }
    if (!form.containsKey("Body")
        && !form.containsKey("MediaUrl")
        && !form.containsKey("ContentSid")) {
      problems.add("neither Body, MediaUrl nor ContentSid is given (21619)");
    }
    if (form.getOrDefault("MediaUrl", List.of()).size() > 10) {
      problems.add("more than 10 MediaUrl");
    }
    if (Forms.first(form, "Body").length() > 1600) {
      problems.add("Body is longer than 1,600 characters (21617)");
    }
    String validity = Forms.first(form, "ValidityPeriod");
    if (validity.matches("[0-9]{1,18}")) {
      long seconds = Long.parseLong(validity);
      if (seconds < 1 || seconds > 36_000) {
        problems.add("ValidityPeriod must be 1 to 36000, was " + seconds);
      }
    }
  }

  /** The schema itself, or the one its {@code $ref} names. */
  JsonNode resolve(JsonNode schema) {
    JsonNode node = schema;
    while (node.has("$ref")) {
      String ref = node.get("$ref").asText();
      node = spec.at(ref.substring(1));
    }
    return node;
  }
}

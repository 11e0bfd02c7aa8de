package dev.p2p.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.p2p.StoreException;
import dev.p2p.action.StateRule;
import dev.p2p.action.StateRule.DayHours;
import dev.p2p.action.TextingSettings;
import java.io.IOException;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalTime;
import java.util.EnumMap;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/** {@link TextingSettings} to and from the JSON the store keeps. Thread-safe. */
final class SettingsJson {
  private static final ObjectMapper JSON = new ObjectMapper();

  private SettingsJson() {}

  static String write(TextingSettings s) {
    ObjectNode root = JSON.createObjectNode();
    s.optOutKeywords().forEach(root.putArray("optOutKeywords")::add);
    s.helpKeywords().forEach(root.putArray("helpKeywords")::add);
    s.helpText().ifPresent(t -> root.put("helpText", t));
    s.optOutConfirmation().ifPresent(t -> root.put("optOutConfirmation", t));
    root.put("lockWindowMinutes", s.lockWindow().toMinutes());
    root.put("stateRules", s.stateRules());
    root.put("waiveFederalQuietHours", s.waiveFederalQuietHours());
    ObjectNode states = root.putObject("stateWindows");
    s.stateWindows()
        .forEach(
            (state, rule) -> {
              ObjectNode days = states.putObject(state);
              rule.days()
                  .forEach(
                      (day, hours) ->
                          days.putArray(day.name())
                              .add(hours.start().toString())
                              .add(hours.end().toString()));
            });
    return root.toString();
  }

  static TextingSettings read(String json) {
    try {
      JsonNode root = JSON.readTree(json);
      Map<String, StateRule> states = new TreeMap<>();
      Iterator<Map.Entry<String, JsonNode>> it = root.path("stateWindows").fields();
      while (it.hasNext()) {
        Map.Entry<String, JsonNode> state = it.next();
        EnumMap<DayOfWeek, DayHours> days = new EnumMap<>(DayOfWeek.class);
        state
            .getValue()
            .fields()
            .forEachRemaining(
                day ->
                    days.put(
                        DayOfWeek.valueOf(day.getKey()),
                        new DayHours(
                            LocalTime.parse(day.getValue().get(0).asText()),
                            LocalTime.parse(day.getValue().get(1).asText()))));
        states.put(state.getKey(), new StateRule(days));
      }
      return new TextingSettings(
          strings(root.path("optOutKeywords")),
          strings(root.path("helpKeywords")),
          text(root, "helpText"),
          text(root, "optOutConfirmation"),
          Duration.ofMinutes(root.path("lockWindowMinutes").asLong(0)),
          root.path("stateRules").asBoolean(false),
          states,
          root.path("waiveFederalQuietHours").asBoolean(false));
    } catch (IOException | RuntimeException e) {
      throw new StoreException(
          "The organization's stored texting settings are unreadable", false, e);
    }
  }

  private static Optional<String> text(JsonNode root, String name) {
    JsonNode node = root.get(name);
    return node == null || node.isNull() ? Optional.empty() : Optional.of(node.asText());
  }

  private static Set<String> strings(JsonNode array) {
    Set<String> out = new LinkedHashSet<>();
    if (array instanceof ArrayNode) {
      array.forEach(n -> out.add(n.asText()));
    }
    return out;
  }
}

package dev.p2p.examples.admin;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.p2p.sms.CostModel;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EstimateCommandTest {
  /** Four contacts (Zoë's name is not GSM-7) and one invalid row. */
  private static final String LIST =
      """
      phone,first_name,polling_place
      (415) 555-2671,Ana,Main St Library
      (312) 555-0100,Zo\u00eb,City Hall
      (206) 555-0142,Bo,Town Hall
      (617) 555-0199,Cy,Fire Station
      12345,Nobody,Nowhere
      """;

  /** One segment for everyone; UCS-2 for Zoë. */
  private static final String SHORT = "Hi {firstName|there}, vote Tuesday!";

  /** Two GSM-7 segments for everyone: about 200 characters, no contact variable. */
  private static final String LONG =
      "Hi! It's {texterFirstName} with the campaign. Election day is Tuesday and every vote"
          + " matters this year. Can we count on you to vote? Polls are open from 7am to 8pm"
          + " and you can find your polling place online. Reply STOP to opt out.";

  @TempDir Path dir;
  private Path csv;

  @BeforeEach
  void writeList() throws IOException {
    csv = Files.writeString(dir.resolve("list.csv"), LIST, StandardCharsets.UTF_8);
  }

  @Test
  @DisplayName("two variants of different lengths: contacts, segments, max, encoding mix, cost")
  void twoVariantsJson() {
    Run run = Run.of("estimate", "--json", csv.toString(), SHORT, LONG);
    JsonNode json = run.json();

    assertThat(run.code()).isZero();
    assertThat(json.get("rowsRead").asLong()).isEqualTo(5);
    assertThat(json.get("invalid").asLong()).isEqualTo(1);
    assertThat(json.get("contacts").asLong()).isEqualTo(4);
    assertThat(json.get("sampled").asBoolean()).isFalse();
    assertThat(json.get("texterFirstName").asText()).isEqualTo("Alexandria");
    assertThat(json.get("assumptions").asText()).contains("{texterFirstName}", "Alexandria");
    JsonNode first = json.at("/variants/0");
    JsonNode second = json.at("/variants/1");
    assertThat(first.get("variant").asInt()).isEqualTo(1);
    assertThat(first.get("template").asText()).isEqualTo(SHORT);
    assertThat(first.get("share").asDouble()).isEqualTo(0.5);
    assertThat(first.get("contacts").asLong()).isEqualTo(2);
    assertThat(first.get("segments").asLong()).isEqualTo(2);
    assertThat(first.get("averageSegments").asDouble()).isEqualTo(1.0);
    assertThat(first.get("maxSegments").asInt()).isEqualTo(1);
    assertThat(first.get("gsm7Contacts").asLong()).isEqualTo(3);
    assertThat(first.get("ucs2Contacts").asLong()).isEqualTo(1);
    assertThat(second.get("contacts").asLong()).isEqualTo(2);
    assertThat(second.get("segments").asLong()).isEqualTo(4);
    assertThat(second.get("averageSegments").asDouble()).isEqualTo(2.0);
    assertThat(second.get("maxSegments").asInt()).isEqualTo(2);
    assertThat(second.get("ucs2Contacts").asLong()).isZero();
    assertThat(json.get("segments").asLong()).isEqualTo(6);
    assertThat(json.get("cost").decimalValue())
        .isEqualByComparingTo(CostModel.defaults().smsCost(6));
    assertThat(json.get("currency").asText()).isEqualTo("USD");
  }

  @Test
  @DisplayName("text output: the rejected rows in one line, each variant, the total")
  void twoVariantsText() {
    Run run = Run.of("estimate", csv.toString(), SHORT, LONG);

    assertThat(run.code()).isZero();
    assertThat(run.out())
        .contains("5 rows read, 4 imported; 1 rejected (1 invalid, 0 duplicates)")
        .contains("Alexandria")
        .contains("Variant 1:       " + SHORT)
        .contains("contacts 2 (50%), segments 2 (average 1.00, max 1), UCS-2 for 1 of 4 contacts")
        .contains("contacts 2 (50%), segments 4 (average 2.00, max 2), GSM-7 for all")
        .contains("Total:           4 messages, 6 segments, USD 0.0768");
  }

  @Test
  @DisplayName("--smart-encoding counts a curly-quoted template as GSM-7")
  void smartEncoding() {
    String curly = "It\u2019s {texterFirstName}: " + "x".repeat(60);

    JsonNode plain = Run.of("estimate", "--json", csv.toString(), curly).json();
    JsonNode smart = Run.of("estimate", "--json", "--smart-encoding", csv.toString(), curly).json();

    assertThat(plain.at("/variants/0/averageSegments").asDouble()).isEqualTo(2.0);
    assertThat(plain.at("/variants/0/ucs2Contacts").asLong()).isEqualTo(4);
    assertThat(smart.get("smartEncoding").asBoolean()).isTrue();
    assertThat(smart.at("/variants/0/averageSegments").asDouble()).isEqualTo(1.0);
    assertThat(smart.at("/variants/0/gsm7Contacts").asLong()).isEqualTo(4);
  }

  @Test
  @DisplayName("a column of the list is a variable templates may use")
  void customField() {
    Run run = Run.of("estimate", "--json", csv.toString(), "Vote at {pollingPlace}");

    assertThat(run.code()).isZero();
    assertThat(run.json().get("segments").asLong()).isEqualTo(4);
  }

  @Test
  @DisplayName("an unknown variable and an empty body exit 1, each named by its TEMPLATE")
  void templateProblems() {
    Run text = Run.of("estimate", csv.toString(), SHORT, "Hi {ward}", "");
    Run json = Run.of("estimate", "--json", csv.toString(), SHORT, "Hi {ward}");

    assertThat(text.code()).isEqualTo(1);
    assertThat(text.err())
        .contains("TEMPLATE 2: uses unknown variable {ward}")
        .contains("TEMPLATE 3: must not be empty")
        .doesNotContain("TEMPLATE 1");
    assertThat(text.out()).isEmpty();
    assertThat(json.code()).isEqualTo(1);
    assertThat(json.json().at("/problems/0/field").asText()).isEqualTo("script.initial[1].body");
    assertThat(json.json().at("/problems/0/reason").asText()).contains("{ward}");
  }

  @Test
  @DisplayName("a file that cannot be imported, or gives no contacts, exits 1")
  void fileProblems() throws IOException {
    Path noPhone = Files.writeString(dir.resolve("nophone.csv"), "name\nAna\n");
    Path noContacts = Files.writeString(dir.resolve("invalid.csv"), "phone\n12345\n");

    Run unimportable = Run.of("estimate", noPhone.toString(), SHORT);
    Run empty = Run.of("estimate", noContacts.toString(), SHORT);

    assertThat(unimportable.code()).isEqualTo(1);
    assertThat(unimportable.err()).contains("cannot be imported").contains("phone column");
    assertThat(empty.code()).isEqualTo(1);
    assertThat(empty.err()).contains("has no contacts");
  }

  @Test
  @DisplayName("bad usage exits 2: no TEMPLATE, missing file, unknown option")
  void badUsage() {
    Run noTemplate = Run.of("estimate", csv.toString());
    Run missing = Run.of("estimate", dir.resolve("nope.csv").toString(), SHORT);
    Run unknown = Run.of("estimate", "--bogus", csv.toString(), SHORT);

    assertThat(noTemplate.code()).isEqualTo(2);
    assertThat(noTemplate.err()).contains("TEMPLATE");
    assertThat(missing.code()).isEqualTo(2);
    assertThat(missing.err()).contains("does not exist");
    assertThat(unknown.code()).isEqualTo(2);
  }
}

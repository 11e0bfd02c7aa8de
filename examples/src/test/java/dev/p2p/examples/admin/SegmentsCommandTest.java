package dev.p2p.examples.admin;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.p2p.sms.CostModel;
import java.math.BigDecimal;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class SegmentsCommandTest {
  private static final String CURLY = "It\u2019s time";
  private static final String EMOJI = "Hi \u2014 it\u2019s Ana \uD83C\uDF89";

  @Test
  @DisplayName("160 GSM-7 characters are one segment, 161 are two")
  void gsm7Limits() {
    JsonNode one = Run.of("segments", "--json", "a".repeat(160)).json().get("original");
    JsonNode two = Run.of("segments", "--json", "a".repeat(161)).json().get("original");

    assertThat(one.get("encoding").asText()).isEqualTo("GSM-7");
    assertThat(one.get("units").asInt()).isEqualTo(160);
    assertThat(one.get("segments").asInt()).isEqualTo(1);
    assertThat(two.get("segments").asInt()).isEqualTo(2);
    assertThat(two.get("costPerMessage").decimalValue())
        .isEqualByComparingTo(CostModel.defaults().smsCost(2));
  }

  @Test
  @DisplayName("text output: encoding, characters, segments, cost, and 'already GSM-7'")
  void textForGsm7() {
    Run run = Run.of("segments", "a".repeat(161));

    assertThat(run.code()).isZero();
    assertThat(run.out())
        .contains("Encoding:        GSM-7")
        .contains("Characters:      161 septets")
        .contains("Segments:        2")
        .contains("USD 0.0256 per message")
        .contains("not needed, the text is already GSM-7");
  }

  @Test
  @DisplayName("a curly quote forces UCS-2, named with its code; the smart alternative is GSM-7")
  void curlyQuote() {
    Run text = Run.of("segments", CURLY);
    JsonNode json = Run.of("segments", "--json", CURLY).json();

    assertThat(text.code()).isZero();
    assertThat(text.out())
        .contains("Encoding:        UCS-2, forced by \u2019 U+2019")
        .contains("Characters:      9 UTF-16 code units")
        .contains("\"It's time\"")
        .contains("GSM-7, 9 septets, 1 segment");
    assertThat(json.at("/original/encoding").asText()).isEqualTo("UCS-2");
    assertThat(json.at("/original/ucs2Characters/0/character").asText()).isEqualTo("\u2019");
    assertThat(json.at("/original/ucs2Characters/0/codePoint").asText()).isEqualTo("U+2019");
    assertThat(json.at("/smartEncoding/text").asText()).isEqualTo("It's time");
    assertThat(json.at("/smartEncoding/encoding").asText()).isEqualTo("GSM-7");
    assertThat(json.get("smartEncodingHelps").asBoolean()).isTrue();
  }

  @Test
  @DisplayName("smart encoding saves a segment when a curly quote pushes a text past 70 units")
  void smartSavesSegment() {
    String text = "a".repeat(70) + "\u2019";
    Run run = Run.of("segments", text);
    JsonNode json = Run.of("segments", "--json", text).json();

    assertThat(json.at("/original/segments").asInt()).isEqualTo(2);
    assertThat(json.at("/smartEncoding/segments").asInt()).isEqualTo(1);
    assertThat(run.out()).contains("saves 1 segment");
  }

  @Test
  @DisplayName("an emoji keeps the text UCS-2: smart encoding cannot help")
  void emoji() {
    Run text = Run.of("segments", "--", EMOJI);
    JsonNode json = Run.of("segments", "--json", "--", EMOJI).json();

    assertThat(text.code()).isZero();
    assertThat(text.out())
        .contains("forced by \u2014 U+2014, \u2019 U+2019, \uD83C\uDF89 U+1F389")
        .contains("cannot help: the text stays UCS-2 because of \uD83C\uDF89 U+1F389");
    assertThat(json.at("/original/units").asInt()).isEqualTo(16);
    assertThat(json.at("/original/ucs2Characters").size()).isEqualTo(3);
    assertThat(json.at("/smartEncoding/encoding").asText()).isEqualTo("UCS-2");
    assertThat(json.at("/smartEncoding/ucs2Characters/0/codePoint").asText()).isEqualTo("U+1F389");
    assertThat(json.get("smartEncodingChanges").asBoolean()).isTrue();
    assertThat(json.get("smartEncodingHelps").asBoolean()).isFalse();
    assertThat(json.at("/original/costPerMessage").decimalValue())
        .isEqualByComparingTo(new BigDecimal("0.0128"));
  }

  @Test
  @DisplayName("-- lets a text start with '-'")
  void dashText() {
    Run run = Run.of("segments", "--json", "--", "-5% off");

    assertThat(run.code()).isZero();
    assertThat(run.json().at("/original/text").asText()).isEqualTo("-5% off");
  }

  @Test
  @DisplayName("bad usage exits 2: empty TEXT, missing TEXT, unknown option")
  void badUsage() {
    Run empty = Run.of("segments", "");
    Run missing = Run.of("segments");
    Run unknown = Run.of("segments", "--bogus", "hi");

    assertThat(empty.code()).isEqualTo(2);
    assertThat(empty.err()).contains("TEXT is empty");
    assertThat(missing.code()).isEqualTo(2);
    assertThat(missing.err()).contains("Missing required parameter: 'TEXT'");
    assertThat(unknown.code()).isEqualTo(2);
    assertThat(unknown.err()).contains("--bogus");
  }
}

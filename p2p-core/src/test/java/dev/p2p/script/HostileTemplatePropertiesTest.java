package dev.p2p.script;

import static org.assertj.core.api.Assertions.assertThat;

import dev.p2p.ValidationException;
import dev.p2p.Violation;
import dev.p2p.contact.ContactDetails;
import dev.p2p.texter.TexterProfile;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;

/**
 * Random and malicious text through {@link Template#parse}: each either parses into a template that
 * renders for any contact, or is refused with a {@link ValidationException} naming {@code body} in
 * a short message. Never another exception, whatever the nesting, length or characters. Part of the
 * reliability suite ("hostile input as properties").
 */
class HostileTemplatePropertiesTest {
  private static final List<String> TOKENS =
      List.of(
          "{",
          "}",
          "{{",
          "}}",
          "|",
          " ",
          "firstName",
          "имя",
          "名前",
          "pollingPlace",
          "1st",
          "_",
          "\u0000",
          "\uD800",
          "\uDC00",
          "😀",
          "\n",
          "{firstName|",
          "|friend}",
          "{ }",
          "${x}",
          "%s",
          "\\",
          "x".repeat(300),
          "{".repeat(50),
          "}".repeat(50));

  private static long tries;
  private static long parsed;
  private static long refused;

  private static final ContactDetails CONTACT = contact();
  private static final TexterProfile TEXTER = new TexterProfile("ana", "Ana", "Díaz");

  @Provide
  Arbitrary<String> templateShaped() {
    return Arbitraries.of(TOKENS).list().ofMaxSize(60).map(t -> String.join("", t));
  }

  @Provide
  Arbitrary<String> anyText() {
    return Arbitraries.strings().all().ofMaxLength(500);
  }

  @Property(tries = 2_000)
  void templateShapedTextParsesOrIsRefusedCleanly(@ForAll("templateShaped") String body) {
    check(body);
  }

  @Property(tries = 2_000)
  void anyTextParsesOrIsRefusedCleanly(@ForAll("anyText") String body) {
    check(body);
  }

  @Property(tries = 20)
  void deepNestingIsRefusedCleanly(@ForAll("depths") int depth) {
    check("{".repeat(depth) + "firstName" + "}".repeat(depth));
  }

  @Provide
  Arbitrary<Integer> depths() {
    return Arbitraries.integers().between(1, 100_000);
  }

  @AfterContainer
  static void figures() {
    System.out.printf(
        "[reliability] HostileTemplatePropertiesTest: %d bodies, %d parsed and rendered, %d"
            + " refused with a ValidationException, 0 other exceptions%n",
        tries, parsed, refused);
  }

  private static void check(String body) {
    tries++;
    Template template;
    try {
      template = Template.parse(body);
    } catch (ValidationException e) {
      refused++;
      assertThat(e.violations()).extracting(Violation::field).containsOnly("body");
      assertThat(e.getMessage()).hasSizeLessThan(20_000);
      return;
    }
    parsed++;
    assertThat(template.render(CONTACT, TEXTER)).isNotNull();
    assertThat(template.variables()).isNotNull();
  }

  private static ContactDetails contact() {
    Map<String, String> fields = new LinkedHashMap<>();
    fields.put("pollingPlace", "City Hall");
    fields.put("имя", "Анна");
    return new ContactDetails(
        "+13125550101",
        "Ana",
        "García",
        Optional.empty(),
        Optional.empty(),
        Optional.empty(),
        Optional.empty(),
        Optional.empty(),
        fields);
  }
}

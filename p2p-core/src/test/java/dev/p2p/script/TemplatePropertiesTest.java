package dev.p2p.script;

import static org.assertj.core.api.Assertions.assertThat;

import dev.p2p.ValidationException;
import dev.p2p.Violation;
import dev.p2p.contact.ContactDetails;
import dev.p2p.texter.TexterProfile;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.StringLength;
import org.jspecify.annotations.Nullable;

class TemplatePropertiesTest {
  static final List<String> KNOWN =
      List.of("firstName", "lastName", "texterFirstName", "texterLastName", "pollingPlace", "ward");

  /** A piece of a generated template: literal text, or a variable with an optional fallback. */
  record Piece(@Nullable String text, String name, @Nullable String fallback, String pad) {
    String source() {
      if (text != null) {
        return text.replace("{", "{{").replace("}", "}}");
      }
      return "{" + pad + name + pad + (fallback == null ? "" : "|" + fallback) + "}";
    }

    String expected(TemplateValues values) {
      if (text != null) {
        return text;
      }
      String value = values.value(name);
      if (fallback != null && (value == null || value.isBlank())) {
        return fallback.strip();
      }
      return value == null ? "" : value;
    }
  }

  @Property
  void anyTextParsesOrFailsWithBodyViolations(@ForAll("braceHeavy") String body) {
    try {
      Template.parse(body);
    } catch (ValidationException e) {
      assertThat(e.violations()).isNotEmpty().extracting(Violation::field).containsOnly("body");
    }
  }

  @Property
  void anyParsedTextRendersForAnyContactWithoutThrowing(
      @ForAll("braceHeavy") String body,
      @ForAll("contacts") ContactDetails contact,
      @ForAll("texters") TexterProfile texter) {
    Template template;
    try {
      template = Template.parse(body);
    } catch (ValidationException e) {
      return;
    }
    assertThat(template.render(contact, texter)).isNotNull();
  }

  @Property
  void renderingGivesEachPieceItsValueOrFallback(
      @ForAll("pieces") List<Piece> pieces,
      @ForAll("contacts") ContactDetails contact,
      @ForAll("texters") TexterProfile texter,
      @ForAll("fieldMaps") Map<String, String> overrides) {
    StringBuilder source = new StringBuilder();
    pieces.forEach(p -> source.append(p.source()));
    TemplateValues values = TemplateValues.of(contact, texter, overrides);
    StringBuilder expected = new StringBuilder();
    pieces.forEach(p -> expected.append(p.expected(values)));

    Template template = Template.parse(source.toString());

    assertThat(template.render(values)).isEqualTo(expected.toString());
    assertThat(template.source()).isEqualTo(source.toString());
  }

  @Provide
  Arbitrary<String> braceHeavy() {
    Arbitrary<String> tokens =
        Arbitraries.oneOf(
            Arbitraries.of("{", "}", "{{", "}}", "|", " ", "firstName", "ward", "_", "1", "😀"),
            Arbitraries.strings().ofMaxLength(5));
    return tokens.list().ofMaxSize(30).map(list -> String.join("", list));
  }

  @Provide
  Arbitrary<List<Piece>> pieces() {
    Arbitrary<String> names =
        Arbitraries.oneOf(
            Arbitraries.of(KNOWN),
            Arbitraries.strings()
                .withCharRange('a', 'z')
                .withCharRange('A', 'Z')
                .withCharRange('0', '9')
                .withChars('_')
                .ofMaxLength(12)
                .map(s -> "v" + s));
    Arbitrary<@Nullable String> fallbacks =
        Arbitraries.strings().excludeChars('{', '}').ofMaxLength(20).injectNull(0.4);
    Arbitrary<Piece> variables =
        Combinators.combine(names, fallbacks, Arbitraries.of("", " ", "  "))
            .as((name, fallback, pad) -> new Piece(null, name, fallback, pad));
    Arbitrary<Piece> literals =
        Arbitraries.strings().ofMaxLength(30).map(text -> new Piece(text, "", null, ""));
    return Arbitraries.oneOf(variables, literals).list().ofMaxSize(12);
  }

  @Provide
  Arbitrary<Map<String, String>> fieldMaps() {
    Arbitrary<String> values =
        Arbitraries.oneOf(
            Arbitraries.strings(),
            Arbitraries.of("", " ", "\t\n", "\u3000"),
            Arbitraries.strings().ofMinLength(1_000).ofMaxLength(3_000));
    return Arbitraries.maps(
            Arbitraries.oneOf(Arbitraries.of(KNOWN), Arbitraries.strings().ofMaxLength(8)), values)
        .ofMaxSize(6);
  }

  @Provide
  Arbitrary<ContactDetails> contacts() {
    return Combinators.combine(Arbitraries.strings(), Arbitraries.strings(), fieldMaps())
        .as(TemplatePropertiesTest::contact);
  }

  @Provide
  Arbitrary<TexterProfile> texters() {
    return Combinators.combine(Arbitraries.strings(), Arbitraries.strings())
        .as((first, last) -> new TexterProfile("t-1", first, last));
  }

  static ContactDetails contact(String first, String last, Map<String, String> fields) {
    return new ContactDetails(
        "+14155552671",
        first,
        last,
        Optional.empty(),
        Optional.empty(),
        Optional.empty(),
        Optional.empty(),
        Optional.empty(),
        new HashMap<>(fields));
  }

  @Property(tries = 20)
  void hugeValuesRenderWhole(@ForAll @StringLength(min = 100_000, max = 200_000) String huge) {
    ContactDetails contact = contact(huge, "", Map.of());

    assertThat(Template.parse("{firstName}!").render(contact, new TexterProfile("t", "", "")))
        .hasSize(huge.length() + 1);
  }
}

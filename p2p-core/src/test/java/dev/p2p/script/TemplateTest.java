package dev.p2p.script;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.p2p.ValidationException;
import dev.p2p.Violation;
import dev.p2p.contact.ContactDetails;
import dev.p2p.texter.TexterProfile;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class TemplateTest {
  static final TexterProfile ANA = new TexterProfile("u-1", "Ana", "Lima");
  static final ContactDetails JO = contact("Jo", "Park", Map.of("pollingPlace", "City Hall"));

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
        fields);
  }

  static List<String> problems(String body) {
    try {
      Template.parse(body);
    } catch (ValidationException e) {
      assertThat(e.violations()).extracting(Violation::field).containsOnly("body");
      return e.violations().stream().map(Violation::reason).toList();
    }
    throw new AssertionError("parsed without problems: " + body);
  }

  @Nested
  class Rendering {
    @Test
    void everyBuiltInVariableRendersItsValue() {
      Template t = Template.parse("{firstName} {lastName} / {texterFirstName} {texterLastName}");

      assertThat(t.render(JO, ANA)).isEqualTo("Jo Park / Ana Lima");
    }

    @Test
    void aCustomFieldRendersByItsCamelCaseName() {
      assertThat(Template.parse("Vote at {pollingPlace}.").render(JO, ANA))
          .isEqualTo("Vote at City Hall.");
    }

    @Test
    void anAbsentValueWithoutFallbackRendersEmpty() {
      assertThat(Template.parse("Ward: {ward}.").render(JO, ANA)).isEqualTo("Ward: .");
    }

    @Test
    void theFallbackIsUsedWhenTheValueIsAbsent() {
      assertThat(Template.parse("Ward {ward|unknown}").render(JO, ANA)).isEqualTo("Ward unknown");
    }

    @Test
    void theFallbackIsUsedWhenTheValueIsBlank() {
      ContactDetails blank = contact("  ", "", Map.of());

      assertThat(Template.parse("Hi {firstName|friend}!").render(blank, ANA))
          .isEqualTo("Hi friend!");
    }

    @Test
    void theFallbackIsNotUsedWhenTheValueIsPresent() {
      assertThat(Template.parse("Hi {firstName|friend}!").render(JO, ANA)).isEqualTo("Hi Jo!");
    }

    @Test
    void anEmptyFallbackRendersNothing() {
      assertThat(Template.parse("Hi{firstName|}!").render(contact("", "", Map.of()), ANA))
          .isEqualTo("Hi!");
    }

    @Test
    @DisplayName("a fallback keeps inner spaces and '|', and loses the spaces around it")
    void fallbackText() {
      assertThat(Template.parse("{ward | a | b c }").render(JO, ANA)).isEqualTo("a | b c");
    }

    @Test
    @DisplayName("'{{' and '}}' write literal braces, also around a variable")
    void literalBraces() {
      assertThat(Template.parse("{{x}} {{{firstName}}} }}{{").render(JO, ANA))
          .isEqualTo("{x} {Jo} }{");
    }

    @Test
    void spacesAroundANameInsideBracesAreIgnored() {
      Template t = Template.parse("Hi {  firstName  }!");

      assertThat(t.render(JO, ANA)).isEqualTo("Hi Jo!");
      assertThat(t.variables()).containsExactly("firstName");
    }

    @Test
    void unicodeTextAndValuesPassThroughUnchanged() {
      ContactDetails zoe = contact("Zoë 😀", "", Map.of("note", "日本語"));

      assertThat(Template.parse("¡Hola {firstName}! — {note} 👋").render(zoe, ANA))
          .isEqualTo("¡Hola Zoë 😀! — 日本語 👋");
    }

    @Test
    void aBodyWithoutVariablesRendersAsWritten() {
      Template t = Template.parse("Polls close at 8pm.");

      assertThat(t.variables()).isEmpty();
      assertThat(t.render(JO, ANA)).isEqualTo("Polls close at 8pm.");
    }

    @Test
    void anEmptyBodyRendersEmpty() {
      assertThat(Template.parse("").render(JO, ANA)).isEmpty();
    }

    @Test
    void overridesWinOverTheContactsFields() {
      TemplateValues values =
          TemplateValues.of(JO, ANA, Map.of("pollingPlace", "Library", "ward", "7"));

      assertThat(Template.parse("{pollingPlace}, ward {ward}, {firstName}").render(values))
          .isEqualTo("Library, ward 7, Jo");
    }

    @Test
    void anyTemplateValuesFunctionCanRender() {
      assertThat(Template.parse("{a}-{b|none}").render(name -> name.equals("a") ? "1" : null))
          .isEqualTo("1-none");
    }
  }

  @Nested
  class Describing {
    @Test
    void variablesAreDistinctInOrderOfFirstUse() {
      Template t = Template.parse("{b} {a} {b|x} {texterFirstName}");

      assertThat(t.variables()).containsExactly("b", "a", "texterFirstName");
    }

    @Test
    void aVariableHasAFallbackOnlyWhenEveryUseGivesOne() {
      Template t = Template.parse("{firstName|there} {ward|?} {ward}");

      assertThat(t.hasFallback("firstName")).isTrue();
      assertThat(t.hasFallback("ward")).isFalse();
      assertThat(t.hasFallback("lastName")).isFalse();
    }

    @Test
    void builtInVariablesAreTheNamesOfContactAndTexter() {
      assertThat(Template.BUILT_IN_VARIABLES)
          .containsExactlyInAnyOrder("firstName", "lastName", "texterFirstName", "texterLastName");
    }

    @Test
    void templatesAreEqualByTheirSource() {
      assertThat(Template.parse("Hi {firstName}"))
          .isEqualTo(Template.parse("Hi {firstName}"))
          .hasSameHashCodeAs(Template.parse("Hi {firstName}"))
          .isNotEqualTo(Template.parse("Hi { firstName }"));
      assertThat(Template.parse("Hi {firstName}").toString()).contains("Hi {firstName}");
    }
  }

  @Nested
  class SyntaxErrors {
    @Test
    void anUnclosedBraceIsNamedWithItsPosition() {
      assertThat(problems("Hi {firstName"))
          .singleElement()
          .asString()
          .startsWith("has an unclosed '{' at position 4");
    }

    @Test
    @DisplayName("a brace inside a fallback leaves the variable unclosed and its '}' stray")
    void braceInsideFallback() {
      assertThat(problems("Hi {a|x{{y}"))
          .satisfiesExactly(
              p -> assertThat(p).startsWith("has an unclosed '{' at position 4"),
              p -> assertThat(p).startsWith("has a stray '}' at position 11"));
    }

    @Test
    void aStrayClosingBraceIsNamedWithItsPosition() {
      assertThat(problems("Hi } there"))
          .singleElement()
          .asString()
          .startsWith("has a stray '}' at position 4");
    }

    @Test
    void anEmptyVariableIsNamed() {
      assertThat(problems("Hi { }"))
          .singleElement()
          .asString()
          .startsWith("has an empty variable '{}' at position 4");
    }

    @Test
    void aFallbackWithoutANameIsNamed() {
      assertThat(problems("Hi {|friend}"))
          .singleElement()
          .asString()
          .startsWith("has a fallback with no variable name before '|' at position 4");
    }

    @Test
    void aBadVariableNameIsQuoted() {
      assertThat(problems("{1st} {first name} {first-name} {_x} {n€}"))
          .containsExactly(
              "has a bad variable name '1st' at position 1: a name is a letter followed by"
                  + " letters, digits or '_'",
              "has a bad variable name 'first name' at position 7: a name is a letter followed"
                  + " by letters, digits or '_'",
              "has a bad variable name 'first-name' at position 20: a name is a letter followed"
                  + " by letters, digits or '_'",
              "has a bad variable name '_x' at position 33: a name is a letter followed by"
                  + " letters, digits or '_'",
              "has a bad variable name 'n€' at position 38: a name is a letter followed by"
                  + " letters, digits or '_'");
    }

    @Test
    void aVeryLongBadNameIsShortenedInTheMessage() {
      assertThat(problems("{" + "-".repeat(500) + "}"))
          .singleElement()
          .asString()
          .contains("'" + "-".repeat(40) + "...'");
    }

    @Test
    void everyProblemIsListedAtOnceInOrder() {
      assertThat(problems("} {} {ok} {9|x} {|y} {open"))
          .hasSize(5)
          .satisfiesExactly(
              p -> assertThat(p).startsWith("has a stray '}' at position 1"),
              p -> assertThat(p).startsWith("has an empty variable '{}' at position 3"),
              p -> assertThat(p).startsWith("has a bad variable name '9' at position 11"),
              p -> assertThat(p).startsWith("has a fallback with no variable name"),
              p -> assertThat(p).startsWith("has an unclosed '{' at position 22"));
    }

    @Test
    void theExceptionMessageCountsTheProblems() {
      assertThatThrownBy(() -> Template.parse("{ {"))
          .isInstanceOf(ValidationException.class)
          .hasMessageStartingWith("2 problems: body has an unclosed '{' at position 1");
    }
  }
}

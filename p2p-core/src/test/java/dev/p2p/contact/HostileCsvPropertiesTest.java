package dev.p2p.contact;

import static org.assertj.core.api.Assertions.assertThat;

import dev.p2p.P2P;
import dev.p2p.P2PException;
import dev.p2p.ValidationException;
import dev.p2p.Violation;
import dev.p2p.store.memory.InMemoryStore;
import java.io.ByteArrayInputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;

/**
 * Random and malicious bytes through {@link Contacts#importCsv}: each file either imports, with a
 * report whose counts add up and a list holding exactly the contacts it says, or is refused with a
 * {@link ValidationException} naming {@code file} or {@code header} in a short message, leaving no
 * list behind. Never another exception. Part of the reliability suite ("hostile input as
 * properties").
 */
class HostileCsvPropertiesTest {
  private static final List<String> TOKENS =
      List.of(
          "\"",
          "\"\"",
          ",",
          "\n",
          "\r\n",
          "\r",
          " ",
          "phone",
          "first name",
          "Имя",
          "名前",
          "notes",
          "+13125550101",
          "+13125550102",
          "(415) 555-2671",
          "not-a-phone",
          "0",
          "\u0000",
          "\uFEFF",
          "=HYPERLINK(\"x\")",
          "é",
          "😀",
          "\t",
          ";",
          "x".repeat(1_001),
          "\\",
          "'",
          "{firstName}");

  private static final List<Charset> CHARSETS =
      List.of(
          StandardCharsets.UTF_8,
          StandardCharsets.UTF_16LE,
          StandardCharsets.ISO_8859_1,
          Charset.forName("windows-1252"));

  private static long tries;
  private static long imported;
  private static long refused;

  private final Contacts contacts =
      P2P.builder().store(InMemoryStore.create()).build().organization("acme").contacts();

  @Provide
  Arbitrary<byte[]> randomBytes() {
    return Arbitraries.bytes().array(byte[].class).ofMaxSize(2_000);
  }

  @Provide
  Arbitrary<String> csvShaped() {
    Arbitrary<String> body =
        Arbitraries.of(TOKENS).list().ofMaxSize(80).map(t -> String.join("", t));
    Arbitrary<String> header =
        Arbitraries.of("phone,first name,notes\n", "phone\n", "\"phone\",\"Имя\"\n", "", "phone,");
    return header.flatMap(h -> body.map(b -> h + b));
  }

  /** Rows of phones and names, a few with a stray quote, a quoted line break or a quoted quote. */
  @Provide
  Arbitrary<String> rowsWithStrayQuotes() {
    Arbitrary<String> phone =
        Arbitraries.integers().between(100, 199).map(n -> "+1312555" + "0" + n);
    Arbitrary<String> name =
        Arbitraries.of(
            "Ana", "\"Bo", "Cy\"", "\"Di, \"\"x\"\"\"", "Имя", "\"multi\nline\"", "", "\"\"");
    Arbitrary<String> row = phone.flatMap(p -> name.map(n -> p + "," + n + "\n"));
    return row.list()
        .ofMinSize(1)
        .ofMaxSize(40)
        .map(r -> "phone,first name\n" + String.join("", r));
  }

  @Property(tries = 600)
  void strayQuotesNeverSwallowRows(@ForAll("rowsWithStrayQuotes") String text) {
    check(text.getBytes(StandardCharsets.UTF_8), StandardCharsets.UTF_8);
  }

  @Provide
  Arbitrary<Charset> charsets() {
    return Arbitraries.of(CHARSETS);
  }

  @Property(tries = 400)
  void anyBytesImportOrAreRefusedCleanly(
      @ForAll("randomBytes") byte[] bytes, @ForAll("charsets") Charset charset) {
    check(bytes, charset);
  }

  @Property(tries = 600)
  void csvShapedTextImportsOrIsRefusedCleanly(
      @ForAll("csvShaped") String text, @ForAll("charsets") Charset charset) {
    check(text.getBytes(charset), charset);
  }

  @AfterContainer
  static void figures() {
    System.out.printf(
        "[reliability] HostileCsvPropertiesTest: %d files, %d imported, %d refused with a"
            + " ValidationException, 0 other exceptions%n",
        tries, imported, refused);
  }

  private void check(byte[] bytes, Charset charset) {
    tries++;
    int listsBefore = contacts.lists().size();
    ImportOptions options = ImportOptions.builder().charset(charset).build();
    ImportReport report;
    try {
      report = contacts.importCsv("Hostile", new ByteArrayInputStream(bytes), options, p -> {});
    } catch (ValidationException e) {
      refused++;
      assertThat(e.violations()).extracting(Violation::field).isSubsetOf("file", "header");
      assertThat(e.getMessage()).hasSizeLessThan(4_000);
      assertThat(contacts.lists()).hasSize(listsBefore);
      return;
    } catch (P2PException e) {
      throw new AssertionError("an import of bytes in memory failed otherwise than validation", e);
    }
    imported++;
    assertThat(report.imported() + report.duplicates() + report.invalid())
        .isEqualTo(report.rowsRead());
    assertThat(report.errors()).allSatisfy(err -> assertThat(err.reason()).hasSizeLessThan(2_000));
    ContactList list = contacts.list(report.listId().orElseThrow()).orElseThrow();
    assertThat(list.size()).isEqualTo(report.imported());
    for (Contact c : contacts.page(list.id(), Contacts.MAX_PAGE).items()) {
      assertThat(c.phone()).matches("\\+[1-9][0-9]{6,14}");
      assertThat(c.details().firstName()).satisfies(HostileCsvPropertiesTest::swallowsNoRow);
      assertThat(c.details().fields().values()).allSatisfy(HostileCsvPropertiesTest::swallowsNoRow);
    }
  }

  /** No line of a value after its first reads as a row of the file: a phone, then a comma. */
  private static void swallowsNoRow(String value) {
    String[] lines = value.split("\r\n|\r|\n", -1);
    for (int i = 1; i < lines.length; i++) {
      assertThat(lines[i]).doesNotContainPattern("^\\+1312555[0-9]{4},");
    }
  }
}

package dev.p2p.store.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import dev.p2p.Organization;
import dev.p2p.P2P;
import dev.p2p.contact.Contact;
import dev.p2p.contact.ImportReport;
import dev.p2p.contact.NewContact;
import dev.p2p.texter.TexterProfile;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Keeps the README's example compiling, running and identical to the code below. */
class ReadmeExampleTest {
  @TempDir Path dataDir;

  @Test
  @DisplayName("the README example runs on an embedded H2 database")
  void readmeExampleRuns() throws IOException {
    Path votersCsv = dataDir.resolve("voters.csv");
    Files.writeString(
        votersCsv,
        "phone,first_name,last_name,zip,Polling Place\n"
            + "(312) 555-0101,Ana,Diaz,60601,City Hall\n"
            + "312.555.0102,Ben,Ng,60602,Library\n"
            + "+1 312 555 0101,Ana,Dup,60601,City Hall\n"
            + "not a phone,Bad,Row,60601,\n");

    // readme-example:start
    try (P2P p2p = P2P.builder().store(JdbcStore.h2(dataDir)).build()) {
      Organization acme = p2p.organization("acme");

      // Import a CSV: phones normalized to E.164, duplicates and bad rows reported per row.
      ImportReport imported =
          acme.contacts()
              .importCsv(
                  "GOTV list",
                  votersCsv,
                  progress -> System.out.printf("%,d rows read%n", progress.rowsRead()));
      System.out.printf(
          "%,d imported, %,d duplicates, %,d invalid%n",
          imported.imported(), imported.duplicates(), imported.invalid());

      // Texters and teams come from the CRM.
      acme.texters().upsert(new TexterProfile("ana", "Ana", "Lopez"));
      acme.teams().upsert("volunteers", "Volunteers");
      acme.teams().addMembers("volunteers", List.of("ana"));

      // Contacts can be added and looked up one by one too.
      long listId = imported.listId().orElseThrow();
      acme.contacts().add(listId, NewContact.builder("(312) 555-0199").firstName("Sam").build());
      Optional<Contact> sam = acme.contacts().findByPhone(listId, "+1 312 555 0199");
      // readme-example:end

      assertThat(imported.imported()).isEqualTo(2);
      assertThat(imported.duplicates()).isEqualTo(1);
      assertThat(imported.invalid()).isEqualTo(1);
      assertThat(sam.map(Contact::phone)).contains("+13125550199");
      assertThat(acme.teams().members("volunteers")).containsExactly("ana");
      assertThat(acme.contacts().list(listId).orElseThrow().size()).isEqualTo(3);
    }
  }

  @Test
  @DisplayName("the README shows exactly the example this test runs")
  void readmeMatchesThisTest() throws IOException {
    Path root = Path.of("").toAbsolutePath().getParent();
    String readme = Files.readString(root.resolve("README.md"), StandardCharsets.UTF_8);
    String test =
        Files.readString(
            Path.of("src/test/java/dev/p2p/store/jdbc/ReadmeExampleTest.java"),
            StandardCharsets.UTF_8);
    String shown = squeeze(between(readme, "<!-- readme-example:start -->\n```java\n", "```\n"));
    String run = squeeze(between(test, "// readme-example:start\n", "// readme-example:end"));
    // The README closes the try block that this test keeps open for its assertions.
    assertThat(shown).isEqualTo(run + "}");
  }

  private static String between(String text, String start, String end) {
    Matcher m =
        Pattern.compile(Pattern.quote(start) + "(.*?)" + Pattern.quote(end), Pattern.DOTALL)
            .matcher(text);
    assertThat(m.find()).as("markers %s ... %s", start.strip(), end.strip()).isTrue();
    return m.group(1);
  }

  /** Code without whitespace, so that formatting differences do not count. */
  private static String squeeze(String code) {
    return code.replaceAll("\\s+", "");
  }
}

package dev.p2p.testsupport;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Keeps the code a Markdown page shows identical to code a test runs, so that a README example
 * cannot rot: the page marks its block with {@code <!-- NAME:start -->} before the fenced {@code
 * java} block, the test marks the code it runs with {@code // NAME:start} and {@code // NAME:end}.
 */
public final class DocSnippets {
  private DocSnippets() {}

  /**
   * Asserts that the page's block called {@code name} shows, white space aside, exactly the code
   * between the test source's markers of that name.
   */
  public static void assertShown(Path markdown, Path javaSource, String name) {
    String shown = between(read(markdown), "<!-- " + name + ":start -->\n```java\n", "```\n");
    String run = between(read(javaSource), "// " + name + ":start\n", "// " + name + ":end");
    assertThat(squeeze(shown)).as("%s in %s", name, markdown.getFileName()).isEqualTo(squeeze(run));
  }

  /** The project's README, seen from a module's folder (where Maven runs a module's tests). */
  public static Path readme() {
    Path module = Path.of("").toAbsolutePath();
    Path project = module.getParent();
    return (project == null ? module : project).resolve("README.md");
  }

  private static String read(Path file) {
    try {
      return Files.readString(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String between(String text, String start, String end) {
    Matcher m =
        Pattern.compile(Pattern.quote(start) + "(.*?)" + Pattern.quote(end), Pattern.DOTALL)
            .matcher(text);
    assertThat(m.find()).as("markers %s ... %s", start.strip(), end.strip()).isTrue();
    return m.group(1);
  }

  private static String squeeze(String code) {
    return code.replaceAll("\\s+", "");
  }
}

package dev.p2p.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The READMEs say what the jar does: the same command, options and subcommands. */
class ReadmeDemoTest {
  private static final String COMMAND =
      "mvn -q -pl examples -am package -DskipTests && java -jar examples/target/p2p-demo.jar";

  @Test
  @DisplayName("both READMEs give the one command that builds and runs the demo")
  void command() throws IOException {
    assertThat(read("README.md")).contains(COMMAND);
    assertThat(read("examples/README.md")).contains(COMMAND);
  }

  @Test
  @DisplayName("every option and command the examples README names is one the jar takes")
  void options() throws IOException {
    String readme = read("examples/README.md");
    Set<String> named = new LinkedHashSet<>();
    Matcher option = Pattern.compile("`(--[a-z-]+)").matcher(readme);
    while (option.find()) {
      named.add(option.group(1));
    }
    assertThat(named).contains("--contacts", "--texters", "--seed", "--jdbc-url", "--out");

    String help = help();
    for (String name : named) {
      assertThat(help).as("p2p-demo --help and its commands' help").contains(name);
    }
    assertThat(readme).contains("`segments ", "`check-csv ", "`estimate ");
  }

  private static String help() {
    StringBuilder all = new StringBuilder();
    for (String[] args :
        new String[][] {
          {"--help"}, {"segments", "--help"}, {"check-csv", "--help"}, {"estimate", "--help"}
        }) {
      StringWriter out = new StringWriter();
      assertThat(DemoApp.run(new PrintWriter(out), new PrintWriter(new StringWriter()), args))
          .isZero();
      all.append(out);
    }
    return all.toString();
  }

  private static String read(String file) throws IOException {
    // Tests run in examples/; the root README is one level up.
    Path here = Path.of("").toAbsolutePath();
    Path root = Files.exists(here.resolve("examples")) ? here : here.getParent();
    return Files.readString(root.resolve(file), StandardCharsets.UTF_8);
  }
}

package dev.p2p.examples.demo;

import static org.assertj.core.api.Assertions.assertThat;

import dev.p2p.examples.DemoApp;
import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The demo's options: bad ones get a message naming the option and exit code 2. */
class DemoOptionsTest {

  @ParameterizedTest(name = "{0} {1}")
  @CsvSource({
    "--contacts, 0, '--contacts must be between 1 and 1,000,000, was 0'",
    "--contacts, many, 'Invalid value for option ''--contacts'''",
    "--texters, 0, '--texters must be between 1 and 1,000, was 0'",
    "--texters, 1001, '--texters must be between 1 and 1,000, was 1001'",
    "--seed, x, 'Invalid value for option ''--seed'''",
    "--jdbc-url, postgres://db, '--jdbc-url must be a JDBC URL starting with jdbc:'",
  })
  @DisplayName("a bad value is named and exits 2")
  void badValue(String option, String value, String message) {
    StringWriter err = new StringWriter();
    int code =
        DemoApp.run(new PrintWriter(new StringWriter()), new PrintWriter(err), option, value);
    assertThat(code).isEqualTo(2);
    assertThat(err.toString()).contains(message);
  }

  @Test
  @DisplayName("an unknown option exits 2; --help lists every option and exits 0")
  void unknownAndHelp() {
    StringWriter err = new StringWriter();
    assertThat(DemoApp.run(new PrintWriter(new StringWriter()), new PrintWriter(err), "--fast"))
        .isEqualTo(2);
    assertThat(err.toString()).contains("Unknown option: '--fast'");

    StringWriter out = new StringWriter();
    assertThat(DemoApp.run(new PrintWriter(out), new PrintWriter(new StringWriter()), "--help"))
        .isZero();
    assertThat(out.toString())
        .contains(
            "--contacts",
            "--texters",
            "--jdbc-url",
            "--seed",
            "--out",
            "segments",
            "check-csv",
            "estimate");
  }
}

package dev.p2p.store.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.sql.SQLException;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("A failure made safe to log")
class LogSafeTest {

  private static String printed(Throwable t) {
    StringWriter out = new StringWriter();
    t.printStackTrace(new PrintWriter(out));
    return out.toString();
  }

  @Test
  @DisplayName("PostgreSQL's key and row details lose their phone and body")
  void postgresDetails() {
    SQLException pg =
        new SQLException(
            "ERROR: duplicate key value violates unique constraint \"contacts_phone\"\n"
                + "  Detail: Key (org_id, phone)=(acme, +13125550101) already exists.",
            "23505");
    RuntimeException wrapped = new IllegalStateException("could not import", pg);

    String text = printed(LogSafe.of(wrapped));

    assertThat(text)
        .doesNotContain("3125550101")
        .contains("java.lang.IllegalStateException: could not import")
        .contains("Caused by: java.sql.SQLException: ERROR: duplicate key value")
        .contains("Detail: (left out of logs)")
        .contains("at dev.p2p.store.support.LogSafeTest.postgresDetails");
  }

  @Test
  @DisplayName("MariaDB's duplicate entry and a bare digit run keep only their last four digits")
  void digitRuns() {
    String text =
        LogSafe.text("Duplicate entry '+13125550101-acme' for key 'contacts_phone' (row 31255501)");

    assertThat(text)
        .isEqualTo("Duplicate entry '+*******0101-acme' for key 'contacts_phone' (row ****5501)");
  }

  @Test
  @DisplayName("a long message is cut, and causes that loop are copied once")
  void longAndLooping() {
    String body = "x".repeat(5_000);
    RuntimeException a = new RuntimeException(body);
    RuntimeException b = new RuntimeException("b", a);
    a.initCause(b);
    a.addSuppressed(new IllegalArgumentException("+14155554567"));

    Throwable safe = LogSafe.of(a);

    assertThat(safe.getMessage()).hasSize(515).endsWith("x... (4500 more)");
    assertThat(safe.getCause().getCause()).isSameAs(safe);
    assertThat(safe.getSuppressed()[0])
        .hasToString("java.lang.IllegalArgumentException: +*******4567");
    assertThat(LogSafe.text(null)).isEmpty();
  }
}

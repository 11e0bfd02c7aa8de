package dev.p2p.store.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An application's own shutdown hook (Spring's, closing its beans) may still write through an H2
 * file store and close it: H2 must not close the database under it at JVM exit. Runs a JVM that
 * writes from its shutdown hook after H2's own exit hook, if H2 registered one, has finished.
 */
class H2ShutdownTest {
  @TempDir Path directory;

  @Test
  @DisplayName("a shutdown hook writes through JdbcStore.h2 and closes it after H2's exit hook")
  void writesFromAShutdownHook() throws IOException, InterruptedException {
    Process child =
        new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp",
                System.getProperty("java.class.path"),
                Child.class.getName(),
                directory.toString())
            .redirectErrorStream(true)
            .start();
    boolean exited = child.waitFor(60, TimeUnit.SECONDS);
    if (!exited) {
      child.destroyForcibly();
    }
    String output = new String(child.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(exited).as("the child JVM exited; it printed: %s", output).isTrue();
    assertThat(output).contains("hook wrote and closed the store");
    try (JdbcStore reopened = JdbcStore.h2(directory)) {
      assertThat(reopened.texters("late", "", 10)).isEmpty(); // the organization exists
    }
  }

  /** The child JVM: opens the store, exits, and writes from a shutdown hook. */
  static final class Child {
    private Child() {}

    public static void main(String[] args) {
      JdbcStore store = JdbcStore.h2(Path.of(args[0]));
      store.ensureOrganization("early", Instant.now());
      Runtime.getRuntime()
          .addShutdownHook(
              new Thread(
                  () -> {
                    try {
                      for (Thread t : h2ExitHooks()) {
                        t.join();
                      }
                      store.ensureOrganization("late", Instant.now());
                      store.close();
                      System.out.println("hook wrote and closed the store");
                    } catch (RuntimeException | InterruptedException e) {
                      System.out.println("hook failed: " + e);
                    }
                  }));
    }

    /** The exit hooks H2 registered to close its databases (none with DB_CLOSE_ON_EXIT=FALSE). */
    private static List<Thread> h2ExitHooks() {
      return Thread.getAllStackTraces().keySet().stream()
          .filter(t -> t.getClass().getName().equals("org.h2.engine.OnExitDatabaseCloser"))
          .toList();
    }
  }
}

package dev.p2p.store.jdbc;

import dev.p2p.store.Store;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;

/** Crash and restart on an H2 file database: each node opens its own pool on the same files. */
class H2CrashRestartTest extends CrashRestartCheck {
  @TempDir Path directory;

  @Override
  Store openStore() {
    return JdbcStore.h2(directory);
  }
}

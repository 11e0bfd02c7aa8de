package dev.p2p.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import dev.p2p.store.Store;
import dev.p2p.store.memory.InMemoryStore;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The parity suite: runs {@link ParityDay} on {@code InMemoryStore}, the reference, and on the
 * store under test, and asserts that the two transcripts are equal line by line: the same event
 * feed, inbox counts, reports, exports, and the same exception (class and message) for every
 * refused call. A store runs it through a subclass that supplies a fresh store; on a difference,
 * the failure shows the first differing lines with the lines before them.
 */
public abstract class ParityContract {
  /** The system property naming a folder to write both transcripts to. */
  public static final String DUMP = "p2p.parity.dump";

  private static final int CONTEXT = 8;

  /** A new, empty store for one run; the day closes it. */
  protected abstract Store createStore();

  @Test
  @DisplayName("one scripted day gives the same transcript as on the in-memory store")
  void sameDayAsInMemory() {
    Transcript reference = ParityDay.run(InMemoryStore.create());
    assertThat(reference.lines())
        .as("calls the day expects to be refused, on the in-memory store")
        .noneMatch(line -> line.startsWith(Transcript.NOT_REFUSED));

    Transcript actual = ParityDay.run(createStore());

    dump(reference, actual);
    Optional<String> difference = reference.firstDifference(actual, CONTEXT);
    if (difference.isPresent()) {
      fail(getClass().getSimpleName() + ": " + difference.get());
    }
    assertThat(actual).isEqualTo(reference);
  }

  /**
   * With the system property {@value #DUMP} naming a folder, writes both transcripts there (for
   * reading a difference whole).
   */
  private void dump(Transcript reference, Transcript actual) {
    String folder = System.getProperty(DUMP, "");
    if (folder.isEmpty()) {
      return;
    }
    try {
      Path dir = Files.createDirectories(Path.of(folder));
      String name = getClass().getSimpleName();
      Files.writeString(dir.resolve(name + ".reference.txt"), reference + "\n");
      Files.writeString(dir.resolve(name + ".actual.txt"), actual + "\n");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}

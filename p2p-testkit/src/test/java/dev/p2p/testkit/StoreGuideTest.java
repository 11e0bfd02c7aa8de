package dev.p2p.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.p2p.store.ActionStore;
import dev.p2p.store.AssignmentStore;
import dev.p2p.store.ContactImport;
import dev.p2p.store.ConversationStore;
import dev.p2p.store.EventStore;
import dev.p2p.store.MessageStore;
import dev.p2p.store.OptOutStore;
import dev.p2p.store.ReportStore;
import dev.p2p.store.Store;
import java.io.IOException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Keeps docs/writing-a-store.md in step with the store SPI it describes. */
class StoreGuideTest {
  private static final List<Class<?>> PARTS =
      List.of(
          Store.class,
          ContactImport.class,
          ActionStore.class,
          AssignmentStore.class,
          ConversationStore.class,
          MessageStore.class,
          OptOutStore.class,
          ReportStore.class,
          EventStore.class);

  /** Methods every Java object or AutoCloseable has, which the guide need not list. */
  private static final Set<String> INHERITED = Set.of("close");

  @Test
  @DisplayName("the guide names every part and every method of the store SPI")
  void guideNamesEveryMethod() throws IOException {
    String guide =
        Files.readString(
            Path.of("").toAbsolutePath().getParent().resolve("docs/writing-a-store.md"),
            StandardCharsets.UTF_8);
    for (Class<?> part : PARTS) {
      assertThat(guide).as("the part %s", part.getSimpleName()).contains(part.getSimpleName());
      Stream<String> methods =
          Arrays.stream(part.getDeclaredMethods())
              .filter(m -> !Modifier.isStatic(m.getModifiers()) && !m.isSynthetic())
              .map(Method::getName)
              .filter(name -> !INHERITED.contains(name));
      methods.forEach(
          name ->
              assertThat(guide.contains("`" + name + "`") || guide.contains("`" + name + "()`"))
                  .as("the guide names %s.%s", part.getSimpleName(), name)
                  .isTrue());
    }
  }
}

package dev.p2p.examples.webapp;

import dev.p2p.Organization;
import dev.p2p.contact.ImportOptions;
import dev.p2p.contact.ImportProgress;
import dev.p2p.contact.ImportReport;
import dev.p2p.contact.RowError;
import jakarta.annotation.PreDestroy;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Contact-list uploads: the file is kept in a temporary file and imported on a thread of its own,
 * while the page polls its progress (bytes read out of the file's size, rows so far).
 */
@Component
public class ListUploads {
  private static final Logger LOG = LoggerFactory.getLogger(ListUploads.class);

  private final Organization org;
  private final ExecutorService imports = Executors.newSingleThreadExecutor(ListUploads::daemon);
  private final Map<String, Upload> uploads = new ConcurrentHashMap<>();

  /**
   * Uploads into the example's organization.
   *
   * @param org the organization
   */
  public ListUploads(Organization org) {
    this.org = org;
  }

  /** An upload as the page sees it: progress while it runs, the report when done. */
  public record Status(
      String id,
      long bytes,
      long bytesRead,
      long rowsRead,
      long imported,
      long duplicates,
      long invalid,
      boolean done,
      @Nullable Long listId,
      List<String> errors,
      @Nullable String failure) {}

  private static final class Upload {
    final String id;
    final long bytes;
    volatile ImportProgress progress = new ImportProgress(0, 0, 0, 0, 0);
    volatile @Nullable ImportReport report;
    volatile @Nullable String failure;

    Upload(String id, long bytes) {
      this.id = id;
      this.bytes = bytes;
    }

    Status status() {
      ImportReport r = report;
      ImportProgress p = progress;
      if (r != null) {
        List<String> errors = r.errors().stream().limit(20).map(RowError::toString).toList();
        return new Status(
            id,
            bytes,
            bytes,
            r.rowsRead(),
            r.imported(),
            r.duplicates(),
            r.invalid(),
            true,
            r.listId().isPresent() ? r.listId().getAsLong() : null,
            errors,
            null);
      }
      return new Status(
          id,
          bytes,
          p.bytesRead(),
          p.rowsRead(),
          p.imported(),
          p.duplicates(),
          p.invalid(),
          failure != null,
          null,
          List.of(),
          failure);
    }
  }

  /**
   * Starts importing a CSV file.
   *
   * @param listName the new list's name
   * @param csv the file's bytes, read now into a temporary file
   * @return the upload's first status
   * @throws IOException if the file cannot be kept
   */
  public Status start(String listName, InputStream csv) throws IOException {
    Path file = Files.createTempFile("p2p-upload-", ".csv");
    long bytes = Files.copy(csv, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    Upload upload = new Upload(UUID.randomUUID().toString(), bytes);
    uploads.put(upload.id, upload);
    imports.execute(() -> run(upload, listName, file));
    return upload.status();
  }

  /**
   * An upload's status.
   *
   * @param id the upload
   * @return its status, if there is such an upload
   */
  public @Nullable Status status(String id) {
    Upload upload = uploads.get(id);
    return upload == null ? null : upload.status();
  }

  private void run(Upload upload, String listName, Path file) {
    ImportOptions options = ImportOptions.builder().progressInterval(50).build();
    try (InputStream in = Files.newInputStream(file)) {
      upload.report = org.contacts().importCsv(listName, in, options, p -> upload.progress = p);
    } catch (RuntimeException | IOException e) {
      LOG.info("contact import {} refused: {}", upload.id, e.getClass().getSimpleName());
      upload.failure = e.getMessage();
    } finally {
      try {
        Files.deleteIfExists(file);
      } catch (IOException e) {
        LOG.warn("could not delete the upload's temporary file", e);
      }
    }
  }

  private static Thread daemon(Runnable r) {
    Thread t = new Thread(r, "contact-import");
    t.setDaemon(true);
    return t;
  }

  /** Stops the import thread. */
  @PreDestroy
  public void stop() {
    imports.shutdownNow();
  }
}

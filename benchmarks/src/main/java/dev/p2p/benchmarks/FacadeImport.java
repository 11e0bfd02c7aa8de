package dev.p2p.benchmarks;

import dev.p2p.P2P;
import dev.p2p.contact.ImportOptions;
import dev.p2p.contact.ImportReport;
import dev.p2p.store.Store;
import dev.p2p.testkit.ContactCsvGenerator;
import java.nio.file.Path;
import java.util.Locale;

/** An import through the public API, as a CRM would run it, timed from the call to the report. */
final class FacadeImport {
  private static final long PROGRESS_EVERY = 250_000;

  private FacadeImport() {}

  /**
   * Imports {@code file} into a new list of organization {@code acme}, closing the store after.
   *
   * @throws IllegalStateException if the report's counts are not the generator's
   */
  static Measurement run(String name, Store store, ContactCsvGenerator csv, Path file) {
    try (P2P p2p = P2P.builder().store(store).build()) {
      var contacts = p2p.organization("acme").contacts();
      try (HeapWatch heap = HeapWatch.start()) {
        long start = System.nanoTime();
        long[] shown = {0};
        ImportReport report =
            contacts.importCsv(
                "benchmark",
                file,
                ImportOptions.defaults(),
                progress -> {
                  if (progress.rowsRead() - shown[0] >= PROGRESS_EVERY) {
                    shown[0] = progress.rowsRead();
                    System.out.printf(
                        Locale.ROOT,
                        "  %s: %,d rows read in %.1f s%n",
                        name,
                        progress.rowsRead(),
                        (System.nanoTime() - start) / 1e9);
                  }
                });
        long nanos = System.nanoTime() - start;
        check(report, csv.expected());
        return new Measurement(
            name, report.rowsRead(), nanos, heap.sampledPeakBytes(), heap.poolPeaksBytes());
      }
    }
  }

  private static void check(ImportReport report, ContactCsvGenerator.Counts expected) {
    ContactCsvGenerator.Counts actual =
        new ContactCsvGenerator.Counts(
            report.rowsRead(), report.imported(), report.duplicates(), report.invalid());
    if (!actual.equals(expected)) {
      throw new IllegalStateException(
          "the import reported " + actual + " but the file holds " + expected);
    }
  }
}

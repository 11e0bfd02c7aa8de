package dev.p2p.examples.admin;

import dev.p2p.P2P;
import dev.p2p.ValidationException;
import dev.p2p.contact.ImportOptions;
import dev.p2p.contact.ImportReport;
import dev.p2p.examples.DemoApp;
import dev.p2p.store.memory.InMemoryStore;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code p2p-demo check-csv [--json] [--region CC] FILE}: the report a contact import of FILE would
 * give, from {@code Contacts.checkCsv} on an in-memory store; nothing is stored.
 *
 * <p>Exits 0 when every row would import, 1 when a row would be rejected or the file cannot be
 * imported at all (no phone column, bytes that are not UTF-8, ...). The JSON is a {@link CsvCheck}:
 * {@code file, importable, problems [{field, reason}], rowsRead, wouldImport, duplicates, invalid,
 * columns [{header, field, custom}], errors [{row, field, reason}], rejectedNotListed}.
 */
@Command(
    name = "check-csv",
    sortOptions = false,
    description = {
      "Reads a contact CSV as an import would and reports what it would store, storing nothing:"
          + " rows read, would import, duplicates, invalid, the columns recognized and the"
          + " rejected rows (the first "
          + CheckCsvCommand.TEXT_ERRORS
          + " in text).",
      "Exit 0 when every row would import, 1 when any row is rejected or the file cannot be"
          + " imported at all.",
      "JSON fields: file, importable, problems [{field, reason}], rowsRead, wouldImport,"
          + " duplicates, invalid, columns [{header, field, custom}], errors [{row, field,"
          + " reason}] (up to 1000), rejectedNotListed."
    })
public final class CheckCsvCommand implements Callable<Integer> {
  /** How many rejected rows the text output lists. */
  static final int TEXT_ERRORS = 20;

  @Spec
  @SuppressWarnings("NullAway.Init")
  CommandSpec spec;

  @Mixin AdminOptions output = new AdminOptions();

  @Option(
      names = "--region",
      paramLabel = "CC",
      description = "Region of phones written without a country code (default: ${DEFAULT-VALUE}).")
  String region = ImportOptions.DEFAULT_REGION;

  @Parameters(paramLabel = "FILE", description = "The CSV file, UTF-8, with a header row.")
  @SuppressWarnings("NullAway.Init")
  Path file;

  /** Creates the command; picocli sets its options. */
  public CheckCsvCommand() {}

  @Override
  public Integer call() {
    Inputs.readableFile(spec, file);
    ImportOptions options = Inputs.importOptions(spec, region);
    CsvCheck check;
    try (P2P p2p = P2P.builder().store(InMemoryStore.create()).defaultRegion(region).build()) {
      ImportReport report = p2p.organization("admin").contacts().checkCsv(file, options);
      check = CsvCheck.of(file.toString(), report);
    } catch (ValidationException e) {
      check = CsvCheck.notImportable(file.toString(), e);
    }
    if (output.json) {
      Output.json(spec.commandLine().getOut(), check);
    } else if (check.importable()) {
      print(spec.commandLine().getOut(), check);
    } else {
      PrintWriter err = spec.commandLine().getErr();
      err.println("p2p-demo check-csv: " + file + " cannot be imported:");
      check.problems().forEach(p -> err.println("  " + p.field() + " " + p.reason()));
      err.flush();
    }
    return check.importable() && check.rejected() == 0 ? 0 : DemoApp.INPUT_PROBLEMS;
  }

  private static void print(PrintWriter out, CsvCheck check) {
    out.println("File:           " + check.file());
    out.println("Rows read:      " + check.rowsRead());
    out.println("Would import:   " + check.wouldImport());
    out.println("Duplicates:     " + check.duplicates());
    out.println("Invalid:        " + check.invalid());
    out.println("Columns:        " + columns(check, false));
    String custom = columns(check, true);
    out.println("Custom fields:  " + (custom.isEmpty() ? "none" : custom));
    if (check.rejected() > 0) {
      out.println("Rejected rows:");
      check.errors().stream()
          .limit(TEXT_ERRORS)
          .forEach(e -> out.printf("  row %-6d %-12s %s%n", e.row(), e.field(), e.reason()));
      long more = check.rejected() - Math.min(TEXT_ERRORS, check.errors().size());
      if (more > 0) {
        out.println(
            "  ... and "
                + more
                + " more (--json lists the first "
                + check.errors().size()
                + " rejected rows)");
      }
    }
    out.flush();
  }

  private static String columns(CsvCheck check, boolean custom) {
    return check.columns().stream()
        .filter(c -> c.custom() == custom)
        .map(c -> c.header().equals(c.field()) ? c.field() : c.header() + " -> " + c.field())
        .collect(Collectors.joining(", "));
  }
}

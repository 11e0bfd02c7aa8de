package dev.p2p.examples.admin;

import dev.p2p.Organization;
import dev.p2p.P2P;
import dev.p2p.ValidationException;
import dev.p2p.Violation;
import dev.p2p.action.Action;
import dev.p2p.action.ActionDraft;
import dev.p2p.action.Estimate;
import dev.p2p.contact.ImportOptions;
import dev.p2p.contact.ImportReport;
import dev.p2p.examples.DemoApp;
import dev.p2p.store.memory.InMemoryStore;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code p2p-demo estimate [--json] [--smart-encoding] [--region CC] FILE TEMPLATE...}: imports
 * FILE into an in-memory store, drafts an action with one initial-message variant per TEMPLATE and
 * prints p2p's {@code Actions.estimate}: per variant the contacts, segments (total, average, max),
 * encoding mix and cost, and the total.
 *
 * <p>Exits 1 when a template has problems (an unknown variable, an empty body, bad syntax) or the
 * file gives no contacts; rows the import rejects are summed up in one line and do not fail the
 * estimate. The JSON is an {@link EstimateResult}, or {@code {problems: [{field, reason}]}}.
 */
@Command(
    name = "estimate",
    sortOptions = false,
    description = {
      "Estimates segments and cost of an action's initial messages over a real contact list:"
          + " one variant per TEMPLATE, such as \"Hi {firstName|there}, it's {texterFirstName}.\"",
      "Exit 1 when a template has problems or the file gives no contacts; rejected rows are"
          + " summed up and do not fail the estimate.",
      "JSON fields: file, rowsRead, duplicates, invalid, contacts, rendered, sampled,"
          + " smartEncoding, texterFirstName, assumptions, variants [{variant, template, share,"
          + " contacts, segments, averageSegments, maxSegments, gsm7Contacts, ucs2Contacts,"
          + " cost}], segments, cost, currency; or problems [{field, reason}]."
    })
public final class EstimateCommand implements Callable<Integer> {
  @Spec
  @SuppressWarnings("NullAway.Init")
  CommandSpec spec;

  @Mixin AdminOptions output = new AdminOptions();

  @Option(
      names = "--smart-encoding",
      description = "Count segments after smart encoding (look-alikes replaced by GSM-7).")
  boolean smartEncoding;

  @Option(
      names = "--region",
      paramLabel = "CC",
      description = "Region of phones written without a country code (default: ${DEFAULT-VALUE}).")
  String region = ImportOptions.DEFAULT_REGION;

  @Parameters(index = "0", paramLabel = "FILE", description = "The contact CSV, UTF-8.")
  @SuppressWarnings("NullAway.Init")
  Path file;

  @Parameters(
      index = "1..*",
      arity = "1..*",
      paramLabel = "TEMPLATE",
      description = "An initial-message variant, quoted; give one or more.")
  @SuppressWarnings("NullAway.Init")
  List<String> templates;

  /** Creates the command; picocli sets its options. */
  public EstimateCommand() {}

  @Override
  public Integer call() {
    Inputs.readableFile(spec, file);
    ImportOptions options = Inputs.importOptions(spec, region);
    try (P2P p2p = P2P.builder().store(InMemoryStore.create()).defaultRegion(region).build()) {
      Organization org = p2p.organization("admin");
      ImportReport imported;
      try {
        imported = org.contacts().importCsv("estimate", file, options, progress -> {});
      } catch (ValidationException e) {
        return problems("FILE " + file + " cannot be imported", e.violations());
      }
      long listId = imported.listId().orElseThrow();
      ActionDraft draft =
          ActionDraft.named("estimate").contacts(listId).smartEncoding(smartEncoding);
      templates.forEach(draft::initial);
      Action action = org.actions().create(draft);
      List<Violation> problems =
          org.actions().problems(action.id()).stream()
              .filter(v -> v.field().startsWith("script.initial") || v.field().equals("contacts"))
              .toList();
      if (!problems.isEmpty()) {
        return problems("cannot estimate", problems);
      }
      Estimate estimate = org.actions().estimate(action.id());
      List<VariantSpread> spreads =
          VariantSpread.of(org.contacts(), listId, templates, estimate.texterName(), smartEncoding);
      EstimateResult result =
          EstimateResult.of(file.toString(), imported, estimate, spreads, smartEncoding);
      if (output.json) {
        Output.json(spec.commandLine().getOut(), result);
      } else {
        EstimateText.print(spec.commandLine().getOut(), result);
      }
      return 0;
    }
  }

  private int problems(String heading, List<Violation> violations) {
    if (output.json) {
      Output.json(spec.commandLine().getOut(), new Output.Problems(Output.Problem.of(violations)));
    } else {
      PrintWriter err = spec.commandLine().getErr();
      err.println("p2p-demo estimate: " + heading + ":");
      violations.forEach(v -> err.println("  " + label(v.field()) + ": " + v.reason()));
      err.flush();
    }
    return DemoApp.INPUT_PROBLEMS;
  }

  /**
   * The command-line name of what p2p's field names: {@code script.initial[1].body} is TEMPLATE 2.
   */
  private String label(String field) {
    if (field.startsWith("script.initial[")) {
      int end = field.indexOf(']');
      return "TEMPLATE " + (Integer.parseInt(field.substring("script.initial[".length(), end)) + 1);
    }
    if (field.equals("script.initial")) {
      return "TEMPLATE";
    }
    if (field.equals("contacts")) {
      return "FILE " + file;
    }
    return field;
  }
}

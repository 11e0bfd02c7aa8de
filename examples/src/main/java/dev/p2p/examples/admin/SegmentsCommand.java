package dev.p2p.examples.admin;

import dev.p2p.sms.CostModel;
import dev.p2p.sms.Segments;
import dev.p2p.sms.SmsEncoding;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code p2p-demo segments [--json] [--] TEXT}: what one text costs on the wire, and what smart
 * encoding would make of it, priced with {@link CostModel#defaults()}.
 *
 * <p>The JSON has {@code original} and {@code smartEncoding}, each a text's {@code text}, {@code
 * encoding} ({@code GSM-7} or {@code UCS-2}), {@code units}, {@code segments}, {@code
 * ucs2Characters} ({@code character}, {@code codePoint}), {@code costPerMessage} and {@code
 * currency}; then {@code smartEncodingChanges} and {@code smartEncodingHelps}.
 */
@Command(
    name = "segments",
    sortOptions = false,
    description = {
      "Shows what a text costs on the wire: encoding, characters, segments, the characters that"
          + " force UCS-2, the cost per message, and the smart-encoded alternative.",
      "JSON fields: original and smartEncoding {text, encoding, units, segments, ucs2Characters"
          + " [{character, codePoint}], costPerMessage, currency}, smartEncodingChanges,"
          + " smartEncodingHelps.",
      "Put -- before a TEXT that starts with '-'."
    })
public final class SegmentsCommand implements Callable<Integer> {
  @Spec
  @SuppressWarnings("NullAway.Init")
  CommandSpec spec;

  @Mixin AdminOptions output = new AdminOptions();

  @Parameters(paramLabel = "TEXT", description = "The message text, quoted.")
  String text = "";

  /** Creates the command; picocli sets its options. */
  public SegmentsCommand() {}

  @Override
  public Integer call() {
    if (text.isEmpty()) {
      throw new ParameterException(
          spec.commandLine(), "TEXT is empty: an empty text is no SMS (0 segments)");
    }
    TextCost.Report report = TextCost.Report.of(text, CostModel.defaults());
    PrintWriter out = spec.commandLine().getOut();
    if (output.json) {
      Output.json(out, report);
    } else {
      print(out, report);
      out.flush();
    }
    return 0;
  }

  private static void print(PrintWriter out, TextCost.Report report) {
    TextCost original = report.original();
    SmsEncoding encoding = Segments.of(original.text()).encoding();
    out.println("Encoding:        " + original.encoding() + forcedBy(original));
    out.printf(
        "Characters:      %d %s (%d fit in one SMS, %d in each part of a longer one)%n",
        original.units(), Output.units(encoding), encoding.singleLimit(), encoding.partLimit());
    out.println("Segments:        " + original.segments());
    out.println("Cost:            " + cost(original));
    out.println("Smart encoding:  " + smart(report));
  }

  private static String forcedBy(TextCost text) {
    if (text.ucs2Characters().isEmpty()) {
      return "";
    }
    return ", forced by " + characters(text);
  }

  private static String characters(TextCost text) {
    return text.ucs2Characters().stream()
        .map(c -> c.character() + " " + c.codePoint())
        .collect(Collectors.joining(", "));
  }

  private static String cost(TextCost text) {
    return text.currency() + " " + text.costPerMessage().toPlainString() + " per message";
  }

  private static String smart(TextCost.Report report) {
    TextCost original = report.original();
    TextCost smart = report.smartEncoding();
    if (!report.smartEncodingChanges()) {
      return original.ucs2Characters().isEmpty()
          ? "not needed, the text is already GSM-7"
          : "cannot help: nothing to replace, and these stay UCS-2: " + characters(original);
    }
    if (!report.smartEncodingHelps()) {
      return smart.ucs2Characters().isEmpty()
          ? "saves nothing here"
          : "cannot help: the text stays UCS-2 because of "
              + characters(smart)
              + " (\""
              + smart.text()
              + "\")";
    }
    String saving =
        smart.segments() < original.segments()
            ? "saves " + Output.plural(original.segments() - smart.segments(), "segment")
            : "same segments, but in GSM-7 one SMS holds 160 characters instead of 70";
    return String.format(
        "\"%s\"%n                 %s, %d %s, %s, %s: %s",
        smart.text(),
        smart.encoding(),
        smart.units(),
        Output.units(Segments.of(smart.text()).encoding()),
        Output.plural(smart.segments(), "segment"),
        cost(smart),
        saving);
  }
}

package dev.p2p.benchmarks;

import dev.p2p.contact.ContactDetails;
import dev.p2p.script.Template;
import dev.p2p.script.TemplateValues;
import dev.p2p.sms.Segments;
import dev.p2p.texter.TexterProfile;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.results.BenchmarkResult;
import org.openjdk.jmh.results.IterationResult;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;
import org.openjdk.jmh.runner.options.VerboseMode;

/**
 * What preparing one message costs: rendering a typical 126-character template with three variables
 * (a first name with a fallback, the texter's first name, a custom field) for the next of eight
 * contacts, then counting its segments; {@code raw} does the same by hand ({@link RawRender}). One
 * thread. Run with {@code java -cp benchmarks/target/benchmarks.jar org.openjdk.jmh.Main Render}.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
@Threads(1)
public class RenderBenchmark {
  /** The template: 126 characters; the eight messages rendered from it have 95 to 116. */
  static final String BODY =
      "Hi {firstName|there}, it's {texterFirstName} with Acme. Polls are open 7am-8pm Tuesday"
          + " at {pollingPlace}. Can we count on you?";

  private final Template template = Template.parse(BODY);
  private final TexterProfile texter = new TexterProfile("u-1", "Ana", "Lima");
  private final TemplateValues[] values = values();
  private final String[][] people = people();
  private final String[] rendered = rendered();
  private int next;

  /** The eight contacts: first name and polling place. */
  static String[][] people() {
    return new String[][] {
      {"Maria", "City Hall"},
      {"", "Lincoln Elementary School"},
      {"José", "Fire Station 12"},
      {"Li", "Public Library"},
      {"Christopher", "Community Center, Room B"},
      {" ", "Ward 7 Office"},
      {"Sam", "St. Mark's Hall"},
      {"Aaliyah", "Oak Park Gym"}
    };
  }

  /** Median ops/s of {@code renderAndCount} (p2p) and of {@code raw}. */
  record Medians(double p2p, double raw) {}

  /**
   * Runs {@code renderAndCount} and {@code raw} through JMH in one forked JVM each, with these
   * iterations of {@code seconds} each; returns the medians of the measured iterations.
   */
  static Medians compare(int warmups, int iterations, int seconds) throws RunnerException {
    Options options =
        new OptionsBuilder()
            .include(RenderBenchmark.class.getName() + "\\.(renderAndCount|raw)$")
            .warmupIterations(warmups)
            .warmupTime(TimeValue.seconds(seconds))
            .measurementIterations(iterations)
            .measurementTime(TimeValue.seconds(seconds))
            .forks(1)
            .threads(1)
            .verbosity(VerboseMode.SILENT)
            .build();
    Map<String, Double> medians = new HashMap<>();
    for (RunResult result : new Runner(options).run()) {
      List<Double> scores = new ArrayList<>();
      for (BenchmarkResult b : result.getBenchmarkResults()) {
        for (IterationResult i : b.getIterationResults()) {
          scores.add(i.getPrimaryResult().getScore());
        }
      }
      Collections.sort(scores);
      String method = result.getParams().getBenchmark();
      medians.put(method.substring(method.lastIndexOf('.') + 1), scores.get(scores.size() / 2));
    }
    if (!medians.containsKey("renderAndCount") || !medians.containsKey("raw")) {
      throw new IllegalStateException("JMH returned results for " + medians.keySet() + " only");
    }
    System.out.printf(
        Locale.ROOT,
        "render medians: renderAndCount %,.0f ops/s, raw %,.0f ops/s (%d x %d s after %d x %d s)%n",
        medians.get("renderAndCount"),
        medians.get("raw"),
        iterations,
        seconds,
        warmups,
        seconds);
    return new Medians(medians.get("renderAndCount"), medians.get("raw"));
  }

  private TemplateValues[] values() {
    String[][] people = people();
    TemplateValues[] all = new TemplateValues[people.length];
    for (int i = 0; i < people.length; i++) {
      ContactDetails contact =
          new ContactDetails(
              "+1415555" + (2000 + i),
              people[i][0],
              "Doe",
              Optional.empty(),
              Optional.empty(),
              Optional.empty(),
              Optional.empty(),
              Optional.empty(),
              Map.of("pollingPlace", people[i][1], "ward", String.valueOf(i)));
      all[i] = TemplateValues.of(contact, texter);
    }
    return all;
  }

  private TemplateValues nextValues() {
    next = (next + 1) & (values.length - 1);
    return values[next];
  }

  /** Renders for the next contact and counts the segments: one message prepared. */
  @Benchmark
  public Segments renderAndCount() {
    return Segments.of(template.render(nextValues()));
  }

  /** The raw baseline: the same message written by hand, and its segments counted by a table. */
  @Benchmark
  public int raw() {
    next = (next + 1) & (people.length - 1);
    String[] person = people[next];
    return RawRender.segments(RawRender.render(person[0], texter.firstName(), person[1]));
  }

  /** Renders only. */
  @Benchmark
  public String render() {
    return template.render(nextValues());
  }

  /** Counts the segments of a rendered message only. */
  @Benchmark
  public Segments count() {
    next = (next + 1) & (rendered.length - 1);
    return Segments.of(rendered[next]);
  }

  /** The eight messages as p2p renders them, in the contacts' order. */
  String[] messages() {
    return rendered.clone();
  }

  private String[] rendered() {
    String[] all = new String[values.length];
    for (int i = 0; i < all.length; i++) {
      all[i] = template.render(values[i]);
    }
    return all;
  }
}

package dev.p2p.benchmarks;

import dev.p2p.contact.ContactDetails;
import dev.p2p.script.Template;
import dev.p2p.script.TemplateValues;
import dev.p2p.sms.Segments;
import dev.p2p.texter.TexterProfile;
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

/**
 * What preparing one message costs: rendering a typical 126-character template with three variables
 * (a first name with a fallback, the texter's first name, a custom field) for the next of eight
 * contacts, then counting its segments. One thread. Run with {@code java -cp
 * benchmarks/target/benchmarks.jar org.openjdk.jmh.Main Render}.
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
  private final String[] rendered = rendered();
  private int next;

  private TemplateValues[] values() {
    String[][] people = {
      {"Maria", "City Hall"},
      {"", "Lincoln Elementary School"},
      {"José", "Fire Station 12"},
      {"Li", "Public Library"},
      {"Christopher", "Community Center, Room B"},
      {" ", "Ward 7 Office"},
      {"Sam", "St. Mark's Hall"},
      {"Aaliyah", "Oak Park Gym"}
    };
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

  private String[] rendered() {
    String[] all = new String[values.length];
    for (int i = 0; i < all.length; i++) {
      all[i] = template.render(values[i]);
    }
    return all;
  }
}

package dev.p2p.benchmarks;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.PhoneNumberUtil.PhoneNumberFormat;
import com.google.i18n.phonenumbers.Phonenumber.PhoneNumber;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * What normalizing one phone costs, the import's per-row floor: libphonenumber's parse, validity
 * check and E.164 format, for each way the generator writes a number and for an invalid one. Run
 * with {@code java -cp benchmarks/target/benchmarks.jar org.openjdk.jmh.Main PhoneParsing}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class PhoneParsingBenchmark {
  private static final PhoneNumberUtil UTIL = PhoneNumberUtil.getInstance();

  /** The phone as written in a CSV file. */
  @Param({
    "(415) 555-2671",
    "415.555.2671",
    "+1 415-555-2671",
    "4155552671",
    "1-415-555-2671",
    "not a phone"
  })
  public String phone = "";

  /** Parses, validates and formats in E.164; returns an empty string for an invalid phone. */
  @Benchmark
  public String normalize() {
    try {
      PhoneNumber number = UTIL.parse(phone, "US");
      return UTIL.isValidNumber(number) ? UTIL.format(number, PhoneNumberFormat.E164) : "";
    } catch (NumberParseException e) {
      return "";
    }
  }
}

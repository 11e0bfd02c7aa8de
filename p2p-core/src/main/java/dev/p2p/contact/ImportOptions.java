package dev.p2p.contact;

import dev.p2p.ValidationException;
import dev.p2p.Violation;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;

/**
 * Settings of a CSV import. Immutable; build with {@link #builder()} or take {@link #defaults()}.
 */
public final class ImportOptions {
  /** The default region for phones written without a country code: {@value}. */
  public static final String DEFAULT_REGION = "US";

  /** The default progress interval in rows: {@value}. */
  public static final int DEFAULT_PROGRESS_INTERVAL = 10_000;

  private static final ImportOptions DEFAULTS = builder().build();

  private final String defaultRegion;
  private final Charset charset;
  private final int progressInterval;

  private ImportOptions(Builder b) {
    this.defaultRegion = b.defaultRegion;
    this.charset = b.charset;
    this.progressInterval = b.progressInterval;
  }

  /** UTF-8, region {@value #DEFAULT_REGION}, progress every 10,000 rows. */
  public static ImportOptions defaults() {
    return DEFAULTS;
  }

  /** A builder starting from the defaults. */
  public static Builder builder() {
    return new Builder();
  }

  /** The ISO 3166 region used for phones written without a country code. */
  public String defaultRegion() {
    return defaultRegion;
  }

  /** The file's character set; bytes that are not valid in it fail the import. */
  public Charset charset() {
    return charset;
  }

  /** How many rows pass between two progress callbacks. */
  public int progressInterval() {
    return progressInterval;
  }

  @Override
  public String toString() {
    return "ImportOptions[defaultRegion="
        + defaultRegion
        + ", charset="
        + charset
        + ", progressInterval="
        + progressInterval
        + "]";
  }

  /** Builds {@link ImportOptions}; {@link #build()} rejects bad values, listing each. */
  public static final class Builder {
    private static final Set<String> REGIONS = Set.of(Locale.getISOCountries());

    private String defaultRegion = DEFAULT_REGION;
    private Charset charset = StandardCharsets.UTF_8;
    private int progressInterval = DEFAULT_PROGRESS_INTERVAL;

    private Builder() {}

    /** The two-letter ISO 3166 region for phones without a country code, such as {@code CA}. */
    public Builder defaultRegion(String region) {
      this.defaultRegion = Objects.requireNonNull(region, "region").toUpperCase(Locale.ROOT);
      return this;
    }

    /** The file's character set, for files not saved as UTF-8. */
    public Builder charset(Charset charset) {
      this.charset = Objects.requireNonNull(charset, "charset");
      return this;
    }

    /** Rows between progress callbacks, from 1 to 10,000. */
    public Builder progressInterval(int rows) {
      this.progressInterval = rows;
      return this;
    }

    /** Checks every setting and builds the options. */
    public ImportOptions build() {
      List<Violation> problems = new ArrayList<>();
      if (!REGIONS.contains(defaultRegion)) {
        problems.add(
            new Violation("defaultRegion", "must be a two-letter ISO 3166 region such as US"));
      }
      if (progressInterval < 1 || progressInterval > DEFAULT_PROGRESS_INTERVAL) {
        problems.add(new Violation("progressInterval", "must be between 1 and 10000 rows"));
      }
      if (!problems.isEmpty()) {
        throw new ValidationException(problems);
      }
      return new ImportOptions(this);
    }
  }
}

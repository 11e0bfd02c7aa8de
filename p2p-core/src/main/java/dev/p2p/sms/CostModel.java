package dev.p2p.sms;

import dev.p2p.ValidationException;
import dev.p2p.Violation;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * What messages cost: the gateway's price and the carriers' pass-through fee, per SMS segment and
 * per MMS message (an MMS is billed as one message whatever its length). Immutable and thread-safe;
 * take {@link #defaults()} or build with {@link #builder()}.
 *
 * <p>The defaults are US 10DLC list prices read in November 2026 (see the constants). Prices and
 * carrier fees change often and differ by contract and carrier, so set your own.
 */
public final class CostModel {
  /** Twilio's US list price per SMS segment, outbound: USD 0.0083. */
  public static final BigDecimal DEFAULT_PRICE_PER_SMS_SEGMENT = new BigDecimal("0.0083");

  /** Twilio's US list price per outbound MMS: USD 0.022. */
  public static final BigDecimal DEFAULT_PRICE_PER_MMS = new BigDecimal("0.022");

  /**
   * The carrier fee per 10DLC SMS segment: USD 0.0045, what Verizon, T-Mobile (outbound) and US
   * Cellular charge (AT&amp;T charges 0.0035), so estimates err high.
   */
  public static final BigDecimal DEFAULT_CARRIER_FEE_PER_SMS_SEGMENT = new BigDecimal("0.0045");

  /**
   * The carrier fee per 10DLC MMS: USD 0.01, T-Mobile's, the highest of the big carriers (Verizon
   * 0.005, AT&amp;T 0.0035 to 0.005).
   */
  public static final BigDecimal DEFAULT_CARRIER_FEE_PER_MMS = new BigDecimal("0.01");

  /** The currency of the default prices: US dollars. */
  public static final Currency DEFAULT_CURRENCY = Currency.getInstance("USD");

  private static final CostModel DEFAULTS = builder().build();

  private final BigDecimal pricePerSmsSegment;
  private final BigDecimal pricePerMms;
  private final BigDecimal carrierFeePerSmsSegment;
  private final BigDecimal carrierFeePerMms;
  private final Currency currency;
  private final BigDecimal perSegment;
  private final BigDecimal perMms;

  private CostModel(Builder b, Currency currency) {
    this.pricePerSmsSegment = b.pricePerSmsSegment;
    this.pricePerMms = b.pricePerMms;
    this.carrierFeePerSmsSegment = b.carrierFeePerSmsSegment;
    this.carrierFeePerMms = b.carrierFeePerMms;
    this.currency = currency;
    this.perSegment = pricePerSmsSegment.add(carrierFeePerSmsSegment);
    this.perMms = pricePerMms.add(carrierFeePerMms);
  }

  /** The default prices, in US dollars (see the constants). */
  public static CostModel defaults() {
    return DEFAULTS;
  }

  /** A builder starting from the defaults. */
  public static Builder builder() {
    return new Builder();
  }

  /** The gateway's price per SMS segment. */
  public BigDecimal pricePerSmsSegment() {
    return pricePerSmsSegment;
  }

  /** The gateway's price per MMS message. */
  public BigDecimal pricePerMms() {
    return pricePerMms;
  }

  /** The carriers' fee per SMS segment. */
  public BigDecimal carrierFeePerSmsSegment() {
    return carrierFeePerSmsSegment;
  }

  /** The carriers' fee per MMS message. */
  public BigDecimal carrierFeePerMms() {
    return carrierFeePerMms;
  }

  /** The currency every price is in. */
  public Currency currency() {
    return currency;
  }

  /**
   * What this many SMS segments cost, price and carrier fee together.
   *
   * @throws IllegalArgumentException when {@code segments} is negative
   */
  public BigDecimal smsCost(long segments) {
    if (segments < 0) {
      throw new IllegalArgumentException("segments must not be negative: " + segments);
    }
    return perSegment.multiply(BigDecimal.valueOf(segments));
  }

  /** What a text costs as SMS: {@code smsCost(segments.count())}. */
  public BigDecimal cost(Segments segments) {
    return smsCost(segments.count());
  }

  /** What one MMS message costs, price and carrier fee together. */
  public BigDecimal mmsCost() {
    return perMms;
  }

  @Override
  public String toString() {
    return "CostModel[currency="
        + currency
        + ", pricePerSmsSegment="
        + pricePerSmsSegment.toPlainString()
        + ", carrierFeePerSmsSegment="
        + carrierFeePerSmsSegment.toPlainString()
        + ", pricePerMms="
        + pricePerMms.toPlainString()
        + ", carrierFeePerMms="
        + carrierFeePerMms.toPlainString()
        + "]";
  }

  /** Builds a {@link CostModel}; {@link #build()} rejects bad values, listing each. */
  public static final class Builder {
    private BigDecimal pricePerSmsSegment = DEFAULT_PRICE_PER_SMS_SEGMENT;
    private BigDecimal pricePerMms = DEFAULT_PRICE_PER_MMS;
    private BigDecimal carrierFeePerSmsSegment = DEFAULT_CARRIER_FEE_PER_SMS_SEGMENT;
    private BigDecimal carrierFeePerMms = DEFAULT_CARRIER_FEE_PER_MMS;
    private String currency = DEFAULT_CURRENCY.getCurrencyCode();

    private Builder() {}

    /** The gateway's price per SMS segment, zero or more. */
    public Builder pricePerSmsSegment(BigDecimal price) {
      this.pricePerSmsSegment = Objects.requireNonNull(price, "price");
      return this;
    }

    /** The gateway's price per MMS message, zero or more. */
    public Builder pricePerMms(BigDecimal price) {
      this.pricePerMms = Objects.requireNonNull(price, "price");
      return this;
    }

    /** The carriers' fee per SMS segment, zero or more. */
    public Builder carrierFeePerSmsSegment(BigDecimal fee) {
      this.carrierFeePerSmsSegment = Objects.requireNonNull(fee, "fee");
      return this;
    }

    /** The carriers' fee per MMS message, zero or more. */
    public Builder carrierFeePerMms(BigDecimal fee) {
      this.carrierFeePerMms = Objects.requireNonNull(fee, "fee");
      return this;
    }

    /** The ISO 4217 code of the currency the prices are in, such as {@code CAD}. */
    public Builder currency(String isoCode) {
      this.currency = Objects.requireNonNull(isoCode, "isoCode").toUpperCase(Locale.ROOT);
      return this;
    }

    /** The currency the prices are in. */
    public Builder currency(Currency currency) {
      return currency(currency.getCurrencyCode());
    }

    /**
     * Checks every setting and builds the model.
     *
     * @throws ValidationException listing each negative amount and an unknown currency
     */
    public CostModel build() {
      List<Violation> problems = new ArrayList<>();
      notNegative(problems, "pricePerSmsSegment", pricePerSmsSegment);
      notNegative(problems, "pricePerMms", pricePerMms);
      notNegative(problems, "carrierFeePerSmsSegment", carrierFeePerSmsSegment);
      notNegative(problems, "carrierFeePerMms", carrierFeePerMms);
      Currency known = null;
      try {
        known = Currency.getInstance(currency);
      } catch (IllegalArgumentException e) {
        problems.add(
            new Violation(
                "currency",
                "must be an ISO 4217 currency code such as USD, not '" + currency + "'"));
      }
      if (known == null || !problems.isEmpty()) {
        throw new ValidationException(problems);
      }
      return new CostModel(this, known);
    }

    private static void notNegative(List<Violation> problems, String field, BigDecimal amount) {
      if (amount.signum() < 0) {
        problems.add(new Violation(field, "must not be negative, was " + amount.toPlainString()));
      }
    }
  }
}

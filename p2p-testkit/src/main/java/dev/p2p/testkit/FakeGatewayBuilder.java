package dev.p2p.testkit;

import dev.p2p.ValidationException;
import dev.p2p.Violation;
import dev.p2p.contact.Phones;
import java.net.URI;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ScheduledExecutorService;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Configures a {@link FakeGateway}; get one from {@link FakeGateway#builder()}. Every setting has a
 * default; {@link #build()} checks them all and lists every problem at once.
 */
public final class FakeGatewayBuilder {
  private static final Pattern PREFIX = Pattern.compile("[A-Za-z0-9]{1,16}");

  Clock clock = Clock.systemUTC();
  String secret = FakeGateway.DEFAULT_SECRET;
  String idPrefix = FakeGateway.DEFAULT_ID_PREFIX;
  URI webhookUrl = FakeGateway.DEFAULT_WEBHOOK_URL;
  @Nullable ScheduledExecutorService scheduler;
  List<String> senderNumbers = List.of(FakeGateway.DEFAULT_NUMBER);

  FakeGatewayBuilder() {}

  /**
   * The clock that stamps sends and webhook events and against which a message's {@code expiresAt}
   * is checked. Give it the clock given to {@code P2P.builder().clock(..)}: a fake on the system
   * clock refuses every text of a {@code P2P} whose clock is in the past, its texting windows being
   * over. Default: the system clock in UTC.
   */
  public FakeGatewayBuilder clock(Clock clock) {
    this.clock = Objects.requireNonNull(clock, "clock");
    return this;
  }

  /** The secret webhooks are signed with. Default: {@link FakeGateway#DEFAULT_SECRET}. */
  public FakeGatewayBuilder secret(String secret) {
    this.secret = Objects.requireNonNull(secret, "secret");
    return this;
  }

  /**
   * The prefix of carrier ids, 1 to 16 letters or digits. Default: {@link
   * FakeGateway#DEFAULT_ID_PREFIX}. Two fakes in one test tell their messages apart by it.
   */
  public FakeGatewayBuilder idPrefix(String prefix) {
    this.idPrefix = Objects.requireNonNull(prefix, "prefix");
    return this;
  }

  /**
   * The absolute http(s) URL the fake's webhooks are addressed to and signed over. Default: {@link
   * FakeGateway#DEFAULT_WEBHOOK_URL}.
   */
  public FakeGatewayBuilder webhookUrl(URI url) {
    this.webhookUrl = Objects.requireNonNull(url, "url");
    return this;
  }

  /**
   * The scheduler that answers delayed sends (see {@link FakeGateway#delayNext}). A test supplies
   * one it drives by hand so that nothing sleeps. Default: the JDK's shared delayed executor. The
   * fake never shuts it down.
   */
  public FakeGatewayBuilder scheduler(ScheduledExecutorService scheduler) {
    this.scheduler = Objects.requireNonNull(scheduler, "scheduler");
    return this;
  }

  /**
   * The numbers the fake sends from when an action names no sender ({@link FakeGateway#senders()}).
   * Default: {@link FakeGateway#DEFAULT_NUMBER}. None: every action names its own.
   */
  public FakeGatewayBuilder senderNumbers(String... numbers) {
    this.senderNumbers = List.of(numbers); // checked by build()
    return this;
  }

  /**
   * Builds the fake.
   *
   * @throws ValidationException listing every bad setting
   */
  public FakeGateway build() {
    List<Violation> problems = new ArrayList<>();
    if (secret.isBlank()) {
      problems.add(new Violation("secret", "must not be blank"));
    }
    if (!PREFIX.matcher(idPrefix).matches()) {
      problems.add(new Violation("idPrefix", "must be 1 to 16 letters or digits"));
    }
    for (int i = 0; i < senderNumbers.size(); i++) {
      if (!Phones.isE164(senderNumbers.get(i))) {
        problems.add(
            new Violation(
                "senderNumbers[" + i + "]", "must be in E.164 form, such as +13125550100"));
      }
    }
    String scheme = webhookUrl.getScheme();
    if (!webhookUrl.isAbsolute()
        || webhookUrl.getHost() == null
        || !("https".equals(scheme) || "http".equals(scheme))) {
      problems.add(new Violation("webhookUrl", "must be an absolute http or https URL"));
    }
    if (!problems.isEmpty()) {
      throw new ValidationException(problems);
    }
    return new FakeGateway(this);
  }

  /** Shows the settings; the secret is redacted. */
  @Override
  public String toString() {
    return "FakeGatewayBuilder[idPrefix="
        + idPrefix
        + ", webhookUrl="
        + webhookUrl
        + ", secret=***]";
  }
}

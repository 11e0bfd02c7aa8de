package dev.p2p.benchmarks;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.p2p.Organization;
import dev.p2p.P2P;
import dev.p2p.action.ActionDraft;
import dev.p2p.action.Question;
import dev.p2p.conversation.MessageStatus;
import dev.p2p.field.Tag;
import dev.p2p.report.ActionReport;
import dev.p2p.store.jdbc.JdbcStore;
import dev.p2p.texter.TexterProfile;
import java.io.Writer;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.function.ToLongFunction;

/**
 * An action's report and its conversation export on PostgreSQL with a million conversations,
 * through the public API ({@code Organization.reports()} over {@code JdbcStore}).
 *
 * <p>The organization, 50 texters, the tags, an empty list and the action (two initial variants,
 * one report question) are made through the API; then the contacts, conversations, tags, report
 * answers and messages are seeded with set-based {@code INSERT ... SELECT generate_series} into the
 * schema the store migrated, then vacuumed and analyzed. Seeding is not measured. The mix: 60% of
 * conversations messaged (two variants), 20% more assigned and waiting, 20% in the pool; 15%
 * replied (one or two more exchanges each, about 1.3 messages per conversation in all), 10% tagged,
 * 5% with a filed report, 1% opted out, 5% closed; outbound messages 85% delivered, 10% sent, 5%
 * failed; two days of hourly timeline.
 *
 * <pre>java -Xmx256m -cp benchmarks/target/benchmarks.jar dev.p2p.benchmarks.ReportBenchmark</pre>
 *
 * <p>Arguments ({@code name=value}): {@code conversations} (1000000), {@code runs} (10, after 3
 * warm-up runs), {@code exports} (1), {@code postgres} (the server's URL), {@code keep} (false:
 * true keeps the schema, for EXPLAIN by hand).
 */
public final class ReportBenchmark {
  private static final String ORG = "acme";
  private static final int TEXTERS = 50;
  private static final String T0 = "TIMESTAMP '2026-11-02 00:00:00'";

  private ReportBenchmark() {}

  /** Runs the benchmark. */
  public static void main(String[] args) throws Exception {
    System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "warn");
    Map<String, String> o = BenchDatabase.options(args);
    int conversations = Integer.parseInt(o.getOrDefault("conversations", "1000000"));
    int runs = Integer.parseInt(o.getOrDefault("runs", "10"));
    int exports = Integer.parseInt(o.getOrDefault("exports", "1"));
    boolean keep = Boolean.parseBoolean(o.getOrDefault("keep", "false"));
    String postgres = o.getOrDefault("postgres", BenchDatabase.DEFAULT_POSTGRES);
    System.out.printf(
        Locale.ROOT,
        "report benchmark: Java %s, %d cores, heap limit %d MB, %,d conversations%n",
        System.getProperty("java.version"),
        Runtime.getRuntime().availableProcessors(),
        Runtime.getRuntime().maxMemory() >> 20,
        conversations);
    try (PostgresSchema schema = PostgresSchema.create(postgres, "reports", keep);
        HikariDataSource pool = pool(schema.url());
        P2P p2p = P2P.builder().store(JdbcStore.of(pool)).build()) {
      if (keep) {
        System.out.println("schema kept: " + schema.name());
      }
      Organization org = p2p.organization(ORG);
      long listId = org.contacts().createList("voters").id();
      long actionId = setUp(org, listId);
      long start = System.nanoTime();
      seed(schema, listId, actionId, conversations);
      System.out.printf(
          Locale.ROOT, "seeded in %.1f s (not measured)%n", (System.nanoTime() - start) / 1e9);

      ActionReport report = null;
      for (int i = 0; i < 3; i++) {
        report = org.reports().action(actionId);
      }
      long[] nanos = new long[runs];
      for (int i = 0; i < runs; i++) {
        long t = System.nanoTime();
        report = org.reports().action(actionId);
        nanos[i] = System.nanoTime() - t;
      }
      Arrays.sort(nanos);
      System.out.println("report: " + summary(Objects.requireNonNull(report)));
      System.out.printf(
          Locale.ROOT,
          "reports().action: %d runs after 3 warm-up: median %.0f ms, min %.0f ms, max %.0f ms%n",
          runs,
          nanos[runs / 2] / 1e6,
          nanos[0] / 1e6,
          nanos[runs - 1] / 1e6);

      for (int i = 0; i < exports; i++) {
        export("exportConversations", w -> org.reports().exportConversations(actionId, w));
        export("exportMessages", w -> org.reports().exportMessages(actionId, w));
      }
    }
  }

  private static HikariDataSource pool(String url) {
    HikariConfig config = new HikariConfig();
    config.setJdbcUrl(url);
    config.setMaximumPoolSize(4);
    return new HikariDataSource(config);
  }

  /** The organization's texters and tags, and a draft action on the list, through the API. */
  private static long setUp(Organization org, long listId) {
    for (int i = 0; i < TEXTERS; i++) {
      org.texters()
          .upsert(new TexterProfile(String.format(Locale.ROOT, "t%03d", i), "Texter", "" + i));
    }
    for (String tag : new String[] {"supporter", "undecided", "volunteer"}) {
      org.tags().define(Tag.named(tag));
    }
    return org.actions()
        .create(
            ActionDraft.named("Report benchmark")
                .contacts(listId)
                .initial("Hi {firstName|there}, it's {texterFirstName} with Acme. Will you vote?")
                .initial("Hey {firstName|there}! {texterFirstName} here. Voting Tuesday?")
                .question(Question.tags("Will they vote?", "supporter", "undecided")))
        .id();
  }

  /** Seeds the list and the action's rows with set-based inserts, then analyzes the tables. */
  private static void seed(PostgresSchema schema, long listId, long actionId, int n)
      throws SQLException {
    String texter = "'t' || lpad(((i / 10) % " + TEXTERS + ")::text, 3, '0')";
    try (Connection c = schema.dataSource().getConnection();
        Statement s = c.createStatement()) {
      s.execute(
          "INSERT INTO contacts (org_id, list_id, phone, first_name, last_name, time_zone)"
              + " SELECT '"
              + ORG
              + "', "
              + listId
              + ", '+1212' || lpad((2010000 + g)::text, 7, '0'), 'Voter', g::text,"
              + " 'America/New_York' FROM generate_series(0, "
              + (n - 1)
              + ") g ORDER BY g");
      // i: the conversation's rank in the action, from 0; every share below is a function of it.
      String conversation =
          "WITH c AS (SELECT c.id, c.phone, c.id - (SELECT MIN(id) FROM contacts WHERE list_id = "
              + listId
              + ") AS i FROM contacts c WHERE c.list_id = "
              + listId
              + ")"
              + " INSERT INTO conversations (org_id, action_id, contact_id, contact_phone,"
              + " texter_id, status, unread, window_key, sender, contact_wrote_last, replied,"
              + " report, last_message_at, updated_at, variant, initial_segments)"
              + " SELECT '"
              + ORG
              + "', "
              + actionId
              + ", c.id, c.phone,"
              + " CASE WHEN i % 10 < 8 THEN "
              + texter
              + " END,"
              + " CASE WHEN i % 10 >= 6 THEN 'NEEDS_FIRST_MESSAGE' WHEN i % 100 = 4 THEN"
              + " 'OPTED_OUT' WHEN i % 20 = 5 THEN 'CLOSED' WHEN i % 40 < 3 THEN"
              + " 'NEEDS_ATTENTION' ELSE 'AWAITING_REPLY' END,"
              + " i % 40 < 3, 'America/New_York|NY|NY',"
              + " CASE WHEN i % 10 < 6 THEN '+13125550' || lpad((i % 100)::text, 3, '0') END,"
              + " i % 40 < 3, i % 20 < 3,"
              + " CASE WHEN i % 20 = 0 THEN '{\"texterId\":\"' || "
              + texter
              + " || '\",\"filedAt\":\"2026-11-03T12:00:00Z\",\"answers\":[{\"prompt\":"
              + "\"Will they vote?\",\"values\":[\"' || CASE WHEN i % 40 = 0 THEN 'supporter'"
              + " ELSE 'undecided' END || '\"]}]}' END,"
              + " CASE WHEN i % 10 < 6 THEN "
              + T0
              + " + (i % 172800) * INTERVAL '1 second' END, "
              + T0
              + ", CASE WHEN i % 10 < 6 THEN (i / 7) % 2 END,"
              + " CASE WHEN i % 10 < 6 THEN 1 + CASE WHEN i % 9 = 0 THEN 1 ELSE 0 END END"
              + " FROM c ORDER BY c.id";
      s.execute(conversation);
      String ranked =
          "(SELECT v.*, v.id - (SELECT MIN(id) FROM conversations WHERE action_id = "
              + actionId
              + ") AS i FROM conversations v WHERE v.action_id = "
              + actionId
              + ") v";
      s.execute(
          "INSERT INTO conversation_tags (conversation_id, tag, action_id) SELECT id,"
              + " CASE WHEN i % 20 = 0 THEN 'supporter' ELSE 'undecided' END, action_id FROM "
              + ranked
              + " WHERE i % 10 = 0"
              + " UNION ALL SELECT id, 'volunteer', action_id FROM "
              + ranked
              + " WHERE i % 30 = 0");
      s.execute(
          "INSERT INTO report_answers (conversation_id, action_id, prompt, answer)"
              + " SELECT id, action_id, 'Will they vote?', CASE WHEN i % 40 = 0 THEN 'supporter'"
              + " ELSE 'undecided' END FROM "
              + ranked
              + " WHERE i % 20 = 0");
      String columns =
          "INSERT INTO messages (org_id, direction, gateway_id, reference, carrier_message_id,"
              + " sender, contact_phone, body, segments, status, status_rank, error_kind,"
              + " carrier_code, created_at, updated_at, conversation_id, action_id, texter_id,"
              + " response_ms)";
      // First messages: 5% failed (by carrier code 30003, 30006 or none), 10% sent, the rest
      // delivered; j is independent of the conversation's other shares.
      s.execute(
          columns
              + " SELECT org_id, 'OUTBOUND', 'twilio', 'init-' || id, 'SM-' || id, sender,"
              + " contact_phone, 'Hi there, will you vote?', initial_segments,"
              + " CASE WHEN (i / 10) % 20 = 19 THEN 'FAILED' WHEN (i / 10) % 10 = 3 THEN 'SENT'"
              + " ELSE 'DELIVERED' END, CASE WHEN (i / 10) % 10 = 3 THEN "
              + MessageStatus.SENT.rank()
              + " ELSE "
              + MessageStatus.DELIVERED.rank()
              + " END, CASE WHEN (i / 10) % 20 = 19 THEN 'PERMANENT' END,"
              + " CASE WHEN (i / 10) % 60 = 19 THEN '30003' WHEN (i / 10) % 60 = 39 THEN"
              + " '30006' END, last_message_at, last_message_at, id, action_id, texter_id, NULL"
              + " FROM "
              + ranked
              + " WHERE variant IS NOT NULL ORDER BY id");
      // Exchanges of the replied conversations: their message, then the texter's answer after
      // 5 s to 15 min; three exchanges for a third of them, two for the rest.
      String exchanges =
          " FROM "
              + ranked
              + " CROSS JOIN generate_series(1, 3) k WHERE replied AND (k < 3 OR i % 20 = 0)"
              + " ORDER BY id, k";
      String answerSeconds = "(5 + (i * 7919 + k * 104729) % 900)";
      s.execute(
          columns
              + " SELECT org_id, 'INBOUND', 'twilio', NULL, 'IN-' || id || '-' || k, sender,"
              + " contact_phone, 'Yes', 0, 'RECEIVED', "
              + MessageStatus.RECEIVED.rank()
              + ", NULL, NULL, last_message_at + k * INTERVAL '10 minutes',"
              + " last_message_at + k * INTERVAL '10 minutes', id, action_id, texter_id, NULL"
              + exchanges);
      s.execute(
          columns
              + " SELECT org_id, 'OUTBOUND', 'twilio', 'reply-' || id || '-' || k,"
              + " 'SR-' || id || '-' || k, sender, contact_phone, 'Thanks!', 1, 'DELIVERED', "
              + MessageStatus.DELIVERED.rank()
              + ", NULL, NULL,"
              + " last_message_at + k * INTERVAL '10 minutes' + "
              + answerSeconds
              + " * INTERVAL '1 second',"
              + " last_message_at + k * INTERVAL '10 minutes' + "
              + answerSeconds
              + " * INTERVAL '1 second', id, action_id, texter_id, "
              + answerSeconds
              + " * 1000 + i % 1000"
              + exchanges);
      // As autovacuum leaves a table that is mostly read: statistics and the visibility map.
      s.execute("VACUUM ANALYZE");
    }
  }

  private static String summary(ActionReport r) {
    ActionReport.Totals t = r.totals();
    return String.format(
        Locale.ROOT,
        "%,d contacts, %,d messaged, %,d outbound (%,d delivered, %,d failed), %,d replied,"
            + " %d texters, %d tags, %d variants, %d hours",
        t.contacts(),
        t.messaged(),
        t.outbound(),
        t.delivered(),
        t.failed(),
        t.replied(),
        r.texters().size(),
        r.tags().size(),
        r.variants().size(),
        r.timeline().size());
  }

  /** One export into a writer that counts characters and keeps none. */
  private static void export(String name, ToLongFunction<Writer> export) {
    CountingWriter out = new CountingWriter();
    long rows;
    long nanos;
    long sampled;
    long pools;
    long max;
    try (HeapWatch heap = HeapWatch.start()) {
      long start = System.nanoTime();
      rows = export.applyAsLong(out);
      nanos = System.nanoTime() - start;
      sampled = heap.sampledPeakBytes();
      pools = heap.poolPeaksBytes();
      max = heap.maxBytes();
    }
    double seconds = nanos / 1e9;
    System.out.printf(
        Locale.ROOT,
        "%s: %,d rows (%,d MB of CSV) in %.1f s, %,.0f rows/s; heap peak %d MB sampled,"
            + " %d MB pools' peaks summed, limit %d MB%n",
        name,
        rows,
        out.chars >> 20,
        seconds,
        rows / seconds,
        sampled >> 20,
        pools >> 20,
        max >> 20);
  }

  /** A writer that counts what it is given and drops it. */
  private static final class CountingWriter extends Writer {
    long chars;

    @Override
    public void write(char[] buffer, int offset, int length) {
      chars += length;
    }

    @Override
    public void write(String text, int offset, int length) {
      chars += length;
    }

    @Override
    public void flush() {}

    @Override
    public void close() {}
  }
}

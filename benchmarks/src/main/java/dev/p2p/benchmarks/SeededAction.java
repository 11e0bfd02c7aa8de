package dev.p2p.benchmarks;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.p2p.Organization;
import dev.p2p.P2P;
import dev.p2p.action.ActionDraft;
import dev.p2p.action.Question;
import dev.p2p.conversation.MessageStatus;
import dev.p2p.field.Tag;
import dev.p2p.store.jdbc.JdbcStore;
import dev.p2p.texter.TexterProfile;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import javax.sql.DataSource;

/**
 * One action with many conversations on PostgreSQL, for the report, export and inbox benchmarks, in
 * a new {@code p2p_bench_reports_*} schema. The organization, {@value #TEXTERS} texters, the tags,
 * an empty list and the action (two initial variants, one report question) are made through the
 * API; then the contacts, conversations, tags, report answers and messages are seeded with
 * set-based {@code INSERT ... SELECT generate_series} into the schema the store migrated, then
 * vacuumed and analyzed. Seeding is not measured. The mix: 60% of conversations messaged (two
 * variants), 20% more assigned and waiting, 20% in the pool; 15% replied (one or two more exchanges
 * each, about 1.3 messages per conversation in all), 10% tagged, 5% with a filed report, 1% opted
 * out, 5% closed; 7.5% of the messaged ones need attention; outbound messages 85% delivered, 10%
 * sent, 5% failed; two days of hourly timeline. Texter {@code t000}..{@code t049} each hold 1.6% of
 * the conversations.
 */
final class SeededAction implements AutoCloseable {
  static final String ORG = "acme";
  static final int TEXTERS = 50;
  private static final String T0 = "TIMESTAMP '2026-11-02 00:00:00'";

  private final PostgresSchema schema;
  private final HikariDataSource pool;
  private final P2P p2p;
  private final Organization org;
  private final long actionId;
  private final int conversations;

  private SeededAction(
      PostgresSchema schema, HikariDataSource pool, P2P p2p, long actionId, int conversations) {
    this.schema = schema;
    this.pool = pool;
    this.p2p = p2p;
    this.org = p2p.organization(ORG);
    this.actionId = actionId;
    this.conversations = conversations;
  }

  /** Creates the schema and seeds {@code conversations} conversations; prints how long it took. */
  static SeededAction create(String postgres, int conversations, boolean keep) throws SQLException {
    PostgresSchema schema = PostgresSchema.create(postgres, "reports", keep);
    HikariDataSource pool = null;
    P2P p2p = null;
    try {
      pool = pool(schema.url());
      p2p = P2P.builder().store(JdbcStore.of(pool)).build();
      if (keep) {
        System.out.println("schema kept: " + schema.name());
      }
      Organization org = p2p.organization(ORG);
      long listId = org.contacts().createList("voters").id();
      long actionId = setUp(org, listId);
      long start = System.nanoTime();
      seed(schema, listId, actionId, conversations);
      System.out.printf(
          Locale.ROOT,
          "seeded %,d conversations in %.1f s (not measured)%n",
          conversations,
          (System.nanoTime() - start) / 1e9);
      return new SeededAction(schema, pool, p2p, actionId, conversations);
    } catch (SQLException | RuntimeException e) {
      if (p2p != null) {
        p2p.close();
      }
      if (pool != null) {
        pool.close();
      }
      schema.close();
      throw e;
    }
  }

  Organization org() {
    return org;
  }

  long actionId() {
    return actionId;
  }

  int conversations() {
    return conversations;
  }

  /** The pool p2p's store uses (4 connections), for the raw baselines. */
  DataSource dataSource() {
    return pool;
  }

  @Override
  public void close() throws SQLException {
    try {
      p2p.close();
      pool.close();
    } finally {
      schema.close();
    }
  }

  static HikariDataSource pool(String url) {
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
}

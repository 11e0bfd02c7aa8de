package dev.p2p.benchmarks;

/**
 * How big each path runs in {@link AllBenchmarks}: {@link #quick()} (under five minutes on a 2-core
 * machine) or {@link #full()} (the standalone benchmarks' defaults).
 *
 * @param name {@code quick} or {@code full}
 * @param importRows rows of the import's CSV
 * @param importRounds measured import rounds (after a warm-up round)
 * @param renderWarmups JMH warm-up iterations of the render benchmark
 * @param renderIterations JMH measured iterations
 * @param renderSeconds seconds per JMH iteration
 * @param sendMessages messages per send round (16 texters)
 * @param sendRounds measured send rounds
 * @param claimContacts contacts in each claim round's pool
 * @param claimRounds measured claim rounds
 * @param webhookConversations conversations the replies go round
 * @param webhookMessages replies per webhook round and thread count
 * @param webhookRounds measured webhook rounds
 * @param seededConversations conversations of the action the inbox, report and exports read
 * @param reportRuns measured report runs (after 3 warm-up runs)
 * @param exportRounds measured export rounds (after one warm-up round)
 * @param inboxPages inbox pages per round and filter
 * @param inboxRounds measured inbox rounds
 * @param adapterSends sends per adapter round (and per side's warm-up)
 * @param adapterRounds measured adapter rounds
 */
record Sizes(
    String name,
    int importRows,
    int importRounds,
    int renderWarmups,
    int renderIterations,
    int renderSeconds,
    int sendMessages,
    int sendRounds,
    int claimContacts,
    int claimRounds,
    int webhookConversations,
    int webhookMessages,
    int webhookRounds,
    int seededConversations,
    int reportRuns,
    int exportRounds,
    int inboxPages,
    int inboxRounds,
    int adapterSends,
    int adapterRounds) {

  static Sizes quick() {
    return new Sizes(
        "quick",
        // import: CSV rows, rounds
        30_000,
        3,
        // render: JMH warm-up and measured iterations, seconds each
        2,
        3,
        1,
        // send: messages a round, rounds
        500,
        3,
        // claims: contacts, rounds
        10_000,
        3,
        // webhooks: conversations, replies a round, rounds
        200,
        250,
        3,
        // inbox, report, export: conversations; report runs; export rounds; inbox pages, rounds
        100_000,
        5,
        3,
        100,
        3,
        // adapters: sends a round, rounds
        3_000,
        3);
  }

  static Sizes full() {
    return new Sizes(
        "full",
        // import
        1_000_000,
        3,
        // render
        3,
        5,
        2,
        // send
        5_000,
        5,
        // claims
        200_000,
        3,
        // webhooks
        1_000,
        2_000,
        5,
        // inbox, report, export
        1_000_000,
        10,
        3,
        200,
        3,
        // adapters
        20_000,
        5);
  }
}

package dev.p2p.store.jdbc;

import dev.p2p.StoreException;
import dev.p2p.event.Change;
import dev.p2p.event.Event;
import dev.p2p.event.Subscription;
import dev.p2p.store.support.LogSafe;
import dev.p2p.store.support.Refusals;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.WeakHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs units of work, each in one transaction on a connection of its own, writing the event-feed
 * changes they {@link #emit} just before the commit and telling the {@link #afterCommit} callbacks
 * of them after it. Thread-safe.
 */
final class Tx {
  /** A unit of work on a connection whose transaction {@link Tx} commits or rolls back. */
  @FunctionalInterface
  interface Work<T> {
    T run(Connection connection) throws SQLException;
  }

  private static final Logger log = LoggerFactory.getLogger(Tx.class);

  // The changes of the unit of work running on the thread; none outside one.
  private static final ThreadLocal<List<EventSql.Pending>> PENDING = new ThreadLocal<>();

  private final List<Consumer<List<Event>>> callbacks = new CopyOnWriteArrayList<>();

  /** How many times {@link #runRetrying} tries the work. */
  static final int ATTEMPTS = 3;

  private static final Set<String> CONFLICTS = Set.of("40001", "40P01");

  // SQLStates of failures that may pass on the next try, beyond classes 08 (connection) and 40
  // (transaction rollback): PostgreSQL's lock_not_available, query_canceled (a statement timeout),
  // admin/crash shutdown, cannot_connect_now and too_many_connections; the standard's HYT00
  // timeout (H2's lock timeout).
  private static final Set<String> TRANSIENT_STATES =
      Set.of("55P03", "57014", "57P01", "57P02", "57P03", "53300", "HYT00");

  // Vendor codes of the same: MariaDB/MySQL's deadlock (1213) and lock wait timeout (1205); H2's
  // lock timeout (50200), deadlock (40001) and concurrent update (90131).
  private static final Set<Integer> TRANSIENT_CODES = Set.of(1213, 1205, 50200, 40001, 90131);

  private final DataSource dataSource;
  private final Dialect dialect;
  private final AtomicBoolean closed = new AtomicBoolean();
  // PostgreSQL connections already told to plan each statement for its values (see tune).
  private final Set<Connection> tuned =
      Collections.synchronizedSet(Collections.newSetFromMap(new WeakHashMap<>()));

  Tx(DataSource dataSource, Dialect dialect) {
    this.dataSource = dataSource;
    this.dialect = dialect;
  }

  Dialect dialect() {
    return dialect;
  }

  DataSource dataSource() {
    return dataSource;
  }

  /** Marks the store closed; returns whether this call closed it. */
  boolean close() {
    return closed.compareAndSet(false, true);
  }

  /**
   * Runs the work in one transaction: commits if it returns, rolls back if it throws.
   *
   * @param operation what the work does, for the error message ("add a contact")
   * @throws StoreException wrapping any {@link SQLException}, saying which operation failed and
   *     whether it is {@linkplain StoreException#retryable() worth retrying}
   */
  <T> T run(String operation, Work<T> work) {
    return run(operation, work, 1);
  }

  /**
   * Like {@link #run}, but runs the work again, up to {@value #ATTEMPTS} times in all, when the
   * database rolled the transaction back to break a deadlock or a serialization conflict (SQLState
   * 40001 or 40P01): for work that is safe to repeat whole, such as a claim. MariaDB's {@code SKIP
   * LOCKED} still waits on rows another claim has just moved out of the pool (their old index
   * entries are delete-marked, not yet purged), so two racing claims can deadlock there.
   */
  <T> T runRetrying(String operation, Work<T> work) {
    return run(operation, work, ATTEMPTS);
  }

  private <T> T run(String operation, Work<T> work, int attempts) {
    for (int attempt = 1; ; attempt++) {
      try {
        return runOnce(operation, work);
      } catch (StoreException e) {
        if (attempt >= attempts || !isConflict(e)) {
          throw e;
        }
        log.debug("Retrying '{}' after a deadlock or serialization conflict", operation);
      }
    }
  }

  private static boolean isConflict(StoreException e) {
    return e.getCause() instanceof SQLException
        && CONFLICTS.contains(((SQLException) e.getCause()).getSQLState());
  }

  private <T> T runOnce(String operation, Work<T> work) {
    if (closed.get()) {
      throw new IllegalStateException("the store is closed");
    }
    List<EventSql.Pending> outer = PENDING.get();
    List<EventSql.Pending> pending = new ArrayList<>();
    List<Event> written = new ArrayList<>();
    PENDING.set(pending);
    T result;
    try {
      result = transaction(operation, work, pending, written);
    } finally {
      if (outer == null) {
        PENDING.remove();
      } else {
        PENDING.set(outer); // a unit of work that ran another: its own changes go on collecting
      }
    }
    publish(written);
    return result;
  }

  /**
   * Records a change of the unit of work running on this thread, to be written with the next
   * positions of the organization's feed just before it commits (dropped if it rolls back).
   *
   * @throws IllegalStateException outside a unit of work
   */
  static void emit(String orgId, Instant at, Change change) {
    List<EventSql.Pending> pending = PENDING.get();
    if (pending == null) {
      throw new IllegalStateException("a change is recorded inside a transaction only");
    }
    pending.add(new EventSql.Pending(orgId, at, change));
  }

  /** Registers a callback told of each transaction's events after its commit. */
  Subscription afterCommit(Consumer<List<Event>> callback) {
    callbacks.add(callback);
    return () -> callbacks.remove(callback);
  }

  private void publish(List<Event> events) {
    if (events.isEmpty()) {
      return;
    }
    List<Event> told = List.copyOf(events);
    for (Consumer<List<Event>> callback : callbacks) {
      try {
        callback.accept(told);
      } catch (RuntimeException e) {
        log.warn("An after-commit event callback failed; the change stands", LogSafe.of(e));
      }
    }
  }

  private <T> T transaction(
      String operation, Work<T> work, List<EventSql.Pending> pending, List<Event> written) {
    Connection opened;
    try {
      opened = dataSource.getConnection();
    } catch (SQLException | RuntimeException e) {
      throw unreachable(operation, e);
    }
    try (Connection connection = opened) {
      tune(connection);
      boolean autoCommit = connection.getAutoCommit();
      if (autoCommit) {
        connection.setAutoCommit(false);
      }
      try {
        T result = work.run(connection);
        // Last, so that the counter row is locked only until the commit.
        List<Event> events = EventSql.write(connection, dialect, pending);
        connection.commit();
        written.addAll(events);
        return result;
      } catch (SQLException | RuntimeException | Error e) {
        rollback(connection, e);
        throw e;
      } finally {
        if (autoCommit) {
          restoreAutoCommit(connection);
        }
      }
    } catch (SQLException e) {
      throw failure(operation, e);
    }
  }

  /**
   * On PostgreSQL, once per physical connection: plan every statement for its parameter values. The
   * driver prepares a statement on the server after a few runs, and PostgreSQL then may keep one
   * generic plan chosen while the table was still empty (a new deployment): measured, the
   * sender-binding lookup kept scanning every binding of the organization through the wrong index,
   * 5,000 rows a lookup after a few thousand sends. A custom plan costs a fraction of a millisecond
   * and always sees the table as it is.
   */
  private void tune(Connection connection) throws SQLException {
    if (dialect != Dialect.POSTGRESQL) {
      return;
    }
    Connection physical =
        connection.isWrapperFor(Connection.class)
            ? connection.unwrap(Connection.class)
            : connection;
    if (tuned.contains(physical)) {
      return;
    }
    try (Statement s = connection.createStatement()) {
      s.execute("SET plan_cache_mode = force_custom_plan");
    } catch (SQLException e) {
      // PostgreSQL before 12 has no such setting: its plans stay as the server chooses.
    }
    if (!connection.getAutoCommit()) {
      connection.commit();
    }
    tuned.add(physical);
  }

  /**
   * Runs a write of a row that belongs to the organization directly (texter, group, list): a
   * missing organization is reported as not found rather than as a database error.
   */
  <T> T runInOrganization(String operation, String orgId, Work<T> work) {
    return run(
        operation,
        c -> {
          try {
            return work.run(c);
          } catch (SQLException e) {
            if (dialect.isForeignKeyViolation(e)) {
              throw Refusals.noOrganization(orgId);
            }
            throw e;
          }
        });
  }

  /**
   * The exception for a failed operation, {@linkplain StoreException#retryable() retryable} when
   * the failure {@linkplain #isTransient(Throwable) is transient}; the database's message (which
   * may quote a row's values) stays in the cause.
   */
  static StoreException failure(String operation, SQLException e) {
    boolean retryable = isTransient(e);
    return new StoreException(
        "Could not "
            + operation
            + ": the database reported "
            + (retryable ? "a transient error" : "an error")
            + " (SQLState "
            + e.getSQLState()
            + ")"
            + (retryable ? "; try again" : "; see the cause"),
        retryable,
        e);
  }

  /**
   * The exception for an operation that got no connection (the database is unreachable, the pool is
   * exhausted or closed): retryable, since nothing was written and a later try may connect.
   */
  static StoreException unreachable(String operation, Exception e) {
    return new StoreException(
        "Could not "
            + operation
            + ": no connection to the database"
            + (e instanceof SQLException sql ? " (SQLState " + sql.getSQLState() + ")" : "")
            + "; try again",
        true,
        e);
  }

  /**
   * Whether the failure, or an {@link SQLException} among its causes, may pass on the next try: a
   * deadlock or serialization conflict, a lock or statement timeout, a lost or refused connection.
   * A constraint violation, bad data or an SQL error is not.
   */
  static boolean isTransient(Throwable failure) {
    Throwable t = failure;
    for (int depth = 0; t != null && depth < 20; depth++, t = t.getCause()) {
      if (t instanceof SQLException e && isTransient(e)) {
        return true;
      }
    }
    return false;
  }

  private static boolean isTransient(SQLException e) {
    if (e instanceof SQLTransientException
        || e instanceof SQLRecoverableException
        || e instanceof SQLNonTransientConnectionException) {
      return true;
    }
    String state = e.getSQLState();
    if (state != null
        && (state.startsWith("08")
            || (state.startsWith("40") && !state.equals("40002"))
            || TRANSIENT_STATES.contains(state))) {
      return true;
    }
    return TRANSIENT_CODES.contains(e.getErrorCode());
  }

  private static void rollback(Connection connection, Throwable failure) {
    try {
      connection.rollback();
    } catch (SQLException e) {
      failure.addSuppressed(e);
    }
  }

  private static void restoreAutoCommit(Connection connection) {
    try {
      connection.setAutoCommit(true);
    } catch (SQLException e) {
      // The connection is broken; the pool discards it. The outcome is already decided.
    }
  }
}

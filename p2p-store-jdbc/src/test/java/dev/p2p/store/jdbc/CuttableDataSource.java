package dev.p2p.store.jdbc;

import java.io.PrintWriter;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.sql.SQLTransientConnectionException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * A data source whose connection to the database is lost on cue, as when a node's network goes:
 * once armed, it lets a given number of commits through, and from then on every call on every
 * connection it handed out (but {@code close}) and every new connection fails with an {@link
 * SQLException}.
 */
final class CuttableDataSource implements DataSource {
  private final DataSource real;
  private final AtomicBoolean cut = new AtomicBoolean();
  private final AtomicInteger commitsLeft = new AtomicInteger(Integer.MAX_VALUE);

  CuttableDataSource(DataSource real) {
    this.real = real;
  }

  /** Lets {@code commits} more commits through, then cuts every connection. */
  void cutAfterCommits(int commits) {
    commitsLeft.set(commits);
  }

  boolean isCut() {
    return cut.get();
  }

  @Override
  public Connection getConnection() throws SQLException {
    failIfCut();
    return wrap(real.getConnection());
  }

  @Override
  public Connection getConnection(String user, String password) throws SQLException {
    failIfCut();
    return wrap(real.getConnection(user, password));
  }

  private void failIfCut() throws SQLException {
    if (cut.get()) {
      throw new SQLTransientConnectionException("connection lost (cut by the test)", "08006");
    }
  }

  private Connection wrap(Connection connection) {
    return (Connection)
        Proxy.newProxyInstance(
            Connection.class.getClassLoader(),
            new Class<?>[] {Connection.class},
            (proxy, method, args) -> {
              String name = method.getName();
              if (!name.equals("close")) {
                failIfCut();
              }
              try {
                Object result = method.invoke(connection, args);
                if (name.equals("commit") && commitsLeft.decrementAndGet() <= 0) {
                  cut.set(true);
                }
                return result;
              } catch (InvocationTargetException e) {
                throw e.getCause();
              }
            });
  }

  @Override
  public PrintWriter getLogWriter() throws SQLException {
    return real.getLogWriter();
  }

  @Override
  public void setLogWriter(PrintWriter out) throws SQLException {
    real.setLogWriter(out);
  }

  @Override
  public void setLoginTimeout(int seconds) throws SQLException {
    real.setLoginTimeout(seconds);
  }

  @Override
  public int getLoginTimeout() throws SQLException {
    return real.getLoginTimeout();
  }

  @Override
  public Logger getParentLogger() throws SQLFeatureNotSupportedException {
    return real.getParentLogger();
  }

  @Override
  public <T> T unwrap(Class<T> iface) throws SQLException {
    return real.unwrap(iface);
  }

  @Override
  public boolean isWrapperFor(Class<?> iface) throws SQLException {
    return real.isWrapperFor(iface);
  }
}

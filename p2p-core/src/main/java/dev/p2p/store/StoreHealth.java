package dev.p2p.store;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * A store's health for a health check: up or down, with details a dashboard can show (the
 * database's kind, the schema version, or why it is down). Details never hold a password or a
 * connection string with credentials.
 *
 * @param up whether the store can serve requests now
 * @param details what was checked, by name, in the order the store reports them
 */
public record StoreHealth(boolean up, Map<String, String> details) {
  /** Checks the details (copied, order kept). */
  public StoreHealth {
    Objects.requireNonNull(details, "details");
    details = Collections.unmodifiableMap(new LinkedHashMap<>(details));
  }

  /**
   * A store that can serve requests.
   *
   * @param details what was checked, by name
   * @return the health
   */
  public static StoreHealth up(Map<String, String> details) {
    return new StoreHealth(true, details);
  }

  /**
   * A store that cannot serve requests.
   *
   * @param details what was checked, by name, including why it is down
   * @return the health
   */
  public static StoreHealth down(Map<String, String> details) {
    return new StoreHealth(false, details);
  }
}

/**
 * {@link dev.p2p.store.jdbc.JdbcStore}: the p2p {@link dev.p2p.store.Store} on SQL databases. H2 is
 * the embedded default (a file or memory); PostgreSQL and MariaDB/MySQL serve many app nodes. The
 * schema is created and upgraded by Flyway migrations when a store is opened; every store method is
 * one transaction of a few set-based statements.
 */
@NullMarked
package dev.p2p.store.jdbc;

import org.jspecify.annotations.NullMarked;

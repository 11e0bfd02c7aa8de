/**
 * The entry point. A CRM builds one {@link dev.p2p.P2P} with explicit wiring (a store, its
 * gateways) and reaches each tenant through {@link dev.p2p.P2P#organization(String)}: an {@link
 * dev.p2p.Organization} hands out its contacts, texters, teams, tags, custom fields and actions.
 * Carrier callbacks go to {@link dev.p2p.P2P#webhooks()}.
 *
 * <p>Every exception is a subtype of the abstract {@link dev.p2p.P2PException}. Bad input is a
 * {@link dev.p2p.ValidationException} listing every {@link dev.p2p.Violation} (field and reason) at
 * once, with nothing written; a record that does not exist in the organization is a {@link
 * dev.p2p.NotFoundException}; a failure of the store is a {@link dev.p2p.StoreException} that says
 * whether trying again may work. Listings come a {@link dev.p2p.Page} at a time.
 *
 * <p>The services an organization hands out are interfaces; their implementations live in {@code
 * dev.p2p.internal}, which is no API and may change in any release. What is marked {@link
 * dev.p2p.Beta} is experimental: it may change in a minor release.
 */
@NullMarked
package dev.p2p;

import org.jspecify.annotations.NullMarked;

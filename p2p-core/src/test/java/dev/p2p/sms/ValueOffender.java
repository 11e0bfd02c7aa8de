package dev.p2p.sms;

import dev.p2p.Organization;
import dev.p2p.store.support.SpiOffender;

/**
 * Breaks the layer rules on purpose for {@code dev.p2p.ArchitectureTest}, which reads its byte code
 * and never runs it: a record in a value package that holds a service, and uses an SPI class that
 * uses it back.
 *
 * @param organization a service, which no value may use
 * @param spi an SPI class that uses this record, closing a cycle between the packages
 */
public record ValueOffender(Organization organization, SpiOffender spi) {}

/**
 * The Spring Boot starter: autoconfigures {@code P2P} from {@code p2p.*} properties ({@link
 * dev.p2p.spring.boot.P2PProperties}), with a Spring MVC webhook endpoint, an actuator health
 * contributor, Micrometer binding and a graceful shutdown. See {@code docs/spring-boot.md}.
 */
@NullMarked
package dev.p2p.spring.boot;

import org.jspecify.annotations.NullMarked;

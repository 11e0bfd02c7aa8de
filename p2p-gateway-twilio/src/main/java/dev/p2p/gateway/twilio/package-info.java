/**
 * {@link dev.p2p.gateway.twilio.TwilioGateway}: the p2p {@link dev.p2p.gateway.SmsGateway} for
 * Twilio Programmable Messaging. It sends one message per call through the Messages REST API over
 * {@code java.net.http} (asynchronous, one shared client), classifies Twilio's error codes into the
 * SPI's error kinds, and verifies ({@code X-Twilio-Signature}) and parses Twilio's inbound-message
 * and status-callback webhooks. It never retries: the core's send policy does. {@link
 * dev.p2p.gateway.twilio.TwilioSignature} computes and checks Twilio's webhook signatures on its
 * own, for tests and for other Twilio webhooks a CRM receives.
 */
@NullMarked
package dev.p2p.gateway.twilio;

import org.jspecify.annotations.NullMarked;

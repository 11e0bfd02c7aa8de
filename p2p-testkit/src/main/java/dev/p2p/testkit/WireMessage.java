package dev.p2p.testkit;

import dev.p2p.contact.Phones;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A send request as the carrier's stub server received it, read back from the carrier's wire format
 * by {@link GatewayStubs#lastSend()}.
 *
 * @param to the recipient as the carrier saw it (E.164)
 * @param from the sender number, or the messaging service id, as the carrier saw it
 * @param body the text
 * @param media the media URLs, in order, possibly empty
 * @param expiresAt when the carrier gives up sending, read from its validity period (a relative one
 *     counted from when the stub server received the request); empty when the request has none
 */
public record WireMessage(
    String to, String from, String body, List<URI> media, Optional<Instant> expiresAt) {

  /** Checks presence and copies the media. */
  public WireMessage {
    Objects.requireNonNull(to, "to");
    Objects.requireNonNull(from, "from");
    Objects.requireNonNull(body, "body");
    Objects.requireNonNull(expiresAt, "expiresAt");
    media = List.copyOf(media);
  }

  /** A request without a validity period. */
  public WireMessage(String to, String from, String body, List<URI> media) {
    this(to, from, body, media, Optional.empty());
  }

  /** Masks the phones and leaves the body out, so the value is safe to log. */
  @Override
  public String toString() {
    return "WireMessage[to="
        + Phones.mask(to)
        + ", from="
        + Phones.mask(from)
        + ", body="
        + body.length()
        + " chars, media="
        + media.size()
        + expiresAt.map(at -> ", expiresAt=" + at).orElse("")
        + "]";
  }
}

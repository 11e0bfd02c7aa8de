package dev.p2p.gateway.twilio;

import java.util.Optional;

/**
 * Twilio's REST error body, {@code {"code", "message", "more_info", "status"}}, as far as p2p uses
 * it. The {@code message} is left out on purpose: it can quote the recipient's number.
 *
 * @param code Twilio's error code, such as {@code 21610}
 * @param moreInfo the documentation URL for the code
 */
record TwilioError(Optional<String> code, Optional<String> moreInfo) {}

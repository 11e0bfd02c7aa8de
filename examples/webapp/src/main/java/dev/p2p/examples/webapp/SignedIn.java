package dev.p2p.examples.webapp;

import dev.p2p.Organization;
import dev.p2p.conversation.Texter;
import jakarta.servlet.http.HttpSession;
import org.jspecify.annotations.Nullable;

/**
 * Who the browser's session says is signed in: a texter (by id) or the admin. The example's sign-in
 * is honest about being one (anyone may pick any name); what keeps a texter to their own work is
 * that every texter call goes through p2p's {@link Texter} for the signed-in id, which refuses a
 * conversation assigned to someone else.
 */
final class SignedIn {
  static final String TEXTER = "p2p.texter";
  static final String ADMIN = "p2p.admin";

  private SignedIn() {}

  /** The signed-in texter, as p2p's scoped {@link Texter}. */
  static Texter texter(HttpSession session, Organization org) {
    return org.texter(texterId(session));
  }

  static String texterId(HttpSession session) {
    if (session.getAttribute(TEXTER) instanceof String id) {
      return id;
    }
    throw new ApiErrors.NotSignedIn("sign in as a texter first");
  }

  static @Nullable String texterIdOrNull(HttpSession session) {
    return session.getAttribute(TEXTER) instanceof String id ? id : null;
  }

  static boolean isAdmin(HttpSession session) {
    return Boolean.TRUE.equals(session.getAttribute(ADMIN));
  }

  static void requireAdmin(HttpSession session) {
    if (!isAdmin(session)) {
      throw new ApiErrors.AdminOnly();
    }
  }
}

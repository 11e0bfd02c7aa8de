package dev.p2p.examples.webapp;

import dev.p2p.ForbiddenException;
import dev.p2p.NotFoundException;
import dev.p2p.OptedOutException;
import dev.p2p.OutsideTextingHoursException;
import dev.p2p.StoreException;
import dev.p2p.ValidationException;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * p2p's exceptions as HTTP answers: bad input is 400 with every problem by field, a record of
 * another organization or none 404, another texter's conversation 403. Never a 500 for bad input.
 */
@RestControllerAdvice
public class ApiErrors {
  private static final Logger LOG = LoggerFactory.getLogger(ApiErrors.class);

  /** One problem, named by field, as the pages show it next to that field. */
  public record Problem(String field, String message) {}

  /** The body of every error answer. */
  public record ErrorBody(String error, List<Problem> problems) {}

  /** No one is signed in (401). */
  static final class NotSignedIn extends RuntimeException {
    private static final long serialVersionUID = 1L;

    NotSignedIn(String message) {
      super(message);
    }
  }

  /** A texter asked for an admin's page (403). */
  static final class AdminOnly extends RuntimeException {
    private static final long serialVersionUID = 1L;

    AdminOnly() {
      super("only the admin may do this: sign in as the admin");
    }
  }

  /**
   * Every problem of the input, by field.
   *
   * @param e the refusal
   * @return 400 with the problems
   */
  @ExceptionHandler(ValidationException.class)
  public ResponseEntity<ErrorBody> invalid(ValidationException e) {
    List<Problem> problems =
        e.violations().stream().map(v -> new Problem(v.field(), v.reason())).toList();
    return answer(HttpStatus.BAD_REQUEST, "invalid input", problems);
  }

  /**
   * No such record in this organization.
   *
   * @param e the refusal
   * @return 404
   */
  @ExceptionHandler(NotFoundException.class)
  public ResponseEntity<ErrorBody> notFound(NotFoundException e) {
    return answer(HttpStatus.NOT_FOUND, String.valueOf(e.getMessage()), List.of());
  }

  /**
   * Another texter's conversation, or an action the texter is not assigned to.
   *
   * @param e the refusal
   * @return 403
   */
  @ExceptionHandler(ForbiddenException.class)
  public ResponseEntity<ErrorBody> forbidden(ForbiddenException e) {
    return answer(HttpStatus.FORBIDDEN, String.valueOf(e.getMessage()), List.of());
  }

  /**
   * The admin's pages asked for by a texter.
   *
   * @param e the refusal
   * @return 403
   */
  @ExceptionHandler(AdminOnly.class)
  public ResponseEntity<ErrorBody> adminOnly(AdminOnly e) {
    return answer(HttpStatus.FORBIDDEN, String.valueOf(e.getMessage()), List.of());
  }

  /**
   * No one signed in.
   *
   * @param e the refusal
   * @return 401
   */
  @ExceptionHandler(NotSignedIn.class)
  public ResponseEntity<ErrorBody> notSignedIn(NotSignedIn e) {
    return answer(HttpStatus.UNAUTHORIZED, String.valueOf(e.getMessage()), List.of());
  }

  /**
   * The contact opted out: nothing was sent.
   *
   * @param e the refusal
   * @return 409
   */
  @ExceptionHandler(OptedOutException.class)
  public ResponseEntity<ErrorBody> optedOut(OptedOutException e) {
    return answer(HttpStatus.CONFLICT, "the contact opted out: nothing was sent", List.of());
  }

  /**
   * The contact's texting window is closed: nothing was sent.
   *
   * @param e the refusal
   * @return 409, saying when it opens
   */
  @ExceptionHandler(OutsideTextingHoursException.class)
  public ResponseEntity<ErrorBody> outsideHours(OutsideTextingHoursException e) {
    String opens = e.opensAt().map(at -> "; it opens at " + at).orElse("");
    return answer(HttpStatus.CONFLICT, "outside the contact's texting hours" + opens, List.of());
  }

  /**
   * The store failed: 503 when the same call may succeed later, else 500 (logged).
   *
   * @param e the failure
   * @return 503 or 500
   */
  @ExceptionHandler(StoreException.class)
  public ResponseEntity<ErrorBody> storeFailed(StoreException e) {
    LOG.error("store failed", e);
    HttpStatus status =
        e.retryable() ? HttpStatus.SERVICE_UNAVAILABLE : HttpStatus.INTERNAL_SERVER_ERROR;
    return answer(status, "the database failed; try again", List.of());
  }

  private static ResponseEntity<ErrorBody> answer(
      HttpStatus status, String error, List<Problem> problems) {
    return ResponseEntity.status(status).body(new ErrorBody(error, problems));
  }
}

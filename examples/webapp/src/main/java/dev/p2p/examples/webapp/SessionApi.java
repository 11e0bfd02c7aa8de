package dev.p2p.examples.webapp;

import dev.p2p.Organization;
import dev.p2p.ValidationException;
import dev.p2p.texter.TexterProfile;
import jakarta.servlet.http.HttpSession;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The example's sign-in: pick a name from the list, no password. It says so on the page. A CRM
 * signs its users in its own way and passes p2p the texter id of whoever is signed in.
 */
@RestController
@RequestMapping("/api/session")
public class SessionApi {
  private final Organization org;

  /**
   * The sign-in of the example's organization.
   *
   * @param org the organization
   */
  public SessionApi(Organization org) {
    this.org = org;
  }

  /** One person who may sign in. */
  public record Person(String id, String name, boolean admin) {}

  /** Who is signed in; both empty when no one. */
  public record Session(@Nullable String texterId, boolean admin) {}

  /** A sign-in: a texter's id, or {@code admin: true}. */
  public record SignIn(@Nullable String texterId, @Nullable Boolean admin) {}

  /**
   * The people to pick from: the organization's texters and the admin.
   *
   * @return the people
   */
  @GetMapping("/people")
  public List<Person> people() {
    List<Person> people = new ArrayList<>();
    for (TexterProfile t : org.texters().page(100).items()) {
      people.add(new Person(t.id(), t.firstName() + " " + t.lastName(), false));
    }
    people.add(new Person("admin", "The admin", true));
    return people;
  }

  /**
   * Who is signed in.
   *
   * @param session the browser's session
   * @return the session
   */
  @GetMapping
  public Session current(HttpSession session) {
    return new Session(SignedIn.texterIdOrNull(session), SignedIn.isAdmin(session));
  }

  /**
   * Signs in as a texter of the organization, or as the admin.
   *
   * @param signIn who
   * @param session the browser's session
   * @return the session
   */
  @PostMapping
  public Session signIn(@RequestBody SignIn signIn, HttpSession session) {
    session.removeAttribute(SignedIn.TEXTER);
    session.removeAttribute(SignedIn.ADMIN);
    if (Boolean.TRUE.equals(signIn.admin())) {
      session.setAttribute(SignedIn.ADMIN, Boolean.TRUE);
    } else {
      String id = signIn.texterId();
      if (id == null || org.texters().find(id).isEmpty()) {
        throw ValidationException.of("texterId", "is not a texter of this organization");
      }
      session.setAttribute(SignedIn.TEXTER, id);
    }
    return current(session);
  }

  /**
   * Signs out.
   *
   * @param session the browser's session
   */
  @DeleteMapping
  public void signOut(HttpSession session) {
    session.invalidate();
  }
}

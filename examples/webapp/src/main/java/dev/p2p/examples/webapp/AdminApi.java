package dev.p2p.examples.webapp;

import dev.p2p.Organization;
import dev.p2p.ValidationException;
import dev.p2p.Violation;
import dev.p2p.action.Action;
import dev.p2p.action.ActionDraft;
import dev.p2p.assign.Target;
import dev.p2p.contact.ContactList;
import dev.p2p.texter.Group;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/**
 * What the admin does: upload a list, build an action (saved as a draft while they type, with its
 * problems and cost estimate), publish it, assign it to a team, and watch its report.
 */
@RestController
@RequestMapping("/api/admin")
public class AdminApi {
  private final Organization org;
  private final ListUploads uploads;

  /**
   * The admin API of the example's organization.
   *
   * @param org the organization
   * @param uploads the list uploads
   */
  public AdminApi(Organization org, ListUploads uploads) {
    this.org = org;
    this.uploads = uploads;
  }

  /** A draft as the admin types it: what publishing would refuse now, and the cost. */
  record Draft(
      long id,
      String status,
      List<ApiErrors.Problem> problems,
      ReportView.@Nullable Cost estimate) {}

  /** A team, to assign actions to. */
  record Team(String id, String name, int members) {}

  /**
   * The organization's contact lists.
   *
   * @param session the browser's session
   * @return the lists
   */
  @GetMapping("/lists")
  public List<ContactList> lists(HttpSession session) {
    SignedIn.requireAdmin(session);
    return org.contacts().lists();
  }

  /**
   * Starts importing a CSV as a new list; poll {@code /uploads/{id}} for its progress.
   *
   * @param name the list's name
   * @param file the CSV
   * @param session the browser's session
   * @return the upload's status
   * @throws IOException if the upload cannot be read
   */
  @PostMapping("/lists")
  public ListUploads.Status upload(
      @RequestParam String name, @RequestParam MultipartFile file, HttpSession session)
      throws IOException {
    SignedIn.requireAdmin(session);
    if (name.isBlank()) {
      throw ValidationException.of("name", "must not be blank");
    }
    try (InputStream in = file.getInputStream()) {
      return uploads.start(name, in);
    }
  }

  /**
   * An upload's progress, or its import report once done.
   *
   * @param id the upload
   * @param session the browser's session
   * @return its status; 404 if there is no such upload
   */
  @GetMapping("/uploads/{id}")
  public ResponseEntity<ListUploads.Status> upload(@PathVariable String id, HttpSession session) {
    SignedIn.requireAdmin(session);
    ListUploads.Status status = uploads.status(id);
    return status == null ? ResponseEntity.notFound().build() : ResponseEntity.ok(status);
  }

  /**
   * The organization's actions.
   *
   * @param session the browser's session
   * @return the actions
   */
  @GetMapping("/actions")
  public List<Views.ActionItem> actions(HttpSession session) {
    SignedIn.requireAdmin(session);
    return org.actions().page(100).items().stream().map(Views.ActionItem::of).toList();
  }

  /**
   * Creates a draft action from the form.
   *
   * @param form the form
   * @param session the browser's session
   * @return the draft with its problems and estimate
   */
  @PostMapping("/actions")
  public Draft create(@RequestBody ActionForm form, HttpSession session) {
    SignedIn.requireAdmin(session);
    form.defineTagsAndFields(org);
    ActionDraft draft = ActionDraft.named(form.name());
    form.applyTo(draft);
    return draft(org.actions().create(draft));
  }

  /**
   * Saves the form into a draft (the page calls it as the admin types).
   *
   * @param id the action
   * @param form the form
   * @param session the browser's session
   * @return the draft with its problems and estimate
   */
  @PutMapping("/actions/{id}")
  public Draft update(@PathVariable long id, @RequestBody ActionForm form, HttpSession session) {
    SignedIn.requireAdmin(session);
    form.defineTagsAndFields(org);
    return draft(org.actions().update(id, form::applyTo));
  }

  /**
   * Publishes the action: 400 with every problem by field, or the live action.
   *
   * @param id the action
   * @param session the browser's session
   * @return the action
   */
  @PostMapping("/actions/{id}/publish")
  public Views.ActionItem publish(@PathVariable long id, HttpSession session) {
    SignedIn.requireAdmin(session);
    return Views.ActionItem.of(org.actions().publish(id));
  }

  /**
   * The organization's teams.
   *
   * @param session the browser's session
   * @return the teams
   */
  @GetMapping("/teams")
  public List<Team> teams(HttpSession session) {
    SignedIn.requireAdmin(session);
    return org.teams().all().stream()
        .map((Group g) -> new Team(g.id(), g.name(), g.size()))
        .toList();
  }

  /**
   * Assigns the action to a team: its members may then ask for batches.
   *
   * @param id the action
   * @param body {@code {"team": "volunteers"}}
   * @param session the browser's session
   * @return what the assignment gave each texter (empty under dynamic assignment)
   */
  @PostMapping("/actions/{id}/assign")
  public Map<String, Integer> assign(
      @PathVariable long id, @RequestBody Map<String, String> body, HttpSession session) {
    SignedIn.requireAdmin(session);
    String team = body.getOrDefault("team", "");
    return org.assignments().assign(id, Target.team(team));
  }

  /**
   * The action's live report.
   *
   * @param id the action
   * @param session the browser's session
   * @return the report
   */
  @GetMapping("/actions/{id}/report")
  public ReportView.Report report(@PathVariable long id, HttpSession session) {
    SignedIn.requireAdmin(session);
    return ReportView.of(org.reports().action(id));
  }

  private Draft draft(Action action) {
    List<ApiErrors.Problem> problems =
        org.actions().problems(action.id()).stream().map(AdminApi::problem).toList();
    ReportView.Cost estimate = null;
    try {
      estimate = ReportView.of(org.actions().estimate(action.id()));
    } catch (ValidationException e) {
      // Nothing to estimate yet (no list, no message, a template that does not parse): the
      // problems above say why.
    }
    return new Draft(action.id(), action.status().name(), problems, estimate);
  }

  private static ApiErrors.Problem problem(Violation v) {
    return new ApiErrors.Problem(v.field(), v.reason());
  }
}

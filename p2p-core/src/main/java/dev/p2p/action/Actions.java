package dev.p2p.action;

import dev.p2p.NotFoundException;
import dev.p2p.Page;
import dev.p2p.ValidationException;
import dev.p2p.Violation;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The organization's actions: create drafts, edit them, publish, pause, resume, close, copy, delete
 * drafts. Obtained from {@code Organization.actions()}; thread-safe. Every lifecycle move and edit
 * is a compare-and-set in the store, so two app nodes can never both publish or close one action.
 *
 * <pre>{@code
 * Action gotv = org.actions().create(ActionDraft.named("GOTV Day").contacts(listId)
 *     .initial("Hi {firstName|there}!").reply("Yes", "Great!", tag("supporter")));
 * org.actions().publish(gotv.id());   // lists every problem, or goes live
 * }</pre>
 */
public interface Actions {
  /** The largest page {@link #page(String, int)} returns: {@value}. */
  int MAX_PAGE = Page.MAX_LIMIT;

  /**
   * Stores the draft as a new action in {@link ActionStatus#DRAFT}. Only the name is checked now;
   * everything else is checked at publish.
   *
   * @throws ValidationException naming {@code name} if it is blank or too long
   */
  Action create(ActionDraft draft);

  /** The action with this id. */
  Optional<Action> find(long actionId);

  /** The first page of actions, newest first. */
  Page<Action> page(int limit);

  /**
   * A page of actions, newest first.
   *
   * @param cursor the {@link Page#next()} of the previous page, or empty for the first
   * @param limit 1 to {@value #MAX_PAGE}
   */
  Page<Action> page(String cursor, int limit);

  /**
   * Edits an action: {@code edit} receives a draft holding the action as stored and changes it. A
   * draft may change in every part; a published or paused action in its name, scripts, tags,
   * fields, report and texting hours only, and the result is checked as at publish (edits apply to
   * messages not yet sent); a closed action not at all. If another node changed the action
   * meanwhile, the edit is applied again to the newer version.
   *
   * @throws NotFoundException if the action does not exist
   * @throws ValidationException listing every problem; nothing is written
   */
  Action update(long actionId, Consumer<ActionDraft> edit);

  /**
   * Every problem that would stop the action from being published, without publishing it; empty
   * when it is ready.
   *
   * @throws NotFoundException if the action does not exist
   */
  List<Violation> problems(long actionId);

  /**
   * Publishes a draft: checks everything (unknown variables, empty bodies, unknown tags or fields,
   * field values of the wrong type, no initial message, an empty contact list, no sender, ...) and
   * goes live. An action without {@link ActionDraft#sender sender} sends through the gateway when
   * exactly one is registered, from that gateway's own messaging service or numbers, and is saved
   * with them; with no gateway or several, the missing sender is a problem named {@code sender}.
   * Once live, the list's contacts become the action's conversations, so its report counts them
   * (waiting, or blocked) before any texter asks for a batch.
   *
   * @throws ValidationException listing every problem at once, each naming where it is ({@code
   *     script.initial[0].body}, {@code script.replies[Yes].tags}, {@code contacts}); or naming
   *     {@code status} if the action is not a draft (a paused action is {@link #resume resumed}).
   *     Nothing is written.
   * @throws NotFoundException if the action does not exist
   */
  Action publish(long actionId);

  /**
   * Pauses a published action: nothing is sent until it is resumed.
   *
   * @throws ValidationException naming {@code status} unless the action is published
   */
  Action pause(long actionId);

  /**
   * Resumes a paused action, checking it as at publish. A draft is {@link #publish published},
   * never resumed.
   *
   * @throws ValidationException naming {@code status} unless the action is paused, or listing the
   *     problems that stop it from going live
   */
  Action resume(long actionId);

  /**
   * Closes a published or paused action for good.
   *
   * @throws ValidationException naming {@code status} if it is a draft (delete a draft instead) or
   *     already closed
   */
  Action close(long actionId);

  /**
   * Copies an action, whatever its status, into a new draft named {@code "<name> (copy)"} with the
   * same scripts, report and settings.
   *
   * @throws NotFoundException if the action does not exist
   */
  Action copy(long actionId);

  /**
   * Deletes a draft. Returns whether it existed.
   *
   * @throws ValidationException naming {@code status} if the action is not a draft: close it
   *     instead
   */
  boolean delete(long actionId);

  // ---- preview and estimate ----
  /**
   * Renders a body (any template, such as a reply being written) for a contact and a texter, with
   * its segments and cost; smart-encoded too when the action has smart encoding on.
   *
   * @throws ValidationException naming {@code body} with every syntax problem
   * @throws NotFoundException if the action, the contact or the texter does not exist
   */
  Preview preview(long actionId, String body, long contactId, String texterId);

  /**
   * Estimates what the action's initial messages will cost: each variant rendered for each contact
   * of the list (for lists over 100,000 contacts, for a sample of 100,000 spread over the list by
   * id, then scaled), its segments counted after smart encoding if on, and priced with the
   * application's cost model ({@code P2P.builder().costModel(..)}). {@code {texterFirstName}}
   * renders as the longest first name among the organization's texters. Reads the list page by
   * page; takes seconds for large lists.
   *
   * @throws ValidationException naming {@code contacts} if the action has no list, or the initial
   *     bodies that do not parse
   * @throws NotFoundException if the action or its list does not exist
   */
  Estimate estimate(long actionId);
}

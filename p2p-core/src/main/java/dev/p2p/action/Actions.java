package dev.p2p.action;

import dev.p2p.NotFoundException;
import dev.p2p.Page;
import dev.p2p.StoreException;
import dev.p2p.ValidationException;
import dev.p2p.Violation;
import dev.p2p.internal.Inputs;
import dev.p2p.internal.OrgContext;
import dev.p2p.internal.Validation;
import dev.p2p.script.Template;
import dev.p2p.store.Store;
import dev.p2p.texter.TexterProfile;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;

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
public final class Actions {
  /** The largest page {@link #page(String, int)} returns: {@value}. */
  public static final int MAX_PAGE = 1_000;

  private static final int ATTEMPTS = 3;

  private final OrgContext ctx;
  private final Store store;

  /** Internal: obtain through {@code Organization.actions()}. */
  public Actions(OrgContext ctx) {
    this.ctx = Objects.requireNonNull(ctx, "ctx");
    this.store = ctx.store();
  }

  /**
   * Stores the draft as a new action in {@link ActionStatus#DRAFT}. Only the name is checked now;
   * everything else is checked at publish.
   *
   * @throws ValidationException naming {@code name} if it is blank or too long
   */
  public Action create(ActionDraft draft) {
    ActionSpec spec = draft.spec();
    Validation.require(PublishCheck.nameProblems(spec.name()));
    return store.actions().createAction(ctx.orgId(), spec, ctx.clock().instant());
  }

  /** The action with this id. */
  public Optional<Action> find(long actionId) {
    return store.actions().findAction(ctx.orgId(), actionId);
  }

  /** The first page of actions, newest first. */
  public Page<Action> page(int limit) {
    return page("", limit);
  }

  /**
   * A page of actions, newest first.
   *
   * @param cursor the {@link Page#next()} of the previous page, or empty for the first
   * @param limit 1 to {@value #MAX_PAGE}
   */
  public Page<Action> page(String cursor, int limit) {
    if (limit < 1 || limit > MAX_PAGE) {
      throw ValidationException.of("limit", "must be between 1 and " + MAX_PAGE);
    }
    long before = cursor.isEmpty() ? Long.MAX_VALUE : parseCursor(cursor);
    List<Action> items = store.actions().actions(ctx.orgId(), before, limit + 1);
    if (items.size() > limit) {
      List<Action> page = items.subList(0, limit);
      return new Page<>(page, Optional.of(Long.toString(page.get(limit - 1).id())));
    }
    return new Page<>(items, Optional.empty());
  }

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
  public Action update(long actionId, Consumer<ActionDraft> edit) {
    Objects.requireNonNull(edit, "edit");
    return retry(
        actionId,
        current -> {
          ActionDraft draft = ActionDraft.of(current.spec());
          edit.accept(draft);
          ActionSpec next = draft.spec();
          List<Violation> problems =
              new ArrayList<>(EditRules.problems(current.status(), current.spec(), next));
          if (current.status() == ActionStatus.DRAFT) {
            problems.addAll(PublishCheck.nameProblems(next.name()));
          } else if (current.status() != ActionStatus.CLOSED) {
            problems.addAll(PublishCheck.problems(next, facts(next)));
          }
          if (!problems.isEmpty()) {
            throw new ValidationException(problems); // in the order of the spec's parts
          }
          return store.actions().saveAction(ctx.orgId(), current, current.status(), next, now());
        });
  }

  /**
   * Every problem that would stop the action from being published, without publishing it; empty
   * when it is ready.
   *
   * @throws NotFoundException if the action does not exist
   */
  public List<Violation> problems(long actionId) {
    ActionSpec spec = get(actionId).spec();
    return PublishCheck.problems(spec, facts(spec));
  }

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
  public Action publish(long actionId) {
    return move(actionId, LifecycleMove.PUBLISH);
  }

  /**
   * Pauses a published action: nothing is sent until it is resumed.
   *
   * @throws ValidationException naming {@code status} unless the action is published
   */
  public Action pause(long actionId) {
    return move(actionId, LifecycleMove.PAUSE);
  }

  /**
   * Resumes a paused action, checking it as at publish. A draft is {@link #publish published},
   * never resumed.
   *
   * @throws ValidationException naming {@code status} unless the action is paused, or listing the
   *     problems that stop it from going live
   */
  public Action resume(long actionId) {
    return move(actionId, LifecycleMove.RESUME);
  }

  /**
   * Closes a published or paused action for good.
   *
   * @throws ValidationException naming {@code status} if it is a draft (delete a draft instead) or
   *     already closed
   */
  public Action close(long actionId) {
    return move(actionId, LifecycleMove.CLOSE);
  }

  /**
   * Copies an action, whatever its status, into a new draft named {@code "<name> (copy)"} with the
   * same scripts, report and settings.
   *
   * @throws NotFoundException if the action does not exist
   */
  public Action copy(long actionId) {
    ActionSpec spec = get(actionId).spec();
    String name = spec.name() + " (copy)";
    if (name.length() > PublishCheck.MAX_NAME) {
      name = spec.name();
    }
    return store.actions().createAction(ctx.orgId(), ActionDraft.of(spec).name(name).spec(), now());
  }

  /**
   * Deletes a draft. Returns whether it existed.
   *
   * @throws ValidationException naming {@code status} if the action is not a draft: close it
   *     instead
   */
  public boolean delete(long actionId) {
    if (store.actions().deleteDraft(ctx.orgId(), actionId)) {
      return true;
    }
    Optional<Action> action = find(actionId);
    if (action.isPresent()) {
      throw ValidationException.of(
          "status", "is " + action.get().status() + ": only a draft can be deleted; close it");
    }
    return false;
  }

  // ---- preview and estimate ----

  /**
   * Renders a body (any template, such as a reply being written) for a contact and a texter, with
   * its segments and cost; smart-encoded too when the action has smart encoding on.
   *
   * @throws ValidationException naming {@code body} with every syntax problem
   * @throws NotFoundException if the action, the contact or the texter does not exist
   */
  public Preview preview(long actionId, String body, long contactId, String texterId) {
    Inputs.id("texterId", texterId, TexterProfile.MAX_ID_LENGTH);
    Template template = Template.parse(Objects.requireNonNull(body, "body"));
    return new Previews(ctx).preview(get(actionId), template, contactId, texterId);
  }

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
  public Estimate estimate(long actionId) {
    return new Previews(ctx).estimate(get(actionId).spec());
  }

  // ---- helpers ----

  private Action move(long actionId, LifecycleMove move) {
    Action moved = moveOnce(actionId, move);
    if (moved.status() == ActionStatus.PUBLISHED) {
      // live: its contacts join the pool now, so its report and costs count them from the start
      ctx.texting().ensurePool(ctx.orgId(), actionId);
    }
    return moved;
  }

  private Action moveOnce(long actionId, LifecycleMove move) {
    return retry(
        actionId,
        current -> {
          if (!move.allowedFrom(current.status())) {
            throw move.refusal(current.status());
          }
          ActionSpec spec = current.spec();
          if (move.to() == ActionStatus.PUBLISHED) {
            require(spec);
            spec = withSender(spec);
          }
          return store.actions().saveAction(ctx.orgId(), current, move.to(), spec, now());
        });
  }

  private Action retry(long actionId, Function<Action, Optional<Action>> attempt) {
    for (int i = 0; i < ATTEMPTS; i++) {
      Optional<Action> saved = attempt.apply(get(actionId));
      if (saved.isPresent()) {
        ctx.texting().forgetAction(ctx.orgId(), actionId); // this node sends by the new version
        return saved.get();
      }
    }
    throw new StoreException(
        "Action " + actionId + " kept changing while this change was made; try again", true);
  }

  /**
   * The spec with the default sender when it names none, so that the live action says what it sends
   * from and keeps it if gateways are registered differently later.
   */
  private ActionSpec withSender(ActionSpec spec) {
    if (spec.sender().isPresent()) {
      return spec;
    }
    return ctx.texting()
        .defaultSender()
        .map(sender -> ActionDraft.of(spec).sender(sender).spec())
        .orElse(spec);
  }

  /** Throws the spec's problems in the order of its parts. */
  private void require(ActionSpec spec) {
    List<Violation> problems = PublishCheck.problems(spec, facts(spec));
    if (!problems.isEmpty()) {
      throw new ValidationException(problems);
    }
  }

  private PublishCheck.Facts facts(ActionSpec spec) {
    return PublishCheck.Facts.of(
        store, ctx.orgId(), ctx.gatewayIds(), ctx.texting().defaultSender(), spec);
  }

  Action get(long actionId) {
    return find(actionId).orElseThrow(() -> new NotFoundException("action", actionId));
  }

  private java.time.Instant now() {
    return ctx.clock().instant();
  }

  private static long parseCursor(String cursor) {
    try {
      return Long.parseLong(cursor);
    } catch (NumberFormatException e) {
      throw ValidationException.of("cursor", "is not a cursor returned by a previous page");
    }
  }
}

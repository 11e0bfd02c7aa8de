package dev.p2p.internal.action;

import dev.p2p.NotFoundException;
import dev.p2p.Page;
import dev.p2p.StoreException;
import dev.p2p.ValidationException;
import dev.p2p.Violation;
import dev.p2p.action.Action;
import dev.p2p.action.ActionDraft;
import dev.p2p.action.ActionSpec;
import dev.p2p.action.ActionStatus;
import dev.p2p.action.Actions;
import dev.p2p.action.Estimate;
import dev.p2p.action.Preview;
import dev.p2p.action.SenderSettings;
import dev.p2p.field.CustomField;
import dev.p2p.field.Tag;
import dev.p2p.internal.Inputs;
import dev.p2p.internal.OrgContext;
import dev.p2p.internal.Paging;
import dev.p2p.internal.Validation;
import dev.p2p.script.Template;
import dev.p2p.store.Store;
import dev.p2p.texter.TexterProfile;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Internal: the implementation of {@link Actions}; obtain it from the facade. */
public final class ActionsImpl implements Actions {
  private static final int ATTEMPTS = 3;

  private final OrgContext ctx;
  private final Store store;

  /** Internal: obtain through {@code Organization.actions()}. */
  public ActionsImpl(OrgContext ctx) {
    this.ctx = Objects.requireNonNull(ctx, "ctx");
    this.store = ctx.store();
  }

  @Override
  public Action create(ActionDraft draft) {
    ActionSpec spec = draft.spec();
    Validation.require(PublishCheck.nameProblems(spec.name()));
    return store.actions().createAction(ctx.orgId(), spec, ctx.clock().instant());
  }

  @Override
  public Optional<Action> find(long actionId) {
    return store.actions().findAction(ctx.orgId(), actionId);
  }

  @Override
  public Page<Action> page(int limit) {
    return page("", limit);
  }

  @Override
  public Page<Action> page(String cursor, int limit) {
    Paging.checkLimit(limit);
    long before = Paging.id(cursor, Long.MAX_VALUE);
    List<Action> items = store.actions().actions(ctx.orgId(), before, limit + 1);
    return Paging.page(items, limit, a -> Paging.idCursor(a.id()));
  }

  @Override
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

  @Override
  public List<Violation> problems(long actionId) {
    ActionSpec spec = get(actionId).spec();
    return PublishCheck.problems(spec, facts(spec));
  }

  @Override
  public Action publish(long actionId) {
    return move(actionId, LifecycleMove.PUBLISH);
  }

  @Override
  public Action pause(long actionId) {
    return move(actionId, LifecycleMove.PAUSE);
  }

  @Override
  public Action resume(long actionId) {
    return move(actionId, LifecycleMove.RESUME);
  }

  @Override
  public Action close(long actionId) {
    return move(actionId, LifecycleMove.CLOSE);
  }

  @Override
  public Action copy(long actionId) {
    ActionSpec spec = get(actionId).spec();
    String name = spec.name() + " (copy)";
    if (name.length() > PublishCheck.MAX_NAME) {
      name = spec.name();
    }
    return store.actions().createAction(ctx.orgId(), ActionDraft.of(spec).name(name).spec(), now());
  }

  @Override
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

  @Override
  public Preview preview(long actionId, String body, long contactId, String texterId) {
    Inputs.id("texterId", texterId, TexterProfile.MAX_ID_LENGTH);
    Template template = Template.parse(Objects.requireNonNull(body, "body"));
    return new Previews(ctx).preview(get(actionId), template, contactId, texterId);
  }

  @Override
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

  /** Reads the facts the spec's check needs from the store. */
  private PublishCheck.Facts facts(ActionSpec spec) {
    String orgId = ctx.orgId();
    Set<String> tags =
        store.actions().tags(orgId).stream().map(Tag::name).collect(Collectors.toSet());
    Map<String, CustomField> fields =
        store.actions().fields(orgId).stream().collect(Collectors.toMap(CustomField::name, f -> f));
    Set<String> gateways = ctx.gatewayIds();
    Optional<SenderSettings> sender = ctx.texting().defaultSender();
    if (spec.contactListId().isEmpty()) {
      return new PublishCheck.Facts(tags, fields, Optional.empty(), Set.of(), gateways, sender);
    }
    long listId = spec.contactListId().getAsLong();
    return new PublishCheck.Facts(
        tags,
        fields,
        store.findList(orgId, listId),
        store.actions().listFieldNames(orgId, listId),
        gateways,
        sender);
  }

  Action get(long actionId) {
    return find(actionId).orElseThrow(() -> new NotFoundException("action", actionId));
  }

  private java.time.Instant now() {
    return ctx.clock().instant();
  }
}

package dev.p2p.internal.conversation;

import dev.p2p.ForbiddenException;
import dev.p2p.NotFoundException;
import dev.p2p.Page;
import dev.p2p.ValidationException;
import dev.p2p.action.Action;
import dev.p2p.action.ActionStatus;
import dev.p2p.action.AssignmentSettings;
import dev.p2p.action.SenderSettings;
import dev.p2p.contact.Contact;
import dev.p2p.conversation.Conversation;
import dev.p2p.conversation.Inbox;
import dev.p2p.conversation.Message;
import dev.p2p.conversation.NextMessage;
import dev.p2p.conversation.Texter;
import dev.p2p.internal.Lookups;
import dev.p2p.internal.OrgContext;
import dev.p2p.internal.Texting;
import dev.p2p.internal.metrics.Telemetry;
import dev.p2p.optout.OptOutSource;
import dev.p2p.script.InitialMessage;
import dev.p2p.script.ReplyScript;
import dev.p2p.script.Template;
import dev.p2p.script.TemplateValues;
import dev.p2p.sms.Segments;
import dev.p2p.sms.SmartEncoding;
import dev.p2p.store.ClaimRequest;
import dev.p2p.store.ConversationUpdate;
import dev.p2p.store.SendRecord;
import dev.p2p.store.support.SendRule;
import dev.p2p.texter.TexterProfile;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/** Internal: the implementation of {@link Texter}; obtain it from the facade. */
public final class TexterImpl implements Texter {
  private final OrgContext ctx;
  private final Texting texting;
  private final TexterProfile profile;
  private final SendPipeline pipeline;
  private final Edits edits;

  /** Internal: obtain through {@code Organization.texter(id)}. */
  public TexterImpl(OrgContext ctx, TexterProfile profile) {
    this.ctx = Objects.requireNonNull(ctx, "ctx");
    this.texting = ctx.texting();
    this.profile = Objects.requireNonNull(profile, "profile");
    this.pipeline = new SendPipeline(ctx);
    this.edits = new Edits(ctx);
  }

  @Override
  public String id() {
    return profile.id();
  }

  @Override
  public int requestBatch(long actionId) {
    Telemetry.Span span = texting.telemetry().claimStarted(ctx.orgId(), "batch");
    String outcome = "error";
    try {
      int claimed = claimBatch(actionId);
      outcome = claimed > 0 ? "claimed" : "empty";
      return claimed;
    } finally {
      span.end(outcome);
    }
  }

  private int claimBatch(long actionId) {
    Action action = pipeline.liveAction(actionId);
    AssignmentSettings settings = action.spec().assignment();
    if (settings.policy() != AssignmentSettings.Policy.DYNAMIC) {
      throw ValidationException.of(
          "assignment.policy",
          "action '" + action.name() + "' uses a fixed split: an admin assigns its contacts");
    }
    Set<String> targets = texting.targetTexters(ctx.orgId(), actionId);
    if (!targets.contains(id())) {
      throw new ForbiddenException(
          "texter "
              + id()
              + " is not among the targets of action '"
              + action.name()
              + "': join it with its link, or ask an admin to assign you");
    }
    texting.ensurePool(ctx.orgId(), actionId);
    ClaimRequest request =
        new ClaimRequest(
            settings.batchSize(),
            settings.maxPerTexter(),
            texting.openKeys(ctx.orgId(), action),
            settings.keepAssignments() ? Optional.of(targets) : Optional.empty(),
            lockCutoff());
    return ctx.store()
        .assignments()
        .claim(ctx.orgId(), actionId, id(), request, texting.clock().instant())
        .size();
  }

  @Override
  public Optional<NextMessage> nextToSend(long actionId) {
    Telemetry.Span span = texting.telemetry().claimStarted(ctx.orgId(), "next");
    String outcome = "error";
    try {
      Optional<NextMessage> next = next(actionId);
      outcome = next.isPresent() ? "claimed" : "empty";
      return next;
    } finally {
      span.end(outcome);
    }
  }

  private Optional<NextMessage> next(long actionId) {
    Action action = texting.action(ctx.orgId(), actionId);
    if (action.status() != ActionStatus.PUBLISHED) {
      return Optional.empty();
    }
    Optional<NextMessage> next =
        ctx.store()
            .conversations()
            .nextToSend(
                ctx.orgId(), actionId, id(), texting.openKeys(ctx.orgId(), action), lockCutoff())
            .map(c -> render(action, c));
    next.ifPresent(n -> texting.previews().put(ctx.orgId(), id(), n));
    return next;
  }

  /** Phones another action texted after this are still locked: claims and previews skip them. */
  private Optional<Instant> lockCutoff() {
    return SendRule.lockCutoff(
        texting.settings(ctx.orgId()).lockWindow(), texting.clock().instant());
  }

  private NextMessage render(Action action, Conversation c) {
    Contact contact = pipeline.contact(c);
    int variant = action.script().variantFor(contact.phone());
    InitialMessage chosen = action.script().initials().get(variant);
    String body = Template.parse(chosen.body()).render(values(contact, c));
    if (action.spec().smartEncoding()) {
      body = SmartEncoding.apply(body);
    }
    return new NextMessage(c, contact, variant, body, Segments.of(body));
  }

  private TemplateValues values(Contact contact, Conversation c) {
    return TemplateValues.of(contact.details(), profile, c.fields());
  }

  @Override
  public Message send(long conversationId) {
    return join(sendAsync(conversationId));
  }

  @Override
  public CompletableFuture<Message> sendAsync(long conversationId) {
    // The conversation and contact as nextToSend read them (the store checks texter, status,
    // opt-out and lock window again under the conversation's lock), else read now.
    NextMessage next =
        texting
            .previews()
            .take(ctx.orgId(), id(), conversationId)
            .orElseGet(() -> preview(conversationId));
    Conversation c = SendPipeline.mine(next.conversation(), id());
    return pipeline.send(
        c,
        next.contact(),
        id(),
        SendRecord.Kind.INITIAL,
        next.body(),
        ConversationUpdate.NONE,
        next.variant());
  }

  private NextMessage preview(long conversationId) {
    Conversation c = pipeline.mine(conversationId, id());
    return render(texting.action(ctx.orgId(), c.actionId()), c);
  }

  @Override
  public Message reply(long conversationId, String scriptPath) {
    Conversation c = pipeline.mine(conversationId, id());
    Action action = pipeline.liveAction(c.actionId());
    ReplyScript script =
        action
            .script()
            .reply(scriptPath)
            .orElseThrow(
                () ->
                    ValidationException.of(
                        "script",
                        "action '" + action.name() + "' has no reply '" + scriptPath + "'"));
    Contact contact = pipeline.contact(c);
    String body = Template.parse(script.body()).render(values(contact, c));
    ConversationUpdate effects =
        ConversationUpdate.NONE
            .withTags(new LinkedHashSet<>(script.tags()))
            .withFields(script.fields());
    return join(pipeline.send(c, contact, id(), SendRecord.Kind.REPLY, body, effects, 0));
  }

  @Override
  public Message replyText(long conversationId, String text) {
    Objects.requireNonNull(text, "text");
    Conversation c = pipeline.mine(conversationId, id());
    return join(
        pipeline.send(
            c, pipeline.contact(c), id(), SendRecord.Kind.REPLY, text, ConversationUpdate.NONE, 0));
  }

  @Override
  public Conversation tag(long conversationId, String... tags) {
    edits.checkTags(tagSet(tags));
    return update(conversationId, ConversationUpdate.NONE.withTags(tagSet(tags)));
  }

  @Override
  public Conversation untag(long conversationId, String... tags) {
    edits.checkTagNames(tagSet(tags));
    return update(conversationId, ConversationUpdate.NONE.withoutTags(tagSet(tags)));
  }

  @Override
  public Conversation setField(long conversationId, String field, String value) {
    edits.checkFields(Map.of(field, value));
    return update(conversationId, ConversationUpdate.NONE.withFields(Map.of(field, value)));
  }

  @Override
  public Conversation fileReport(long conversationId, Map<String, List<String>> answers) {
    Conversation c = pipeline.mine(conversationId, id());
    Action action =
        ctx.store()
            .actions()
            .findAction(ctx.orgId(), c.actionId())
            .orElseThrow(() -> new NotFoundException("action", c.actionId()));
    return update(conversationId, edits.report(action, answers, id(), texting.clock().instant()));
  }

  @Override
  public Conversation optOut(long conversationId, Optional<String> confirmation) {
    Conversation c = pipeline.mine(conversationId, id());
    ctx.store()
        .optOuts()
        .optOut(ctx.orgId(), c.contactPhone(), OptOutSource.TEXTER, texting.clock().instant());
    Optional<SenderSettings> sender =
        ctx.store()
            .actions()
            .findAction(ctx.orgId(), c.actionId())
            .flatMap(action -> action.spec().sender());
    if (confirmation.isPresent() && c.sender().isPresent() && sender.isPresent()) {
      join(pipeline.automatic(c, sender.get(), c.contactPhone(), confirmation.get()));
    }
    return conversation(conversationId);
  }

  @Override
  public Conversation close(long conversationId) {
    return update(conversationId, ConversationUpdate.NONE.withClosed(true));
  }

  @Override
  public Conversation reopen(long conversationId) {
    return update(conversationId, ConversationUpdate.NONE.withClosed(false));
  }

  @Override
  public Conversation markRead(long conversationId) {
    return update(conversationId, ConversationUpdate.NONE.withRead());
  }

  @Override
  public Conversation conversation(long conversationId) {
    return pipeline.mine(conversationId, id());
  }

  @Override
  public List<Message> messages(long conversationId) {
    pipeline.mine(conversationId, id());
    return ctx.store().conversations().thread(ctx.orgId(), conversationId, 0, 1_000);
  }

  @Override
  public Inbox inbox() {
    return new InboxImpl(ctx, id());
  }

  private Conversation update(long conversationId, ConversationUpdate update) {
    return ctx.store()
        .conversations()
        .update(ctx.orgId(), conversationId, Optional.of(id()), update, texting.clock().instant());
  }

  private static Set<String> tagSet(String... tags) {
    return new LinkedHashSet<>(Arrays.asList(tags));
  }

  private static Message join(CompletableFuture<Message> future) {
    try {
      return future.join();
    } catch (CompletionException e) {
      if (e.getCause() instanceof RuntimeException r) {
        throw r;
      }
      throw e;
    }
  }

  @Override
  public String toString() {
    return "Texter[" + id() + "]";
  }

  @Override
  public Page<Conversation> unsent(OptionalLong actionId, int limit) {
    return unsent(actionId, "", limit);
  }

  @Override
  public Page<Conversation> unsent(OptionalLong actionId, String cursor, int limit) {
    return new Lookups(ctx).unsent(id(), actionId, cursor, limit, Inbox.MAX_PAGE);
  }
}

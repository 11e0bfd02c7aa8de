package dev.p2p.conversation;

import dev.p2p.ForbiddenException;
import dev.p2p.NotFoundException;
import dev.p2p.Page;
import dev.p2p.ValidationException;
import dev.p2p.action.Action;
import dev.p2p.action.ActionStatus;
import dev.p2p.action.AssignmentSettings;
import dev.p2p.action.SenderSettings;
import dev.p2p.contact.Contact;
import dev.p2p.internal.Lookups;
import dev.p2p.internal.OrgContext;
import dev.p2p.internal.Texting;
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

/**
 * What one texter does, one message at a time: ask for a batch of contacts, send each its first
 * message, answer replies with scripts or free text, tag, set fields, file reports, opt contacts
 * out, close conversations, and read the inbox. Obtain through {@code Organization.texter(id)}.
 *
 * <p>A texter acts only on conversations assigned to them ({@link ForbiddenException} otherwise);
 * another organization's records are not found. Every send is checked against opt-outs, the
 * action's state and the contact's texting hours, and is one message to one contact. Thread-safe.
 */
public final class Texter {
  private final OrgContext ctx;
  private final Texting texting;
  private final TexterProfile profile;
  private final SendPipeline pipeline;
  private final Edits edits;

  /** Internal: obtain through {@code Organization.texter(id)}. */
  public Texter(OrgContext ctx, TexterProfile profile) {
    this.ctx = Objects.requireNonNull(ctx, "ctx");
    this.texting = ctx.texting();
    this.profile = Objects.requireNonNull(profile, "profile");
    this.pipeline = new SendPipeline(ctx);
    this.edits = new Edits(ctx);
  }

  /** The texter's id. */
  public String id() {
    return profile.id();
  }

  /**
   * Asks for the action's next batch of contacts (dynamic assignment): up to the action's batch
   * size, never past its per-texter maximum, only contacts not opted out and inside texting hours
   * now. With Keep Assignments, the texter's own contacts from earlier actions come first.
   *
   * @return how many contacts were assigned now (0 when none is left for now)
   * @throws ForbiddenException if the texter is not among the action's targets
   * @throws ValidationException naming {@code status} (action not published) or {@code
   *     assignment.policy} (the action uses a fixed split)
   */
  public int requestBatch(long actionId) {
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

  /**
   * The next assigned conversation of the action to send a first message to, with its text
   * rendered: a preview of what {@link #send} sends. Only contacts inside texting hours now, not
   * opted out and not within another action's lock window.
   */
  public Optional<NextMessage> nextToSend(long actionId) {
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

  /**
   * Sends a conversation's first message and waits for the carrier's answer. The conversation is
   * named by id: its contact's phone, the sender and the text come from the store (the text as
   * {@link #nextToSend} previewed it, or rendered now), never from a value the caller builds.
   *
   * @return the stored message as the carrier's answer left it: once the carrier took it, with the
   *     carrier's id and the status of its receipt, which is {@code QUEUED} (the carrier queues the
   *     message; {@code SENT}, {@code DELIVERED} or a failure arrive later by webhook); if the
   *     carrier refused it, {@code FAILED} with the reason; if its fate is unknown, {@code QUEUED}
   *     without a carrier id, {@linkplain Message#unconfirmed() unconfirmed}
   * @throws dev.p2p.NotFoundException if the organization has no such conversation
   * @throws ForbiddenException if it is not assigned to this texter
   * @throws dev.p2p.OptedOutException if the contact opted out meanwhile (nothing sent)
   * @throws dev.p2p.OutsideTextingHoursException if the contact's window is closed (nothing sent)
   * @throws ValidationException naming {@code status} if the message was sent already or the action
   *     is not published, or {@code contactPhone} if the organization's lock window blocks it
   */
  public Message send(long conversationId) {
    return join(sendAsync(conversationId));
  }

  /**
   * Like {@link #send} without waiting for the carrier: every check runs and the message is
   * recorded before this returns; the stage completes with the stored message once the carrier
   * answers, as {@link #send} returns it (usually {@code QUEUED} with the carrier's id).
   */
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

  /**
   * Answers with a reply script, by label path ({@code Yes} or {@code Yes/Where}): renders its body
   * for the contact and applies its tags and field values with the message.
   *
   * @throws ValidationException naming {@code script} if the action has no such reply
   */
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

  /** Answers with free text. */
  public Message replyText(long conversationId, String text) {
    Objects.requireNonNull(text, "text");
    Conversation c = pipeline.mine(conversationId, id());
    return join(
        pipeline.send(
            c, pipeline.contact(c), id(), SendRecord.Kind.REPLY, text, ConversationUpdate.NONE, 0));
  }

  /**
   * Applies tags.
   *
   * @throws ValidationException naming {@code tags} if one is not a tag of the organization
   */
  public Conversation tag(long conversationId, String... tags) {
    edits.checkTags(tagSet(tags));
    return update(conversationId, ConversationUpdate.NONE.withTags(tagSet(tags)));
  }

  /**
   * Takes tags off; ones not applied are ignored.
   *
   * @throws ValidationException naming {@code tags} if one is not a well-formed tag name
   */
  public Conversation untag(long conversationId, String... tags) {
    edits.checkTagNames(tagSet(tags));
    return update(conversationId, ConversationUpdate.NONE.withoutTags(tagSet(tags)));
  }

  /**
   * Sets a custom field's value on the conversation.
   *
   * @throws ValidationException naming {@code fields.<name>} if the field does not exist or the
   *     value does not fit its type
   */
  public Conversation setField(long conversationId, String field, String value) {
    edits.checkFields(Map.of(field, value));
    return update(conversationId, ConversationUpdate.NONE.withFields(Map.of(field, value)));
  }

  /**
   * Files the conversation's report: for every question of the action's report, by its prompt, the
   * answer (tag names for a tag question, one value for a field question). Applies the answers'
   * tags and field values too; a later report replaces it.
   *
   * @throws ValidationException listing every unanswered question and every bad answer
   */
  public Conversation fileReport(long conversationId, Map<String, List<String>> answers) {
    Conversation c = pipeline.mine(conversationId, id());
    Action action =
        ctx.store()
            .actions()
            .findAction(ctx.orgId(), c.actionId())
            .orElseThrow(() -> new NotFoundException("action", c.actionId()));
    return update(conversationId, edits.report(action, answers, id(), texting.clock().instant()));
  }

  /**
   * Opts the contact out of the organization: no action texts the phone again. With a confirmation,
   * sends that one text to confirm.
   */
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

  /** Closes a started conversation; a new message from the contact reopens it. */
  public Conversation close(long conversationId) {
    return update(conversationId, ConversationUpdate.NONE.withClosed(true));
  }

  /** Reopens a closed conversation. */
  public Conversation reopen(long conversationId) {
    return update(conversationId, ConversationUpdate.NONE.withClosed(false));
  }

  /** Marks the conversation read. */
  public Conversation markRead(long conversationId) {
    return update(conversationId, ConversationUpdate.NONE.withRead());
  }

  /** One of the texter's conversations. */
  public Conversation conversation(long conversationId) {
    return pipeline.mine(conversationId, id());
  }

  /** A conversation's messages, oldest first (up to 1,000). */
  public List<Message> messages(long conversationId) {
    pipeline.mine(conversationId, id());
    return ctx.store().conversations().thread(ctx.orgId(), conversationId, 0, 1_000);
  }

  /** The texter's inbox. */
  public Inbox inbox() {
    return new Inbox(ctx, id());
  }

  /**
   * A page of the texter's claimed-but-unsent conversations: assigned to the texter, first message
   * not sent yet ({@link ConversationStatus#NEEDS_FIRST_MESSAGE}), lowest id first, the order
   * {@link #nextToSend} offers them in. One whose phone a carrier has since marked invalid stays
   * listed though it will never be sent ({@link InboxCounts#blocked()}); one opted out leaves, as
   * its conversation is {@code OPTED_OUT}. So the listing holds {@link InboxCounts#toSend()} plus
   * {@link InboxCounts#blocked()} conversations.
   *
   * @param actionId only this action's, when present
   * @param cursor {@code ""} for the first page, else the previous page's {@link Page#next()}
   * @param limit 1 to {@value Inbox#MAX_PAGE}
   * @throws ValidationException naming {@code actionId} (null), {@code limit} (out of range) or
   *     {@code cursor} (null, or not returned by this listing for this texter and action)
   */
  public Page<Conversation> unsent(OptionalLong actionId, String cursor, int limit) {
    return new Lookups(ctx).unsent(id(), actionId, cursor, limit, Inbox.MAX_PAGE);
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
}

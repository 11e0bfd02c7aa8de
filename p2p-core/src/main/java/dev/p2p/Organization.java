package dev.p2p;

import dev.p2p.action.Actions;
import dev.p2p.action.TextingSettings;
import dev.p2p.assign.Assignments;
import dev.p2p.contact.Contacts;
import dev.p2p.conversation.Conversations;
import dev.p2p.conversation.ReconcileReport;
import dev.p2p.conversation.Texter;
import dev.p2p.event.Events;
import dev.p2p.event.OrganizationEvents;
import dev.p2p.field.CustomFields;
import dev.p2p.field.Tags;
import dev.p2p.internal.Inputs;
import dev.p2p.internal.OrgContext;
import dev.p2p.internal.action.ActionsImpl;
import dev.p2p.internal.assign.AssignmentsImpl;
import dev.p2p.internal.contact.ContactsImpl;
import dev.p2p.internal.conversation.ConversationsImpl;
import dev.p2p.internal.conversation.TexterImpl;
import dev.p2p.internal.field.CustomFieldsImpl;
import dev.p2p.internal.field.TagsImpl;
import dev.p2p.internal.optout.OptOutsImpl;
import dev.p2p.internal.report.ReportsImpl;
import dev.p2p.internal.texter.GroupsImpl;
import dev.p2p.internal.texter.TextersImpl;
import dev.p2p.optout.OptOuts;
import dev.p2p.report.Reports;
import dev.p2p.texter.GroupKind;
import dev.p2p.texter.Groups;
import dev.p2p.texter.TexterProfile;
import dev.p2p.texter.Texters;
import java.util.Objects;
import java.util.function.UnaryOperator;

/**
 * One organization (tenant) and everything in it. Obtained from {@link P2P#organization(String)};
 * cheap to create, thread-safe, holds no state of its own.
 */
public final class Organization {
  private final String id;
  private final Contacts contacts;
  private final Texters texters;
  private final Groups teams;
  private final Groups userLists;
  private final Tags tags;
  private final CustomFields customFields;
  private final Actions actions;
  private final Assignments assignments;
  private final OptOuts optOuts;
  private final OrgContext context;
  private final OrganizationEvents events;

  Organization(OrgContext context, Events events) {
    this.id = context.orgId();
    this.context = context;
    this.events = events.organization(id);
    this.contacts = new ContactsImpl(context);
    this.texters = new TextersImpl(context);
    this.teams = new GroupsImpl(context, GroupKind.TEAM);
    this.userLists = new GroupsImpl(context, GroupKind.USER_LIST);
    this.tags = new TagsImpl(context);
    this.customFields = new CustomFieldsImpl(context);
    this.actions = new ActionsImpl(context);
    this.assignments = new AssignmentsImpl(context);
    this.optOuts = new OptOutsImpl(context);
  }

  /** The CRM's id for this organization. */
  public String id() {
    return id;
  }

  /** Contact lists and contacts: add, look up, page, import from CSV. */
  public Contacts contacts() {
    return contacts;
  }

  /** Texters: the CRM users who text. */
  public Texters texters() {
    return texters;
  }

  /** Teams of texters. */
  public Groups teams() {
    return teams;
  }

  /** User lists: ad-hoc groups of texters. */
  public Groups userLists() {
    return userLists;
  }

  /** Tags: defined once per organization, applied by scripts and texters. */
  public Tags tags() {
    return tags;
  }

  /** Typed custom fields: set by scripts and reports, read by templates. */
  public CustomFields customFields() {
    return customFields;
  }

  /** Actions (campaigns): drafts, publishing, the lifecycle, previews and cost estimates. */
  public Actions actions() {
    return actions;
  }

  OrgContext context() {
    return context;
  }

  /** Assignment of actions' contacts to texters: targets, fixed splits, join links, moves. */
  public Assignments assignments() {
    return assignments;
  }

  /** An admin's view of conversations: any by id, their messages, unrouted inbound messages. */
  public Conversations conversations() {
    return new ConversationsImpl(context);
  }

  /** Reporting: an action's report and CSV exports of conversations, messages and opt-outs. */
  public Reports reports() {
    return new ReportsImpl(context);
  }

  /**
   * The organization's event feed: read it from a position, or subscribe in-process to this
   * organization's events only. The same feed as {@code P2P.events()} with the organization fixed.
   */
  public OrganizationEvents events() {
    return events;
  }

  /** The organization's opt-out list. */
  public OptOuts optOuts() {
    return optOuts;
  }

  /**
   * What one texter does: batches, sends, replies, tags, reports, inbox.
   *
   * @throws ValidationException naming {@code texterId} if it is not a valid texter id
   * @throws NotFoundException if no texter has this id (upsert it with {@link #texters()} first)
   */
  public Texter texter(String texterId) {
    Objects.requireNonNull(texterId, "texterId");
    Inputs.id("texterId", texterId, TexterProfile.MAX_ID_LENGTH);
    TexterProfile profile =
        context
            .store()
            .findTexter(id, texterId)
            .orElseThrow(() -> new NotFoundException("texter", texterId));
    return new TexterImpl(context, profile);
  }

  /**
   * Settles the organization's sends of unknown fate by asking the carrier, never by sending again.
   * A send is of unknown fate when the carrier's answer never came: the connection was cut after
   * the request went out (the message is {@link dev.p2p.conversation.Message#unconfirmed()
   * unconfirmed}), or the node stopped before the answer. Once such a send has been still for
   * {@link dev.p2p.store.support.ReconcileRule#SETTLE_AFTER}, this looks it up in its carrier's
   * message list (Twilio's and Bandwidth's adapters can; see {@link
   * dev.p2p.gateway.SmsGateway#findSent}) and marks it sent (writing message.sent, and
   * message.delivered or message.failed if the carrier's list says so), or failed when the list
   * shows the carrier never took it (message.failed), or leaves it for a person when the list
   * cannot tell. Run it from a scheduled job or an admin command; it blocks on the carrier, one
   * send at a time, and is safe to run on several nodes at once (each send settles once).
   *
   * @return the counts of sends sent, failed, left for a person and not answered
   */
  @Beta
  public ReconcileReport reconcile() {
    return new Reconciler(context).run();
  }

  /** The organization's texting rules: keywords, help text, lock window, state quiet hours. */
  public TextingSettings settings() {
    return context.texting().settings(id);
  }

  /**
   * Changes the organization's texting rules.
   *
   * @param change turns the current settings into the new ones ({@code s ->
   *     s.withStateRules(true)})
   * @return the settings saved
   */
  public TextingSettings updateSettings(UnaryOperator<TextingSettings> change) {
    TextingSettings updated = Objects.requireNonNull(change.apply(settings()), "settings");
    context.texting().saveSettings(id, updated);
    return updated;
  }

  @Override
  public String toString() {
    return "Organization[" + id + "]";
  }
}

package dev.p2p;

import dev.p2p.action.Actions;
import dev.p2p.contact.Contacts;
import dev.p2p.field.CustomFields;
import dev.p2p.field.Tags;
import dev.p2p.internal.OrgContext;
import dev.p2p.sms.CostModel;
import dev.p2p.store.Store;
import dev.p2p.texter.GroupKind;
import dev.p2p.texter.Groups;
import dev.p2p.texter.Texters;
import java.time.Clock;
import java.util.Set;

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

  Organization(
      String id,
      Store store,
      Clock clock,
      String defaultRegion,
      CostModel costModel,
      Set<String> gatewayIds) {
    this.id = id;
    OrgContext context = new OrgContext(id, store, clock, defaultRegion, costModel, gatewayIds);
    this.contacts = new Contacts(context);
    this.texters = new Texters(context);
    this.teams = new Groups(context, GroupKind.TEAM);
    this.userLists = new Groups(context, GroupKind.USER_LIST);
    this.tags = new Tags(context);
    this.customFields = new CustomFields(context);
    this.actions = new Actions(context);
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

  @Override
  public String toString() {
    return "Organization[" + id + "]";
  }
}

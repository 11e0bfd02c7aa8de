package dev.p2p.action;

import java.math.BigDecimal;
import java.util.Currency;
import java.util.List;
import java.util.Objects;

/**
 * What an action's initial messages will cost: contacts × the segments of each contact's rendered
 * initial message, per variant and in total. Replies are not included. Opt-outs are not subtracted.
 *
 * @param contacts the contacts of the action's list
 * @param rendered how many contacts were rendered: all of them, or a sample
 * @param sampled whether the list was over 100,000 contacts and a sample of 100,000 contacts spread
 *     over the list by id was rendered and scaled
 * @param texterName the texter first name rendered for {@code {texterFirstName}}: the longest of
 *     the organization's texters, or "Alexandria" when it has none
 * @param variants one estimate per initial-message variant, in the script's order
 * @param segments the segments of every initial message together
 * @param cost what they cost as SMS
 * @param currency the currency of the costs
 */
public record Estimate(
    long contacts,
    long rendered,
    boolean sampled,
    String texterName,
    List<VariantEstimate> variants,
    long segments,
    BigDecimal cost,
    Currency currency) {

  /** Checks presence and copies the variants. */
  public Estimate {
    Objects.requireNonNull(texterName, "texterName");
    variants = List.copyOf(variants);
    Objects.requireNonNull(cost, "cost");
    Objects.requireNonNull(currency, "currency");
  }

  /**
   * The estimate of one initial-message variant.
   *
   * @param index the variant's position in the script, from 0
   * @param body the variant's body, as written
   * @param share the variant's share of the contacts, by weight (0 to 1)
   * @param messages how many contacts get this variant: the list's contacts × the share
   * @param averageSegments the average segments of the variant rendered for each contact
   * @param segments messages × average segments, rounded
   * @param cost what those segments cost as SMS
   */
  public record VariantEstimate(
      int index,
      String body,
      double share,
      long messages,
      double averageSegments,
      long segments,
      BigDecimal cost) {
    /** Checks presence. */
    public VariantEstimate {
      Objects.requireNonNull(body, "body");
      Objects.requireNonNull(cost, "cost");
    }
  }
}

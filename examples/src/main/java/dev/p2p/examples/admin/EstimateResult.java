package dev.p2p.examples.admin;

import dev.p2p.action.Estimate;
import dev.p2p.contact.ImportReport;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * The {@code estimate} command's JSON: p2p's {@link Estimate} of the initial messages over the
 * imported list, with the import's counts and each variant's spread.
 *
 * @param file the contact CSV
 * @param rowsRead data rows of the file
 * @param duplicates rows not imported: their phone appeared earlier
 * @param invalid rows not imported: a problem with the row
 * @param contacts the contacts imported, all of which get an initial message
 * @param rendered contacts rendered by the estimate (a sample of a list over 100,000)
 * @param sampled whether the estimate rendered a sample and scaled it
 * @param smartEncoding whether messages were counted after smart encoding
 * @param texterFirstName what {@code {texterFirstName}} was rendered as
 * @param assumptions what the estimate assumes, in words
 * @param variants one per TEMPLATE, in order
 * @param segments the segments of every initial message together
 * @param cost what they cost as SMS
 * @param currency the currency of every cost
 */
record EstimateResult(
    String file,
    long rowsRead,
    long duplicates,
    long invalid,
    long contacts,
    long rendered,
    boolean sampled,
    boolean smartEncoding,
    String texterFirstName,
    String assumptions,
    List<Variant> variants,
    long segments,
    BigDecimal cost,
    String currency) {

  /**
   * One initial-message variant.
   *
   * @param variant its number, from 1, in the order the TEMPLATEs were given
   * @param template the template as written
   * @param share its share of the contacts (equal weights), 0 to 1
   * @param contacts how many contacts get it
   * @param segments their messages' segments together
   * @param averageSegments the average segments of its message per contact
   * @param maxSegments the most segments its message takes for any contact
   * @param gsm7Contacts contacts of the list for whom it goes as GSM-7
   * @param ucs2Contacts contacts of the list for whom it goes as UCS-2
   * @param cost what its messages cost as SMS
   */
  record Variant(
      int variant,
      String template,
      double share,
      long contacts,
      long segments,
      double averageSegments,
      int maxSegments,
      long gsm7Contacts,
      long ucs2Contacts,
      BigDecimal cost) {}

  static EstimateResult of(
      String file,
      ImportReport imported,
      Estimate estimate,
      List<VariantSpread> spreads,
      boolean smartEncoding) {
    List<Variant> variants = new ArrayList<>();
    for (Estimate.VariantEstimate v : estimate.variants()) {
      VariantSpread spread = spreads.get(v.index());
      variants.add(
          new Variant(
              v.index() + 1,
              v.body(),
              v.share(),
              v.messages(),
              v.segments(),
              v.averageSegments(),
              spread.maxSegments(),
              spread.gsm7(),
              spread.ucs2(),
              v.cost()));
    }
    return new EstimateResult(
        file,
        imported.rowsRead(),
        imported.duplicates(),
        imported.invalid(),
        estimate.contacts(),
        estimate.rendered(),
        estimate.sampled(),
        smartEncoding,
        estimate.texterName(),
        assumptions(estimate.texterName()),
        variants,
        estimate.segments(),
        estimate.cost(),
        estimate.currency().getCurrencyCode());
  }

  /** Rows of the file that were not imported. */
  long rejected() {
    return duplicates + invalid;
  }

  private static String assumptions(String texterName) {
    return "{texterFirstName} rendered as \""
        + texterName
        + "\", p2p's stand-in when the organization has no texters (otherwise the longest"
        + " texter first name, so as not to underestimate); {texterLastName} empty."
        + " Replies not counted; opt-outs not subtracted.";
  }
}

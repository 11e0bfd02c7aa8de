package dev.p2p.examples.admin;

import dev.p2p.Page;
import dev.p2p.contact.Contact;
import dev.p2p.contact.Contacts;
import dev.p2p.script.Template;
import dev.p2p.sms.Segments;
import dev.p2p.sms.SmartEncoding;
import dev.p2p.sms.SmsEncoding;
import dev.p2p.texter.TexterProfile;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What p2p's {@code Estimate} leaves out, per variant: the most segments one contact's message
 * takes and how many contacts' messages go as GSM-7 or UCS-2. Renders every variant for every
 * contact of the list, page by page, the way the estimate does (same texter name, same smart
 * encoding); unlike the estimate it never samples, so a very long list takes a while.
 *
 * @param maxSegments the most segments of the variant rendered for any contact
 * @param gsm7 contacts whose message goes as GSM-7
 * @param ucs2 contacts whose message goes as UCS-2
 */
record VariantSpread(int maxSegments, long gsm7, long ucs2) {

  /** Renders each template for each contact of the list; one spread per template, in order. */
  static List<VariantSpread> of(
      Contacts contacts,
      long listId,
      List<String> templates,
      String texterFirstName,
      boolean smartEncoding) {
    TexterProfile texter = new TexterProfile("estimate", texterFirstName, "");
    List<Template> parsed = templates.stream().map(Template::parse).toList();
    int[] max = new int[parsed.size()];
    long[] gsm7 = new long[parsed.size()];
    long[] ucs2 = new long[parsed.size()];
    Optional<String> cursor = Optional.of("");
    while (cursor.isPresent()) {
      Page<Contact> page = contacts.page(listId, cursor.get(), Contacts.MAX_PAGE);
      for (Contact contact : page.items()) {
        for (int v = 0; v < parsed.size(); v++) {
          String text = parsed.get(v).render(contact.details(), texter);
          Segments segments = Segments.of(smartEncoding ? SmartEncoding.apply(text) : text);
          max[v] = Math.max(max[v], segments.count());
          if (segments.encoding() == SmsEncoding.GSM_7) {
            gsm7[v]++;
          } else {
            ucs2[v]++;
          }
        }
      }
      cursor = page.next();
    }
    List<VariantSpread> spreads = new ArrayList<>();
    for (int v = 0; v < parsed.size(); v++) {
      spreads.add(new VariantSpread(max[v], gsm7[v], ucs2[v]));
    }
    return spreads;
  }
}

package dev.p2p.action;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.p2p.NotFoundException;
import dev.p2p.Organization;
import dev.p2p.P2P;
import dev.p2p.ValidationException;
import dev.p2p.contact.ContactDetails;
import dev.p2p.contact.NewContact;
import dev.p2p.sms.CostModel;
import dev.p2p.sms.SmsEncoding;
import dev.p2p.store.ContactImport;
import dev.p2p.store.memory.InMemoryStore;
import dev.p2p.texter.TexterProfile;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class PreviewAndEstimateTest {
  /** One cent per segment, no fees: costs read as segment counts. */
  private static final CostModel CENT =
      CostModel.builder()
          .pricePerSmsSegment(new BigDecimal("0.01"))
          .carrierFeePerSmsSegment(BigDecimal.ZERO)
          .build();

  private InMemoryStore store;
  private Organization org;
  private long listId;
  private long anaId;

  @BeforeEach
  void setUp() {
    store = InMemoryStore.create();
    org =
        P2P.builder()
            .store(store)
            .costModel(CENT)
            .gateway(OneNumberGateway.ID, new OneNumberGateway())
            .build()
            .organization("acme");
    org.texters().upsert(new TexterProfile("ben", "Ben", "Ng"));
    listId = org.contacts().createList("Voters").id();
    anaId =
        org.contacts()
            .add(
                listId,
                NewContact.builder("+13125550100").firstName("Ana").field("Place", "Hall").build())
            .id();
    org.contacts().add(listId, NewContact.builder("+13125550101").build());
  }

  private long action(ActionDraft draft) {
    return org.actions().create(draft.contacts(listId)).id();
  }

  @Test
  void aPreviewRendersForTheContactAndTexter() {
    long id = action(ActionDraft.named("GOTV").initial("x"));
    Preview preview =
        org.actions().preview(id, "Hi {firstName}, {texterFirstName} here. {place}", anaId, "ben");
    assertThat(preview.text()).isEqualTo("Hi Ana, Ben here. Hall");
    assertThat(preview.smartEncoded()).isEmpty();
    assertThat(preview.segments().count()).isEqualTo(1);
    assertThat(preview.cost()).isEqualByComparingTo("0.01");
    assertThat(preview.unknownVariables()).isEmpty();
  }

  @Test
  @DisplayName("a preview names the variables nothing supplies, such as a typo")
  void aPreviewNamesUnknownVariables() {
    long id = action(ActionDraft.named("GOTV").initial("x"));
    Preview preview =
        org.actions().preview(id, "Hi {fristName|there}, see you at {place}", anaId, "ben");
    assertThat(preview.text()).isEqualTo("Hi there, see you at Hall");
    assertThat(preview.unknownVariables()).containsExactly("fristName");
  }

  @Test
  @DisplayName("with smart encoding on, a preview shows the GSM-7 text and counts its segments")
  void aPreviewSmartEncodes() {
    long id = action(ActionDraft.named("GOTV").initial("x").smartEncoding(true));
    Preview preview = org.actions().preview(id, "It’s {firstName} — “hi”", anaId, "ben");
    assertThat(preview.text()).isEqualTo("It’s Ana — “hi”");
    assertThat(preview.smartEncoded()).isPresent();
    assertThat(preview.segments().encoding()).isEqualTo(SmsEncoding.GSM_7);
    assertThat(preview.sent()).isEqualTo(preview.smartEncoded().orElseThrow());
  }

  @Test
  void aPreviewOfABadBodyNamesTheBody() {
    long id = action(ActionDraft.named("GOTV").initial("x"));
    assertThatThrownBy(() -> org.actions().preview(id, "Hi {firstName", anaId, "ben"))
        .isInstanceOfSatisfying(
            ValidationException.class,
            e -> assertThat(e.violations().get(0).field()).isEqualTo("body"));
  }

  @Test
  void aPreviewForAnUnknownContactOrTexterIsNotFound() {
    long id = action(ActionDraft.named("GOTV").initial("x"));
    assertThatThrownBy(() -> org.actions().preview(id, "Hi", 999, "ben"))
        .isInstanceOf(NotFoundException.class)
        .hasMessageContaining("contact");
    assertThatThrownBy(() -> org.actions().preview(id, "Hi", anaId, "nobody"))
        .isInstanceOf(NotFoundException.class)
        .hasMessageContaining("texter");
  }

  @Test
  @DisplayName("the estimate sums each contact's segments per variant, shared by weight")
  void theEstimateSumsSegmentsPerVariant() {
    // 158 GSM characters plus the first name: Ana's message takes 2 segments, the other's 1.
    String longBody = "x".repeat(158) + "{firstName}";
    long id = action(ActionDraft.named("GOTV").initial(longBody, 1).initial("Hi", 1));
    Estimate estimate = org.actions().estimate(id);
    assertThat(estimate.contacts()).isEqualTo(2);
    assertThat(estimate.rendered()).isEqualTo(2);
    assertThat(estimate.sampled()).isFalse();
    assertThat(estimate.texterName()).isEqualTo("Ben");
    assertThat(estimate.variants())
        .containsExactly(
            new Estimate.VariantEstimate(0, longBody, 0.5, 1, 1.5, 2, new BigDecimal("0.02")),
            new Estimate.VariantEstimate(1, "Hi", 0.5, 1, 1.0, 1, new BigDecimal("0.01")));
    assertThat(estimate.segments()).isEqualTo(3);
    assertThat(estimate.cost()).isEqualByComparingTo("0.03");
    assertThat(estimate.currency().getCurrencyCode()).isEqualTo("USD");
  }

  @Test
  void anEmojiMakesTheEstimateCountUcs2Segments() {
    long id = action(ActionDraft.named("GOTV").initial("😀" + "x".repeat(69)));
    assertThat(org.actions().estimate(id).segments()).isEqualTo(2 * 2);
  }

  @Test
  void theEstimateRendersTheLongestTexterName() {
    org.texters().upsert(new TexterProfile("max", "Maximiliana", ""));
    long id = action(ActionDraft.named("GOTV").initial("{texterFirstName}"));
    assertThat(org.actions().estimate(id).texterName()).isEqualTo("Maximiliana");
  }

  @Test
  void anEstimateNeedsAList() {
    long id = org.actions().create(ActionDraft.named("GOTV").initial("Hi")).id();
    assertThatThrownBy(() -> org.actions().estimate(id))
        .hasMessageContaining("contacts must name a contact list");
  }

  @Test
  @DisplayName("a list over 100,000 contacts is estimated from a sample of 100,000 and scaled")
  void aLargeListIsSampled() {
    long bigList;
    try (ContactImport imp = store.beginImport("acme", "Big", Instant.EPOCH)) {
      for (int chunk = 0; chunk < 25; chunk++) {
        List<ContactDetails> contacts = new ArrayList<>();
        for (int i = 0; i < 10_000; i++) {
          int n = chunk * 10_000 + i;
          String first = n % 2 == 0 ? "Al" : "Bartholomew-Maximilian";
          ContactDetails phone = ContactDetails.ofPhone(String.format("+1312%07d", n));
          contacts.add(
              new ContactDetails(
                  phone.phone(),
                  first,
                  "",
                  Optional.empty(),
                  Optional.empty(),
                  Optional.empty(),
                  Optional.empty(),
                  Optional.empty(),
                  java.util.Map.of()));
        }
        imp.add(contacts);
      }
      bigList = imp.complete().id();
    }
    // 140 characters plus the name: "Al" fits one segment, the long name needs two.
    long id =
        org.actions()
            .create(
                ActionDraft.named("Big").contacts(bigList).initial("y".repeat(140) + "{firstName}"))
            .id();
    Estimate estimate = org.actions().estimate(id);
    assertThat(estimate.sampled()).isTrue();
    assertThat(estimate.contacts()).isEqualTo(250_000);
    assertThat(estimate.rendered()).isEqualTo(100_000);
    assertThat(estimate.segments()).isEqualTo(375_000);
  }
}

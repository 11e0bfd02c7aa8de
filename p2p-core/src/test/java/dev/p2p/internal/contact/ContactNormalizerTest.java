package dev.p2p.internal.contact;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.p2p.ValidationException;
import dev.p2p.Violation;
import dev.p2p.contact.ContactDetails;
import dev.p2p.contact.NewContact;
import java.time.ZoneId;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class ContactNormalizerTest {
  private final ContactNormalizer normalizer = new ContactNormalizer("US");

  @Test
  void normalizesTheContact() {
    ContactDetails details =
        normalizer.normalize(
            NewContact.builder("(415) 555-2671")
                .firstName(" Ana ")
                .lastName("Lima")
                .zip("94103")
                .externalId("crm-7")
                .field("Polling Place", "City Hall")
                .build());

    assertThat(details.phone()).isEqualTo("+14155552671");
    assertThat(details.firstName()).isEqualTo("Ana");
    assertThat(details.lastName()).isEqualTo("Lima");
    assertThat(details.zip()).contains("94103");
    assertThat(details.zipState()).contains("CA");
    assertThat(details.areaCodeState()).contains("CA");
    assertThat(details.externalId()).contains("crm-7");
    assertThat(details.fields()).containsExactly(Map.entry("pollingPlace", "City Hall"));
  }

  @Test
  void takesTheContactsOwnTimeZoneFirst() {
    ContactDetails details =
        normalizer.normalize(
            NewContact.builder("2125550100").zip("60601").timeZone("America/Denver").build());

    assertThat(details.timeZone()).contains(ZoneId.of("America/Denver"));
  }

  @Test
  void readsATimeZoneIgnoringCase() {
    ContactDetails details =
        normalizer.normalize(NewContact.builder("2125550100").timeZone("america/denver").build());

    assertThat(details.timeZone()).contains(ZoneId.of("America/Denver"));
  }

  @Test
  void takesTheZipCodesTimeZoneBeforeTheNumbers() {
    ContactDetails details =
        normalizer.normalize(NewContact.builder("2125550100").zip("60601").build());

    assertThat(details.timeZone()).contains(ZoneId.of("America/Chicago"));
  }

  @Test
  void fallsBackToTheNumbersTimeZone() {
    ContactDetails details = normalizer.normalize(NewContact.builder("2125550100").build());

    assertThat(details.timeZone()).contains(ZoneId.of("America/New_York"));
  }

  @Test
  void leavesTheTimeZoneEmptyWhenNothingPlacesTheContact() {
    ContactDetails details = normalizer.normalize(NewContact.builder("8005550123").build());

    assertThat(details.timeZone()).isEmpty();
  }

  @Test
  @DisplayName("lists every problem at once, sorted by field")
  void listsEveryViolationAtOnce() {
    NewContact contact =
        NewContact.builder("555")
            .firstName("x".repeat(NewContact.MAX_TEXT + 1))
            .zip("1".repeat(21))
            .timeZone("Mars/Olympus")
            .externalId("e".repeat(256))
            .field("###", "a")
            .field("First Name", "b")
            .field("notes", "n".repeat(NewContact.MAX_TEXT + 1))
            .build();

    ValidationException e =
        catchThrowableOfType(() -> normalizer.normalize(contact), ValidationException.class);

    assertThat(e.violations())
        .containsExactly(
            new Violation("externalId", "must be at most 255 characters"),
            new Violation("fields.###", "has no letters or digits to name a field"),
            new Violation(
                "fields.First Name", "is the name of the built-in field firstName; rename it"),
            new Violation("fields.notes", "must be at most 1000 characters"),
            new Violation("firstName", "must be at most 1000 characters"),
            new Violation("phone", "is not a valid phone number for region US"),
            new Violation("timeZone", "is not a known time zone such as America/Chicago"),
            new Violation("zip", "must be at most 20 characters"));
  }

  @Test
  @DisplayName("reports a blank phone once, as the annotation says it")
  void reportsABlankPhoneOnce() {
    ValidationException e =
        catchThrowableOfType(
            () -> normalizer.normalize(NewContact.builder(" ").build()), ValidationException.class);

    assertThat(e.violations()).containsExactly(new Violation("phone", "must not be blank"));
  }

  @Test
  void rejectsTwoFieldNamesThatBecomeTheSame() {
    NewContact contact =
        NewContact.builder("2125550100")
            .field("Polling Place", "a")
            .field("polling_place", "b")
            .build();

    ValidationException e =
        catchThrowableOfType(() -> normalizer.normalize(contact), ValidationException.class);

    assertThat(e.violations())
        .containsExactly(
            new Violation(
                "fields.polling_place",
                "becomes pollingPlace, like fields.Polling Place; rename one"));
  }

  @Test
  void rawPathReturnsProblemsWithoutThrowing() {
    ContactNormalizer.Outcome outcome =
        normalizer.normalize(new RawContact("nope", "", "", "", "Nowhere/Zone", "", Map.of()));

    assertThat(outcome.details()).isNull();
    assertThat(outcome.violations())
        .extracting(Violation::field)
        .containsExactly("phone", "timeZone");
  }

  @Test
  void usesTheDefaultRegionForNationalNumbers() {
    ContactDetails details =
        new ContactNormalizer("GB").normalize(NewContact.builder("020 7946 0958").build());

    assertThat(details.phone()).isEqualTo("+442079460958");
    assertThat(details.areaCodeState()).isEmpty();
  }
}

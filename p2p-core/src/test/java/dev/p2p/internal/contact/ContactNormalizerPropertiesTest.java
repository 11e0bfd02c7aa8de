package dev.p2p.internal.contact;

import static org.assertj.core.api.Assertions.assertThat;

import dev.p2p.ValidationException;
import dev.p2p.contact.ImportOptions;
import dev.p2p.contact.ImportReport;
import dev.p2p.contact.NewContact;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;

class ContactNormalizerPropertiesTest {
  private final ContactNormalizer normalizer = new ContactNormalizer("US");

  @Property
  boolean normalizingAnyTextThrowsNothingButValidationException(
      @ForAll String phone,
      @ForAll String firstName,
      @ForAll String zip,
      @ForAll String timeZone,
      @ForAll String fieldName,
      @ForAll String fieldValue) {
    NewContact contact =
        NewContact.builder(phone)
            .firstName(firstName)
            .zip(zip)
            .timeZone(timeZone)
            .field(fieldName, fieldValue)
            .build();
    try {
      return normalizer.normalize(contact).phone().startsWith("+");
    } catch (ValidationException e) {
      return !e.violations().isEmpty();
    }
  }

  @Property
  void importingAnyFieldContentNeverThrows(
      @ForAll String phone, @ForAll String zip, @ForAll String notes) {
    String csv = "phone,zip,notes\n" + quote(phone) + "," + quote(zip) + "," + quote(notes) + "\n";

    ImportReport report =
        new CsvContactImporter(normalizer)
            .run(
                new ByteArrayInputStream(csv.getBytes(StandardCharsets.UTF_8)),
                ImportOptions.defaults(),
                null,
                progress -> {});

    assertThat(report.imported() + report.duplicates() + report.invalid())
        .isEqualTo(report.rowsRead());
  }

  private static String quote(String field) {
    return "\"" + field.replace("\"", "\"\"") + "\"";
  }
}

package dev.p2p.internal.contact;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class FieldNamesTest {

  @ParameterizedTest(name = "\"{0}\" becomes {1}")
  @CsvSource({
    "Polling Place, pollingPlace",
    "polling_place, pollingPlace",
    "POLLING-PLACE, pollingPlace",
    "pollingPlace, pollingPlace",
    "Ward #3, ward3",
    "ZIPCode, zipCode",
    "VANID, vanid",
    "Café Name, cafeName",
    "Имя, имя",
    "Имя отца, имяОтца",
    "名前, 名前",
    "이름, 이름",
    "नाम, नाम",
    "Søren, søren",
    "'  precinct  ', precinct"
  })
  void normalizesToCamelCase(String name, String expected) {
    assertThat(FieldNames.normalize(name)).isEqualTo(expected);
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "  ", "###", "—·—", "\u0301"})
  void givesAnEmptyNameWithoutLettersOrDigits(String name) {
    assertThat(FieldNames.normalize(name)).isEmpty();
  }

  @ParameterizedTest(name = "\"{0}\" is {1}")
  @CsvSource({
    "Phone, phone",
    "Phone Number, phone",
    "cell, phone",
    "Cell Phone, phone",
    "CELLPHONE, phone",
    "mobile, phone",
    "Mobile_Phone, phone",
    "number, phone",
    "Tel, phone",
    "telephone, phone",
    "First Name, firstName",
    "first_name, firstName",
    "first, firstName",
    "Given Name, firstName",
    "Last Name, lastName",
    "LASTNAME, lastName",
    "last, lastName",
    "surname, lastName",
    "Family Name, lastName",
    "zip, zip",
    "Zip Code, zip",
    "zipcode, zip",
    "Postal Code, zip",
    "postcode, zip",
    "zip5, zip",
    "Time Zone, timeZone",
    "timezone, timeZone",
    "TZ, timeZone",
    "External ID, externalId",
    "externalid, externalId",
    "id, externalId",
    "CRM ID, externalId",
    "VAN ID, externalId",
    "vanid, externalId",
    "Voter ID, externalId"
  })
  void recognizesBuiltInHeaders(String header, String field) {
    assertThat(FieldNames.builtIn(header)).contains(field);
  }

  @Test
  void treatsOtherHeadersAsCustom() {
    assertThat(FieldNames.builtIn("Polling Place")).isEmpty();
  }
}

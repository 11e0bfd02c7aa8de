package dev.p2p.internal.contact;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.ZoneId;
import java.util.Optional;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class PlaceTablesTest {

  @ParameterizedTest(name = "{0} is in {1}, {2}")
  @CsvSource({
    "10001, NY, America/New_York",
    "60601, IL, America/Chicago",
    "94103, CA, America/Los_Angeles",
    "85001, AZ, America/Phoenix",
    "96813, HI, Pacific/Honolulu",
    "99501, AK, America/Anchorage",
    "80202, CO, America/Denver",
    "00901, PR, America/Puerto_Rico",
    "02108, MA, America/New_York",
    "32501, FL, America/Chicago",
    "37203, TN, America/Chicago",
    "37902, TN, America/New_York",
    "79901, TX, America/Denver",
    "83814, ID, America/Los_Angeles",
    "83702, ID, America/Boise",
    "46204, IN, America/Indiana/Indianapolis",
    "46320, IN, America/Chicago",
    "20500, DC, America/New_York",
    "96910, GU, Pacific/Guam"
  })
  void placesAZipInItsStateAndTimeZone(String zip, String state, String zone) {
    assertThat(ZipDirectory.place(zip)).contains(new Place(state, ZoneId.of(zone)));
  }

  @Test
  void readsZipPlusFour() {
    assertThat(ZipDirectory.place("10001-1234").map(Place::state)).contains("NY");
    assertThat(ZipDirectory.place("100011234").map(Place::state)).contains("NY");
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "1000", "K1A 0B1", "ABCDE", "10001-12", "00001", "09012", "96201"})
  @DisplayName("gives no place for non-US, malformed, unassigned or military ZIP codes")
  void givesNoPlaceForOtherCodes(String zip) {
    assertThat(ZipDirectory.place(zip)).isEmpty();
  }

  @ParameterizedTest(name = "{0} is in {1}")
  @CsvSource({
    "+14155552671, CA",
    "+12125550100, NY",
    "+13125550100, IL",
    "+19075550123, AK",
    "+18085550123, HI",
    "+17875550123, PR",
    "+14165550123, ON",
    "+16045550123, BC",
    "+12025550123, DC"
  })
  void givesTheStateOfAnAreaCode(String e164, String state) {
    assertThat(AreaCodeStates.stateOf(e164)).contains(state);
  }

  @ParameterizedTest
  @ValueSource(strings = {"+18005550123", "+442079460958", "+1415555267", "+12345"})
  void givesNoStateOutsideTheTable(String e164) {
    assertThat(AreaCodeStates.stateOf(e164)).isEmpty();
  }

  @Test
  void givesTheNumbersTimeZoneWhenItsPrefixHasOne() {
    assertThat(NumberTimeZones.zoneOf("+12125550100")).contains(ZoneId.of("America/New_York"));
  }

  @Test
  @DisplayName("gives no time zone for a number whose prefix spans several zones")
  void givesNoTimeZoneForAMultiZonePrefix() {
    assertThat(NumberTimeZones.zoneOf("+18005550123")).isEmpty();
  }

  @Test
  void givesNoTimeZoneForUnreadableText() {
    assertThat(NumberTimeZones.zoneOf("not a number")).isEqualTo(Optional.empty());
  }
}

package dev.p2p.examples.demo;

import de.siegmar.fastcsv.writer.CsvWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Writes the demo's voter list: a CSV as a CRM exports it, with people in twenty metro areas (their
 * ZIP codes and area codes match, as they mostly do; some kept the number of a city they left),
 * names, a polling place, and the usual flaws: phones written every which way, a few that are no
 * phone at all, and some people listed twice.
 */
final class VoterList {
  private record Metro(String state, String areaCode, String zipPrefix, int weight) {}

  // Big and small states, every continental time zone, Arizona (no daylight saving), Alaska and
  // Hawaii, and states with their own texting rules (Florida, Mississippi...).
  private static final List<Metro> METROS =
      List.of(
          new Metro("NY", "212", "100", 12),
          new Metro("CA", "213", "900", 12),
          new Metro("IL", "312", "606", 8),
          new Metro("TX", "713", "770", 8),
          new Metro("AZ", "602", "850", 5),
          new Metro("PA", "215", "191", 5),
          new Metro("FL", "305", "331", 6),
          new Metro("GA", "404", "303", 5),
          new Metro("WA", "206", "981", 4),
          new Metro("CO", "303", "802", 4),
          new Metro("MI", "313", "482", 4),
          new Metro("MN", "612", "554", 3),
          new Metro("MA", "617", "021", 4),
          new Metro("NV", "702", "891", 3),
          new Metro("OR", "503", "972", 3),
          new Metro("TN", "615", "372", 3),
          new Metro("NC", "704", "282", 4),
          new Metro("MS", "601", "392", 2),
          new Metro("HI", "808", "968", 2),
          new Metro("AK", "907", "995", 1));

  private static final List<String> FIRST =
      List.of(
          "James",
          "Mary",
          "Robert",
          "Patricia",
          "John",
          "Jennifer",
          "Michael",
          "Linda",
          "David",
          "Elizabeth",
          "Maria",
          "Jose",
          "Wei",
          "Aisha",
          "Mohammed",
          "Priya",
          "Kenji",
          "Fatima",
          "Carlos",
          "Emily",
          "Darnell",
          "Olivia",
          "Noah",
          "Sofia",
          "Liam",
          "");
  private static final List<String> LAST =
      List.of(
          "Smith",
          "Johnson",
          "Williams",
          "Brown",
          "Jones",
          "Garcia",
          "Miller",
          "Davis",
          "Rodriguez",
          "Martinez",
          "Nguyen",
          "Kim",
          "Patel",
          "Okafor",
          "Cohen",
          "O'Brien",
          "Lee",
          "Walker",
          "Hall",
          "Young");
  private static final List<String> PLACES =
      List.of(
          "Lincoln Elementary School",
          "Fire Station 12",
          "Central Public Library",
          "St. Mark's Community Hall",
          "Roosevelt High School gym",
          "Oak Park Recreation Center",
          "Veterans Memorial Building",
          "Washington Middle School");

  private VoterList() {}

  /** Writes {@code rows} rows to {@code file}. */
  static void write(Path file, int rows, Random random) {
    try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8);
        CsvWriter csv = CsvWriter.builder().build(out)) {
      csv.writeRecord("Cell Phone", "First Name", "Last Name", "ZIP", "Polling Place", "Voter ID");
      List<String> phones = new ArrayList<>();
      int total = METROS.stream().mapToInt(Metro::weight).sum();
      for (int row = 1; row <= rows; row++) {
        Metro home = pick(random, total);
        // One in ten kept the number of the city they moved from.
        Metro numberFrom = random.nextInt(10) == 0 ? pick(random, total) : home;
        String phone;
        double flaw = random.nextDouble();
        if (flaw < 0.01) {
          phone = List.of("n/a", "555-0100", "12345", "").get(random.nextInt(4));
        } else if (flaw < 0.025 && !phones.isEmpty()) {
          phone = reformat(phones.get(random.nextInt(phones.size())), random); // listed twice
        } else {
          phone = numberFrom.areaCode() + (200 + random.nextInt(800)) + digits(random, 4);
          phones.add(phone);
          phone = reformat(phone, random);
        }
        csv.writeRecord(
            phone,
            FIRST.get(random.nextInt(FIRST.size())),
            LAST.get(random.nextInt(LAST.size())),
            home.zipPrefix() + digits(random, 2),
            PLACES.get(random.nextInt(PLACES.size())),
            "V" + (1_000_000 + row));
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the voter list " + file, e);
    }
  }

  private static Metro pick(Random random, int total) {
    int r = random.nextInt(total);
    for (Metro m : METROS) {
      r -= m.weight();
      if (r < 0) {
        return m;
      }
    }
    return METROS.get(0);
  }

  /** Ten digits written as people write them. */
  private static String reformat(String ten, Random random) {
    String a = ten.substring(0, 3);
    String b = ten.substring(3, 6);
    String c = ten.substring(6);
    switch (random.nextInt(5)) {
      case 0:
        return "(" + a + ") " + b + "-" + c;
      case 1:
        return a + "." + b + "." + c;
      case 2:
        return "+1 " + a + "-" + b + "-" + c;
      case 3:
        return "1" + ten;
      default:
        return ten;
    }
  }

  private static String digits(Random random, int count) {
    StringBuilder s = new StringBuilder(count);
    for (int i = 0; i < count; i++) {
      s.append((char) ('0' + random.nextInt(10)));
    }
    return s.toString();
  }
}

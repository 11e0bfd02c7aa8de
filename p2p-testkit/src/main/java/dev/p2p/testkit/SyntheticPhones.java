package dev.p2p.testkit;

import java.util.Arrays;

/**
 * Valid US numbers, numbered: a bijection from an index to a geographic area code, an ordinary
 * exchange (no {@code N11}, no {@code 555}, no {@code 950/958/959/976}) and a line, so that
 * distinct indexes always give distinct numbers without remembering any. Also the five ways people
 * write them, and phones that are never valid.
 */
final class SyntheticPhones {
  /** Geographic US area codes in service. */
  static final short[] AREA_CODES = {
    201, 202, 203, 205, 206, 207, 208, 209, 210, 212, 213, 214, 215, 216, 217, 218, 219, 224, 225,
    228, 229, 231, 234, 239, 240, 248, 251, 252, 253, 254, 256, 260, 262, 267, 269, 270, 281, 301,
    302, 303, 304, 305, 307, 308, 309, 310, 312, 313, 314, 315, 316, 317, 318, 319, 320, 321, 323,
    330, 334, 336, 337, 339, 347, 351, 352, 360, 361, 385, 386, 401, 402, 404, 405, 406, 407, 408,
    409, 410, 412, 413, 414, 415, 417, 419, 423, 424, 425, 430, 432, 434, 435, 440, 443, 469, 470,
    475, 478, 479, 480, 484, 501, 502, 503, 504, 505, 507, 508, 509, 510, 512, 513, 515, 516, 517,
    518, 520, 530, 540, 541, 551, 559, 561, 562, 563, 567, 570, 571, 573, 574, 575, 580, 585, 586,
    601, 602, 603, 605, 606, 607, 608, 609, 610, 612, 614, 615, 616, 617, 618, 619, 620, 623, 626,
    630, 631, 636, 641, 646, 650, 651, 660, 661, 662, 678, 682, 701, 702, 703, 704, 706, 707, 708,
    712, 713, 714, 715, 716, 717, 718, 719, 720, 724, 727, 731, 732, 734, 740, 754, 757, 760, 763,
    765, 770, 772, 773, 774, 775, 781, 785, 786, 801, 802, 803, 804, 805, 806, 808, 810, 812, 813,
    814, 815, 816, 817, 818, 828, 830, 831, 832, 843, 845, 847, 848, 850, 856, 857, 858, 859, 860,
    862, 863, 864, 865, 870, 901, 903, 904, 906, 907, 908, 909, 910, 912, 913, 914, 915, 916, 917,
    918, 919, 920, 925, 928, 931, 936, 937, 940, 941, 949, 951, 952, 954, 956, 970, 971, 972, 973,
    978, 979, 980, 985, 989
  };

  /** Exchanges 200-999 except service codes and the fictional 555. */
  static final short[] EXCHANGES = exchanges();

  /** How many distinct numbers there are. */
  static final long CAPACITY = (long) AREA_CODES.length * EXCHANGES.length * 10_000L;

  /** Ways of writing a number, by format index. */
  static final int FORMATS = 5;

  /** Phones that no importer may accept, written as they are. */
  static final String[] INVALID = {
    "12345",
    "not a phone",
    "",
    "(123) 456-7890",
    "555-2671",
    "+1 800 55",
    "phone: n/a",
    "0000000000"
  };

  /** A prime larger than {@link #CAPACITY}, so multiplying by it permutes the indexes. */
  private static final long SCATTER = 2_147_483_647L;

  private SyntheticPhones() {}

  /**
   * The national significant number (ten digits) of the unique number {@code index}.
   *
   * @param index from 0 to {@link #CAPACITY} - 1
   * @param offset a seed-derived shift, from 0 to {@link #CAPACITY} - 1
   */
  static long nationalNumber(long index, long offset) {
    long p = (index * SCATTER + offset) % CAPACITY;
    int area = AREA_CODES[(int) (p % AREA_CODES.length)];
    long rest = p / AREA_CODES.length;
    int exchange = EXCHANGES[(int) (rest % EXCHANGES.length)];
    long line = rest / EXCHANGES.length;
    return area * 10_000_000L + exchange * 10_000L + line;
  }

  /** The number in E.164, such as {@code +14155552671}. */
  static String e164(long national) {
    return "+1" + national;
  }

  /** Appends the number written in format {@code 0 <= format < FORMATS}. */
  static void write(StringBuilder out, long national, int format) {
    int area = (int) (national / 10_000_000L);
    int exchange = (int) (national / 10_000L % 1000);
    int line = (int) (national % 10_000L);
    switch (format) {
      case 0 -> out.append('(').append(area).append(") ").append(exchange).append('-');
      case 1 -> out.append(area).append('.').append(exchange).append('.');
      case 2 -> out.append("+1 ").append(area).append('-').append(exchange).append('-');
      case 3 -> out.append(area).append(exchange);
      case 4 -> out.append("1-").append(area).append('-').append(exchange).append('-');
      default -> throw new IllegalArgumentException("format " + format);
    }
    if (line < 1000) {
      out.append('0');
    }
    if (line < 100) {
      out.append('0');
    }
    if (line < 10) {
      out.append('0');
    }
    out.append(line);
  }

  private static short[] exchanges() {
    short[] out = new short[800];
    int n = 0;
    for (int x = 200; x <= 999; x++) {
      boolean serviceCode = x % 100 == 11;
      if (!serviceCode && x != 555 && x != 950 && x != 958 && x != 959 && x != 976) {
        out[n++] = (short) x;
      }
    }
    return Arrays.copyOf(out, n);
  }
}

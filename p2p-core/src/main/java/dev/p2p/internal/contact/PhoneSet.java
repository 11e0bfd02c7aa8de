package dev.p2p.internal.contact;

import java.util.Arrays;

/**
 * The phones seen so far in one import, with the row each was first seen on: an open-addressing
 * hash table of primitive {@code long} keys (an E.164 number's digits) and {@code int} rows, about
 * 12 to 24 bytes per phone. Not thread-safe.
 */
final class PhoneSet {
  /** Returned by {@link #add} when the phone was seen on a row too far down to record. */
  static final long EARLIER_ROW_UNKNOWN = -1;

  private static final int INITIAL_CAPACITY = 1 << 14;

  private long[] keys = new long[INITIAL_CAPACITY];
  private int[] rows = new int[INITIAL_CAPACITY];
  private int size;

  /** The digits of an E.164 number ({@code +14155552671} gives {@code 14155552671}). */
  static long key(String e164) {
    long key = 0;
    for (int i = 1; i < e164.length(); i++) {
      key = key * 10 + (e164.charAt(i) - '0');
    }
    return key;
  }

  /**
   * Adds a phone first seen on a row.
   *
   * @param key a phone's digits, positive
   * @param row the row it is on
   * @return 0 if the phone is new; else the row it was first seen on, or {@link
   *     #EARLIER_ROW_UNKNOWN}
   */
  long add(long key, long row) {
    if (key <= 0) {
      throw new IllegalArgumentException("key must be positive");
    }
    int slot = find(keys, key);
    if (keys[slot] == key) {
      return rows[slot] > 0 ? rows[slot] : EARLIER_ROW_UNKNOWN;
    }
    keys[slot] = key;
    rows[slot] = row <= Integer.MAX_VALUE ? (int) row : 0;
    if (++size * 4L > keys.length * 3L) {
      grow();
    }
    return 0;
  }

  /** How many distinct phones were added. */
  int size() {
    return size;
  }

  private static int find(long[] keys, long key) {
    int mask = keys.length - 1;
    long h = key * 0x9E3779B97F4A7C15L;
    int slot = (int) (h ^ (h >>> 32)) & mask;
    while (keys[slot] != 0 && keys[slot] != key) {
      slot = (slot + 1) & mask;
    }
    return slot;
  }

  private void grow() {
    long[] oldKeys = keys;
    int[] oldRows = rows;
    keys = new long[oldKeys.length * 2];
    rows = new int[oldKeys.length * 2];
    for (int i = 0; i < oldKeys.length; i++) {
      if (oldKeys[i] != 0) {
        int slot = find(keys, oldKeys[i]);
        keys[slot] = oldKeys[i];
        rows[slot] = oldRows[i];
      }
    }
    Arrays.fill(oldKeys, 0);
  }
}

package dev.p2p.sms;

/**
 * How an SMS body travels. GSM-7 packs characters of the GSM 03.38 tables into 7-bit septets;
 * anything else sends the whole message as UCS-2, 16 bits per UTF-16 code unit.
 */
public enum SmsEncoding {
  /** 160 septets in a single SMS, 153 per part of a concatenated one. */
  GSM_7(160, 153),
  /** 70 UTF-16 code units in a single SMS, 67 per part of a concatenated one. */
  UCS_2(70, 67);

  private final int singleLimit;
  private final int partLimit;

  SmsEncoding(int singleLimit, int partLimit) {
    this.singleLimit = singleLimit;
    this.partLimit = partLimit;
  }

  /** The most units (septets or code units) a message holds and still goes as one SMS. */
  public int singleLimit() {
    return singleLimit;
  }

  /** The most units one part of a concatenated message holds (the rest carries the header). */
  public int partLimit() {
    return partLimit;
  }
}

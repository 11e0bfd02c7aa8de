package dev.p2p.internal.contact;

import dev.p2p.contact.NewContact;
import java.util.Arrays;

/**
 * One CSV record as the importer needs it, filled by {@link CsvRowHandler} and reused for the next
 * record. Values longer than {@link NewContact#MAX_TEXT} are never turned into strings: only their
 * length is kept, so a 10 MB field costs no more than the parser's buffer. Fields beyond the stored
 * width are counted, and remembered only as blank or not.
 */
final class CsvRow {
  private static final String[] NONE = {};

  private String[] values = new String[16];
  private int[] lengths = new int[16];
  private int stored;
  private int fieldCount;
  private int width = Integer.MAX_VALUE;
  private boolean blank;
  private boolean extraValues;
  private long number;
  private boolean endOfFile;
  private int unclosedField = -1;
  private int swallowingField = -1;
  private String swallowedLine = "";

  /** Stores at most this many fields from now on (the header's width). */
  void limitWidth(int width) {
    this.width = width;
  }

  void begin(long rowNumber) {
    Arrays.fill(values, 0, stored, null);
    stored = 0;
    fieldCount = 0;
    blank = true;
    extraValues = false;
    number = rowNumber;
    endOfFile = false;
    unclosedField = -1;
    swallowingField = -1;
    swallowedLine = "";
  }

  /** Marks this record as the end-of-file mark, not a row of the file. */
  void markEndOfFile() {
    endOfFile = true;
  }

  /** Marks a field whose opening quote is never closed. */
  void markUnclosed(int field) {
    if (unclosedField < 0) {
      unclosedField = field;
    }
  }

  /** Marks a quoted field spanning lines, one of which reads as a record of its own. */
  void markSwallowing(int field, String line) {
    if (swallowingField < 0) {
      swallowingField = field;
      swallowedLine = line;
    }
  }

  /** Whether this record is the mark that follows the last character of the file. */
  boolean endOfFile() {
    return endOfFile;
  }

  /** The index of the field whose quote is never closed, or -1. */
  int unclosedField() {
    return unclosedField;
  }

  /** The index of the quoted field that swallows a line reading as a record, or -1. */
  int swallowingField() {
    return swallowingField;
  }

  /** The first line, inside {@link #swallowingField()}, that reads as a record. */
  String swallowedLine() {
    return swallowedLine;
  }

  void add(char[] buf, int offset, int len) {
    fieldCount++;
    boolean fieldBlank = isBlank(buf, offset, len);
    blank &= fieldBlank;
    if (stored >= width) {
      extraValues |= !fieldBlank;
      return;
    }
    if (stored == values.length) {
      values = Arrays.copyOf(values, stored * 2);
      lengths = Arrays.copyOf(lengths, stored * 2);
    }
    values[stored] = len > NewContact.MAX_TEXT ? null : new String(buf, offset, len);
    lengths[stored] = len;
    stored++;
  }

  /** The row's number as a spreadsheet shows it (the first line is row 1). */
  long number() {
    return number;
  }

  /** Whether the row is an empty line or has only empty or whitespace fields. */
  boolean blank() {
    return blank;
  }

  /** How many fields the row has, stored or not. */
  int fieldCount() {
    return fieldCount;
  }

  /** Whether a field beyond the stored width holds something other than whitespace. */
  boolean extraValues() {
    return extraValues;
  }

  /** Whether the field is too long to have been kept. */
  boolean tooLong(int index) {
    return index < stored && values[index] == null;
  }

  /** The field's length in characters; 0 when the row is shorter. */
  int length(int index) {
    return index < stored ? lengths[index] : 0;
  }

  /** The field's text; empty when the row is shorter or the field too long. */
  String value(int index) {
    if (index < 0 || index >= stored) {
      return "";
    }
    String value = values[index];
    return value == null ? "" : value;
  }

  /** The stored fields, for reading the header. */
  String[] values() {
    return stored == 0 ? NONE : Arrays.copyOf(values, stored);
  }

  private static boolean isBlank(char[] buf, int offset, int len) {
    for (int i = offset; i < offset + len; i++) {
      if (!Character.isWhitespace(buf[i])) {
        return false;
      }
    }
    return true;
  }
}

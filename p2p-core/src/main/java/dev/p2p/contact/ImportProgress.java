package dev.p2p.contact;

/**
 * How far a CSV import has come; passed to the progress callback at least every 10,000 rows and
 * once at the end.
 *
 * @param rowsRead data rows read so far (the header is not counted)
 * @param imported rows accepted so far
 * @param duplicates rows skipped because their phone appeared earlier in the file
 * @param invalid rows skipped because of a problem with the row
 * @param bytesRead bytes of the file consumed so far, for a progress bar against the file size
 */
public record ImportProgress(
    long rowsRead, long imported, long duplicates, long invalid, long bytesRead) {}

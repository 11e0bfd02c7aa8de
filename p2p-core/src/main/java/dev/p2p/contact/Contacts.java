package dev.p2p.contact;

import dev.p2p.NotFoundException;
import dev.p2p.Page;
import dev.p2p.ValidationException;
import dev.p2p.internal.Inputs;
import dev.p2p.internal.OrgContext;
import dev.p2p.store.ContactImport;
import dev.p2p.store.support.LogSafe;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The organization's contact lists and contacts. Obtained from {@code Organization.contacts()};
 * thread-safe.
 *
 * <pre>{@code
 * ImportReport report = org.contacts().importCsv("GOTV list", Path.of("voters.csv"),
 *     progress -> System.out.println(progress.rowsRead() + " rows"));
 * }</pre>
 */
public final class Contacts {
  /** The largest page {@link #page(long, String, int)} returns: {@value}. */
  public static final int MAX_PAGE = 1_000;

  private static final Logger log = LoggerFactory.getLogger(Contacts.class);
  private static final int MAX_LIST_NAME = 255;

  private final OrgContext ctx;
  private final ContactNormalizer normalizer;
  private final CsvContactImporter importer;

  /** Internal: obtain through {@code Organization.contacts()}. */
  public Contacts(OrgContext ctx) {
    this.ctx = Objects.requireNonNull(ctx, "ctx");
    this.normalizer = new ContactNormalizer(ctx.defaultRegion());
    this.importer = new CsvContactImporter(normalizer);
  }

  // ---- lists ----

  /**
   * Creates an empty list to add contacts to one by one.
   *
   * @throws ValidationException naming {@code name} if it is blank or too long
   */
  public ContactList createList(String name) {
    return ctx.store().createList(ctx.orgId(), checkListName(name), ctx.clock().instant());
  }

  /** The list with this id, with its size. */
  public Optional<ContactList> list(long listId) {
    return ctx.store().findList(ctx.orgId(), listId);
  }

  /** Every list of the organization, newest first. */
  public List<ContactList> lists() {
    return ctx.store().lists(ctx.orgId());
  }

  /** Deletes a list and its contacts. Returns whether it existed. */
  public boolean deleteList(long listId) {
    return ctx.store().deleteList(ctx.orgId(), listId);
  }

  // ---- contacts ----

  /**
   * Normalizes and adds one contact to a list.
   *
   * @throws ValidationException listing every problem with the contact, or naming {@code phone} if
   *     the list already holds that phone
   * @throws NotFoundException if the list does not exist
   */
  public Contact add(long listId, NewContact contact) {
    ContactDetails details = normalizer.normalize(contact);
    return ctx.store().addContact(ctx.orgId(), listId, details);
  }

  /** Removes a contact from its list. Returns whether it existed. */
  public boolean remove(long contactId) {
    return ctx.store().removeContact(ctx.orgId(), contactId);
  }

  /** The contact with this id. */
  public Optional<Contact> find(long contactId) {
    return ctx.store().findContact(ctx.orgId(), contactId);
  }

  /**
   * The contact of a list with this phone, written in any format the default region reads.
   *
   * @throws ValidationException naming {@code phone} if it is not a phone number
   */
  public Optional<Contact> findByPhone(long listId, String phone) {
    return ctx.store().findContactByPhone(ctx.orgId(), listId, normalizer.phone(phone));
  }

  /** Every contact of the organization with this phone, across lists. */
  public List<Contact> findByPhone(String phone) {
    return ctx.store().contactsByPhone(ctx.orgId(), normalizer.phone(phone));
  }

  /** The first page of a list's contacts, in the order they were added. */
  public Page<Contact> page(long listId, int limit) {
    return page(listId, "", limit);
  }

  /**
   * A page of a list's contacts, in the order they were added.
   *
   * @param cursor the {@link Page#next()} of the previous page, or empty for the first
   * @param limit 1 to {@value #MAX_PAGE}
   * @throws NotFoundException if the list does not exist
   */
  public Page<Contact> page(long listId, String cursor, int limit) {
    if (limit < 1 || limit > MAX_PAGE) {
      throw ValidationException.of("limit", "must be between 1 and " + MAX_PAGE);
    }
    long after = parseCursor(cursor);
    List<Contact> items = ctx.store().contacts(ctx.orgId(), listId, after, limit + 1);
    if (items.isEmpty() && list(listId).isEmpty()) {
      throw new NotFoundException("contact list", listId);
    }
    if (items.size() > limit) {
      List<Contact> page = items.subList(0, limit);
      return new Page<>(page, Optional.of(Long.toString(page.get(limit - 1).id())));
    }
    return new Page<>(items, Optional.empty());
  }

  // ---- import ----

  /** Imports a CSV file into a new list with the default options, without progress reports. */
  public ImportReport importCsv(String listName, Path file) {
    return importCsv(listName, file, progress -> {});
  }

  /** Imports a CSV file into a new list with the default options. */
  public ImportReport importCsv(String listName, Path file, Consumer<ImportProgress> progress) {
    return importCsv(listName, file, defaultOptions(), progress);
  }

  /**
   * Imports a CSV file into a new list. The header row names the columns: a phone column is
   * required; first name, last name, ZIP, time zone and external id are recognized by their usual
   * names; every other column becomes a custom field with a camelCase name. Rows with an invalid or
   * repeated phone are skipped and reported. A fatal problem (unreadable file, no phone column,
   * bytes that are not valid in the charset, an I/O failure midway) throws and leaves no list.
   *
   * @param progress called at least every {@link ImportOptions#progressInterval()} rows and at the
   *     end, on the calling thread; an exception it throws is logged and ignored
   */
  public ImportReport importCsv(
      String listName, Path file, ImportOptions options, Consumer<ImportProgress> progress) {
    return readFile(file, in -> importCsv(listName, in, options, progress));
  }

  /**
   * Imports CSV from a stream (not closed) into a new list; see {@link #importCsv(String, Path,
   * ImportOptions, Consumer)}.
   */
  public ImportReport importCsv(
      String listName, InputStream csv, ImportOptions options, Consumer<ImportProgress> progress) {
    String name = checkListName(listName);
    try (ContactImport sink =
        new PipelinedImport(
            ctx.store().beginImport(ctx.orgId(), name, ctx.clock().instant()),
            ctx.texting().workers())) {
      ImportReport report = importer.run(csv, options, sink, guard(progress));
      sink.complete();
      log.info(
          "Imported list {} for org {}: {} rows read, {} imported, {} duplicates, {} invalid",
          sink.listId(),
          ctx.orgId(),
          report.rowsRead(),
          report.imported(),
          report.duplicates(),
          report.invalid());
      return report;
    }
  }

  /**
   * Reads a CSV file as an import would and reports what it would store, storing nothing.
   *
   * @throws ValidationException on the same fatal problems as an import
   */
  public ImportReport checkCsv(Path file, ImportOptions options) {
    return readFile(file, in -> importer.run(in, options, null, progress -> {}));
  }

  private static ImportReport readFile(Path file, Function<InputStream, ImportReport> read) {
    try (InputStream in = Files.newInputStream(file)) {
      return read.apply(in);
    } catch (NoSuchFileException e) {
      throw ValidationException.of("file", "does not exist: " + file);
    } catch (IOException e) {
      throw ValidationException.of("file", "could not be read: " + e);
    }
  }

  private ImportOptions defaultOptions() {
    return ImportOptions.custom().defaultRegion(ctx.defaultRegion()).build();
  }

  private static Consumer<ImportProgress> guard(Consumer<ImportProgress> progress) {
    Objects.requireNonNull(progress, "progress");
    return p -> {
      try {
        progress.accept(p);
      } catch (RuntimeException e) {
        log.warn("Import progress callback threw; ignoring it", LogSafe.of(e));
      }
    };
  }

  private static String checkListName(String name) {
    Objects.requireNonNull(name, "name");
    if (name.isBlank()) {
      throw ValidationException.of("name", "must not be blank");
    }
    if (name.length() > MAX_LIST_NAME) {
      throw ValidationException.of("name", "must be at most 255 characters");
    }
    return Inputs.text(name.strip());
  }

  private static long parseCursor(String cursor) {
    if (cursor.isEmpty()) {
      return 0;
    }
    try {
      return Long.parseLong(cursor);
    } catch (NumberFormatException e) {
      throw ValidationException.of("cursor", "is not a cursor returned by a previous page");
    }
  }
}

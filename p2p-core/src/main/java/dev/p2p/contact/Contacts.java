package dev.p2p.contact;

import dev.p2p.NotFoundException;
import dev.p2p.Page;
import dev.p2p.ValidationException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The organization's contact lists and contacts. Obtained from {@code Organization.contacts()};
 * thread-safe.
 *
 * <pre>{@code
 * ImportReport report = org.contacts().importCsv("GOTV list", Path.of("voters.csv"),
 *     progress -> System.out.println(progress.rowsRead() + " rows"));
 * }</pre>
 */
public interface Contacts {
  /** The largest page {@link #page(long, String, int)} returns: {@value}. */
  int MAX_PAGE = Page.MAX_LIMIT;

  // ---- lists ----
  /**
   * Creates an empty list to add contacts to one by one.
   *
   * @throws ValidationException naming {@code name} if it is blank or too long
   */
  ContactList createList(String name);

  /** The list with this id, with its size. */
  Optional<ContactList> list(long listId);

  /** Every list of the organization, newest first. */
  List<ContactList> lists();

  /** Deletes a list and its contacts. Returns whether it existed. */
  boolean deleteList(long listId);

  // ---- contacts ----
  /**
   * Normalizes and adds one contact to a list.
   *
   * @throws ValidationException listing every problem with the contact, or naming {@code phone} if
   *     the list already holds that phone
   * @throws NotFoundException if the list does not exist
   */
  Contact add(long listId, NewContact contact);

  /** Removes a contact from its list. Returns whether it existed. */
  boolean remove(long contactId);

  /** The contact with this id. */
  Optional<Contact> find(long contactId);

  /**
   * The contact of a list with this phone, written in any format the default region reads.
   *
   * @throws ValidationException naming {@code phone} if it is not a phone number
   */
  Optional<Contact> findByPhone(long listId, String phone);

  /** Every contact of the organization with this phone, across lists. */
  List<Contact> findByPhone(String phone);

  /** The first page of a list's contacts, in the order they were added. */
  Page<Contact> page(long listId, int limit);

  /**
   * A page of a list's contacts, in the order they were added.
   *
   * @param cursor the {@link Page#next()} of the previous page, or empty for the first
   * @param limit 1 to {@value #MAX_PAGE}
   * @throws NotFoundException if the list does not exist
   */
  Page<Contact> page(long listId, String cursor, int limit);

  // ---- import ----
  /** Imports a CSV file into a new list with the default options, without progress reports. */
  ImportReport importCsv(String listName, Path file);

  /** Imports a CSV file into a new list with the default options. */
  ImportReport importCsv(String listName, Path file, Consumer<ImportProgress> progress);

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
  ImportReport importCsv(
      String listName, Path file, ImportOptions options, Consumer<ImportProgress> progress);

  /**
   * Imports CSV from a stream (not closed) into a new list; see {@link #importCsv(String, Path,
   * ImportOptions, Consumer)}.
   */
  ImportReport importCsv(
      String listName, InputStream csv, ImportOptions options, Consumer<ImportProgress> progress);

  /**
   * Reads a CSV file as an import would and reports what it would store, storing nothing.
   *
   * @throws ValidationException on the same fatal problems as an import
   */
  ImportReport checkCsv(Path file, ImportOptions options);
}

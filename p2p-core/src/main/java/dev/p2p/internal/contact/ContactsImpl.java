package dev.p2p.internal.contact;

import dev.p2p.NotFoundException;
import dev.p2p.Page;
import dev.p2p.ValidationException;
import dev.p2p.contact.Contact;
import dev.p2p.contact.ContactDetails;
import dev.p2p.contact.ContactList;
import dev.p2p.contact.Contacts;
import dev.p2p.contact.ImportOptions;
import dev.p2p.contact.ImportProgress;
import dev.p2p.contact.ImportReport;
import dev.p2p.contact.NewContact;
import dev.p2p.internal.Inputs;
import dev.p2p.internal.OrgContext;
import dev.p2p.internal.Paging;
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

/** Internal: the implementation of {@link Contacts}; obtain it from the facade. */
public final class ContactsImpl implements Contacts {
  private static final Logger log = LoggerFactory.getLogger(Contacts.class);
  private static final int MAX_LIST_NAME = 255;

  private final OrgContext ctx;
  private final ContactNormalizer normalizer;
  private final CsvContactImporter importer;

  /** Internal: obtain through {@code Organization.contacts()}. */
  public ContactsImpl(OrgContext ctx) {
    this.ctx = Objects.requireNonNull(ctx, "ctx");
    this.normalizer = new ContactNormalizer(ctx.defaultRegion());
    this.importer = new CsvContactImporter(normalizer);
  }

  @Override
  public ContactList createList(String name) {
    return ctx.store().createList(ctx.orgId(), checkListName(name), ctx.clock().instant());
  }

  @Override
  public Optional<ContactList> list(long listId) {
    return ctx.store().findList(ctx.orgId(), listId);
  }

  @Override
  public List<ContactList> lists() {
    return ctx.store().lists(ctx.orgId());
  }

  @Override
  public boolean deleteList(long listId) {
    return ctx.store().deleteList(ctx.orgId(), listId);
  }

  @Override
  public Contact add(long listId, NewContact contact) {
    ContactDetails details = normalizer.normalize(contact);
    return ctx.store().addContact(ctx.orgId(), listId, details);
  }

  @Override
  public boolean remove(long contactId) {
    return ctx.store().removeContact(ctx.orgId(), contactId);
  }

  @Override
  public Optional<Contact> find(long contactId) {
    return ctx.store().findContact(ctx.orgId(), contactId);
  }

  @Override
  public Optional<Contact> findByPhone(long listId, String phone) {
    return ctx.store().findContactByPhone(ctx.orgId(), listId, normalizer.phone(phone));
  }

  @Override
  public List<Contact> findByPhone(String phone) {
    return ctx.store().contactsByPhone(ctx.orgId(), normalizer.phone(phone));
  }

  @Override
  public Page<Contact> page(long listId, int limit) {
    return page(listId, "", limit);
  }

  @Override
  public Page<Contact> page(long listId, String cursor, int limit) {
    Paging.checkLimit(limit);
    long after = Paging.id(cursor, 0);
    List<Contact> items = ctx.store().contacts(ctx.orgId(), listId, after, limit + 1);
    if (items.isEmpty() && list(listId).isEmpty()) {
      throw new NotFoundException("contact list", listId);
    }
    return Paging.page(items, limit, c -> Paging.idCursor(c.id()));
  }

  @Override
  public ImportReport importCsv(String listName, Path file) {
    return importCsv(listName, file, progress -> {});
  }

  @Override
  public ImportReport importCsv(String listName, Path file, Consumer<ImportProgress> progress) {
    return importCsv(listName, file, defaultOptions(), progress);
  }

  @Override
  public ImportReport importCsv(
      String listName, Path file, ImportOptions options, Consumer<ImportProgress> progress) {
    return readFile(file, in -> importCsv(listName, in, options, progress));
  }

  @Override
  public ImportReport importCsv(
      String listName, InputStream csv, ImportOptions options, Consumer<ImportProgress> progress) {
    String name = checkListName(listName);
    try (ContactImport sink =
        new PipelinedImport(
            ctx.store().beginImport(ctx.orgId(), name, ctx.clock().instant()),
            ctx.texting().workers())) {
      ImportReport report = importer.run(csv, options, sink, guard(progress));
      sink.complete();
      ctx.texting()
          .telemetry()
          .imported(
              ctx.orgId(),
              report.rowsRead(),
              report.imported(),
              report.duplicates() + report.invalid());
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

  @Override
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
    return ImportOptions.builder().defaultRegion(ctx.defaultRegion()).build();
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
}

package dev.p2p.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.p2p.Organization;
import dev.p2p.P2P;
import dev.p2p.Page;
import dev.p2p.ValidationException;
import dev.p2p.Violation;
import dev.p2p.action.Action;
import dev.p2p.action.ActionDraft;
import dev.p2p.action.SenderSettings;
import dev.p2p.assign.Target;
import dev.p2p.contact.Contact;
import dev.p2p.contact.NewContact;
import dev.p2p.conversation.InboxFilter;
import dev.p2p.conversation.Message;
import dev.p2p.conversation.Texter;
import dev.p2p.optout.OptOut;
import dev.p2p.store.Store;
import dev.p2p.texter.TexterProfile;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import java.util.function.BiFunction;
import java.util.function.Function;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Every listing of the public API pages one way, on every store: the first page by limit, the next
 * by the previous page's cursor, nothing repeated or skipped, the last page without a cursor; a
 * limit outside 1 to {@link Page#MAX_LIMIT} is refused naming {@code limit}, a cursor no page
 * handed out naming {@code cursor}. A store runs it through a subclass that supplies a fresh store.
 */
public abstract class PagingContract {
  private static final String OUR_NUMBER = "+13125550100";
  private static final String CONTACT = "+13125550123";
  private static final Instant NOON = Instant.parse("2026-11-03T17:00:00Z");

  private final MutableClock clock = MutableClock.at(NOON);
  private final FakeGateway fake = FakeGateway.builder().clock(clock).build();
  private P2P p2p;
  private Organization org;

  /** A new, empty store for one test. */
  protected abstract Store createStore();

  @BeforeEach
  void start() {
    p2p = P2P.builder().store(createStore()).clock(clock).gateway("fake", fake).build();
    fake.connect(p2p.webhooks()::handle);
    org = p2p.organization("acme");
  }

  @AfterEach
  void stop() {
    p2p.close();
  }

  /** Reads every page of a listing of 5 items with limit 2: pages of 2, 2 and 1. */
  private static <T> List<T> readAll(
      Function<Integer, Page<T>> first, BiFunction<String, Integer, Page<T>> next) {
    List<T> all = new ArrayList<>();
    Page<T> page = first.apply(2);
    List<Integer> sizes = new ArrayList<>();
    while (true) {
      all.addAll(page.items());
      sizes.add(page.items().size());
      if (!page.hasNext()) {
        break;
      }
      page = next.apply(page.next().orElseThrow(), 2);
    }
    assertThat(sizes).containsExactly(2, 2, 1);
    return all;
  }

  private static void refuses(String field, ThrowingCallable call) {
    assertThatThrownBy(call)
        .isInstanceOfSatisfying(
            ValidationException.class,
            e -> assertThat(e.violations()).extracting(Violation::field).containsExactly(field));
  }

  /** Checks a listing's limit and cursor refusals. */
  private static void checksArguments(BiFunction<String, Integer, Page<?>> page) {
    refuses("limit", () -> page.apply("", 0));
    refuses("limit", () -> page.apply("", -1));
    refuses("limit", () -> page.apply("", Page.MAX_LIMIT + 1));
    assertThat(page.apply("", Page.MAX_LIMIT).items()).isNotNull();
    refuses("cursor", () -> page.apply(" ", 10));
    refuses("cursor", () -> page.apply("x ", 10));
  }

  /** Sends the contact its first message and has it write {@code replies} times. */
  private long conversationWithReplies(int replies) {
    org.texters().upsert(new TexterProfile("ana", "Ana", "Diaz"));
    long list = org.contacts().createList("voters").id();
    org.contacts().add(list, NewContact.builder(CONTACT).build());
    long action =
        org.actions()
            .create(
                ActionDraft.named("GOTV")
                    .contacts(list)
                    .initial("Hi, can we count on your vote?")
                    .sender(SenderSettings.numbers("fake", List.of(OUR_NUMBER))))
            .id();
    org.actions().publish(action);
    org.assignments().assign(action, Target.texter("ana"));
    Texter ana = org.texter("ana");
    ana.requestBatch(action);
    long conversationId = ana.nextToSend(action).orElseThrow().conversationId();
    ana.send(conversationId);
    for (int i = 1; i <= replies; i++) {
      clock.advance(java.time.Duration.ofSeconds(1));
      assertThat(fake.replyFrom(CONTACT, OUR_NUMBER, "reply " + i).status()).isBetween(200, 299);
    }
    return conversationId;
  }

  @Test
  @DisplayName("actions page newest first")
  void actions() {
    List<Long> ids = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      ids.add(0, org.actions().create(ActionDraft.named("Action " + i)).id());
    }
    assertThat(readAll(org.actions()::page, org.actions()::page))
        .extracting(Action::id)
        .containsExactlyElementsOf(ids);
    checksArguments(org.actions()::page);
    refuses("cursor", () -> org.actions().page("-3", 10));
    refuses("cursor", () -> org.actions().page("not a cursor", 10));
  }

  @Test
  @DisplayName("texters page by id")
  void texters() {
    for (String id : List.of("e", "c", "a", "d", "b")) {
      org.texters().upsert(new TexterProfile(id, "T" + id, "Smith"));
    }
    assertThat(readAll(org.texters()::page, org.texters()::page))
        .extracting(TexterProfile::id)
        .containsExactly("a", "b", "c", "d", "e");
    checksArguments(org.texters()::page);
  }

  @Test
  @DisplayName("opt-outs page by phone")
  void optOuts() {
    for (int n : List.of(5, 3, 1, 4, 2)) {
      org.optOuts().add("+1312555010" + n);
    }
    assertThat(readAll(org.optOuts()::page, org.optOuts()::page))
        .extracting(OptOut::phone)
        .containsExactly(
            "+13125550101", "+13125550102", "+13125550103", "+13125550104", "+13125550105");
    checksArguments(org.optOuts()::page);
    refuses("cursor", () -> org.optOuts().page("not a cursor", 10));
  }

  @Test
  @DisplayName("a list's contacts page in the order they were added")
  void contacts() {
    long list = org.contacts().createList("voters").id();
    List<Long> ids = new ArrayList<>();
    for (int n : List.of(5, 3, 1, 4, 2)) {
      ids.add(org.contacts().add(list, NewContact.builder("+1312555010" + n).build()).id());
    }
    assertThat(
            readAll(
                limit -> org.contacts().page(list, limit),
                (cursor, limit) -> org.contacts().page(list, cursor, limit)))
        .extracting(Contact::id)
        .containsExactlyElementsOf(ids);
    checksArguments((cursor, limit) -> org.contacts().page(list, cursor, limit));
  }

  @Test
  @DisplayName("a conversation's messages page oldest first")
  void messages() {
    long conversationId = conversationWithReplies(4);
    List<Message> all =
        readAll(
            limit -> org.conversations().messages(conversationId, limit),
            (cursor, limit) -> org.conversations().messages(conversationId, cursor, limit));
    assertThat(all)
        .extracting(Message::body)
        .containsExactly(
            "Hi, can we count on your vote?", "reply 1", "reply 2", "reply 3", "reply 4");
    assertThat(org.conversations().messages(conversationId + 1_000, 10).items()).isEmpty();
    checksArguments((cursor, limit) -> org.conversations().messages(conversationId, cursor, limit));
  }

  @Test
  @DisplayName("unrouted messages page oldest first")
  void unrouted() {
    conversationWithReplies(0);
    for (int i = 1; i <= 5; i++) {
      clock.advance(java.time.Duration.ofSeconds(1));
      fake.replyFrom("+1415555019" + i, OUR_NUMBER, "who is this? " + i);
    }
    assertThat(readAll(org.conversations()::unrouted, org.conversations()::unrouted))
        .extracting(Message::body)
        .containsExactly(
            "who is this? 1",
            "who is this? 2",
            "who is this? 3",
            "who is this? 4",
            "who is this? 5");
    assertThat(p2p.organization("globex").conversations().unrouted(10).items()).isEmpty();
    checksArguments(org.conversations()::unrouted);
    refuses("cursor", () -> org.conversations().unrouted("1.5", 10));
  }

  @Test
  @DisplayName("an inbox refuses limits and cursors as every listing does")
  void inbox() {
    conversationWithReplies(1);
    Texter ana = org.texter("ana");
    assertThat(ana.inbox().page(InboxFilter.NEEDS_ATTENTION, OptionalLong.empty(), "", 1).items())
        .hasSize(1);
    checksArguments(
        (cursor, limit) -> ana.inbox().page(InboxFilter.ALL, OptionalLong.empty(), cursor, limit));
  }
}

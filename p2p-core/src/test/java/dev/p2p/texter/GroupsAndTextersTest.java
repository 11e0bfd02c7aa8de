package dev.p2p.texter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.p2p.NotFoundException;
import dev.p2p.Organization;
import dev.p2p.P2P;
import dev.p2p.Page;
import dev.p2p.ValidationException;
import dev.p2p.Violation;
import dev.p2p.store.memory.InMemoryStore;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class GroupsAndTextersTest {
  private Organization org;

  @BeforeEach
  void setUp() {
    org = P2P.builder().store(InMemoryStore.create()).build().organization("acme");
  }

  @Test
  @DisplayName("a texter with a blank id and an overlong name is refused naming both fields")
  void badTexterListsEveryViolation() {
    assertThatThrownBy(() -> org.texters().upsert(new TexterProfile(" ", "x".repeat(300), "")))
        .isInstanceOfSatisfying(
            ValidationException.class,
            e ->
                assertThat(e.violations())
                    .extracting(Violation::field)
                    .containsExactlyInAnyOrder("id", "firstName"));
    assertThat(org.texters().page(10).items()).isEmpty();
  }

  @Test
  void textersArePagedWithACursor() {
    for (String id : List.of("d", "b", "a", "c", "e")) {
      org.texters().upsert(new TexterProfile(id, id, ""));
    }
    Page<TexterProfile> first = org.texters().page(2);
    assertThat(first.items()).extracting(TexterProfile::id).containsExactly("a", "b");
    Page<TexterProfile> second = org.texters().page(first.next().orElseThrow(), 2);
    assertThat(second.items()).extracting(TexterProfile::id).containsExactly("c", "d");
    Page<TexterProfile> last = org.texters().page(second.next().orElseThrow(), 2);
    assertThat(last.items()).extracting(TexterProfile::id).containsExactly("e");
    assertThat(last.hasNext()).isFalse();
  }

  @Test
  void pageLimitIsChecked() {
    assertThatThrownBy(() -> org.texters().page(0))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("limit");
  }

  @Test
  void teamsHoldTexters() {
    org.texters().upsert(new TexterProfile("ana", "Ana", ""));
    org.texters().upsert(new TexterProfile("ben", "Ben", ""));
    Group team = org.teams().upsert("vols", "Volunteers");
    assertThat(team).isEqualTo(new Group(GroupKind.TEAM, "vols", "Volunteers", 0));
    org.teams().addMembers("vols", List.of("ana", "ben"));
    assertThat(org.teams().members("vols")).containsExactly("ana", "ben");
    assertThat(org.userLists().all()).isEmpty();
  }

  @Test
  void aGroupNeedsAnIdAndAName() {
    assertThatThrownBy(() -> org.userLists().upsert("", " "))
        .isInstanceOfSatisfying(
            ValidationException.class,
            e ->
                assertThat(e.violations())
                    .extracting(Violation::field)
                    .containsExactly("groupId", "name"));
  }

  @Test
  void membersOfAnUnknownGroupIsNotFound() {
    assertThatThrownBy(() -> org.teams().members("nope"))
        .isInstanceOf(NotFoundException.class)
        .hasMessageContaining("team nope");
  }
}

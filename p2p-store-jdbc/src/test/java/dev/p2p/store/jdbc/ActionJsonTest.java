package dev.p2p.store.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.p2p.P2PException;
import dev.p2p.action.Question;
import dev.p2p.conversation.FiledReport;
import dev.p2p.script.InitialMessage;
import dev.p2p.script.ReplyScript;
import dev.p2p.script.ScriptTree;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The stored form of a script tree: flat with levels, and the nested form written before. */
class ActionJsonTest {
  private static final ScriptTree TREE =
      new ScriptTree(
          List.of(new InitialMessage("Hi!", 2)),
          List.of(
              new ReplyScript(
                  "Yes",
                  "Great",
                  List.of("supporter"),
                  Map.of("age", "42"),
                  List.of(ReplyScript.of("Where", "City Hall"), ReplyScript.of("When", "9am"))),
              ReplyScript.of("No", "Thanks")));

  @Test
  @DisplayName("a tree is written flat, each reply with its level, and read back the same")
  void roundTrip() {
    String json = ActionJson.script(TREE);

    assertThat(json).contains("\"replyTree\"").doesNotContain("followUps");
    assertThat(ActionJson.script(json)).isEqualTo(TREE);
  }

  @Test
  @DisplayName("a tree stored in the nested form of earlier versions reads the same")
  void nestedFormReads() {
    String nested =
        "{\"initials\":[{\"body\":\"Hi!\",\"weight\":2}],\"replies\":["
            + "{\"label\":\"Yes\",\"body\":\"Great\",\"tags\":[\"supporter\"],\"fields\":{\"age\":\"42\"},"
            + "\"followUps\":[{\"label\":\"Where\",\"body\":\"City Hall\",\"tags\":[],\"fields\":{},"
            + "\"followUps\":[]},{\"label\":\"When\",\"body\":\"9am\",\"tags\":[],\"fields\":{},"
            + "\"followUps\":[]}]},"
            + "{\"label\":\"No\",\"body\":\"Thanks\",\"tags\":[],\"fields\":{},\"followUps\":[]}]}";

    assertThat(ActionJson.script(nested)).isEqualTo(TREE);
  }

  @Test
  @DisplayName("a flat tree whose levels skip one is refused as not valid")
  void aSkippedLevelIsRefused() {
    String broken =
        "{\"initials\":[],\"replyTree\":[{\"level\":1,\"label\":\"A\",\"body\":\"a\"},"
            + "{\"level\":3,\"label\":\"B\",\"body\":\"b\"}]}";

    assertThatThrownBy(() -> ActionJson.script(broken))
        .isInstanceOf(P2PException.class)
        .hasMessageContaining("reply tree in the database is not valid");
  }

  @Test
  @DisplayName("the number of initial messages is read from either form, without the replies")
  void initialCount() {
    assertThat(ActionJson.initialCount(ActionJson.script(TREE))).isEqualTo(1);
    assertThat(
            ActionJson.initialCount(
                "{\"initials\":[{\"body\":\"a\",\"weight\":1},{}],\"replies\":[]}"))
        .isEqualTo(2);
    assertThat(ActionJson.initialCount("{\"replyTree\":[]}")).isZero();
  }

  @Test
  @DisplayName("a report's questions are written with their ids and read back the same")
  void questionsRoundTrip() {
    List<Question> report =
        List.of(
            Question.tags("Will they vote?", "yes", "no").withId("will-vote"),
            Question.field("Polling place?", "pollingPlace"));

    assertThat(ActionJson.report(ActionJson.report(report))).isEqualTo(report);
  }

  @Test
  @DisplayName("questions stored before ids existed read back with their prompt as id")
  void questionsWithoutIdsRead() {
    String old =
        "[{\"prompt\":\"Will they vote?\",\"kind\":\"tags\",\"multiple\":false,"
            + "\"tags\":[\"yes\",\"no\"]},"
            + "{\"prompt\":\"Polling place?\",\"kind\":\"field\",\"field\":\"pollingPlace\"}]";

    assertThat(ActionJson.report(old))
        .extracting(Question::id)
        .containsExactly("Will they vote?", "Polling place?");
  }

  @Test
  @DisplayName("a filed report is written by question id; one stored by prompt reads the same")
  void filedReportsByIdAndByPrompt() {
    FiledReport report =
        new FiledReport(
            Map.of("will-vote", List.of("yes")), "ana", Instant.parse("2026-11-03T15:00:00Z"));
    String old =
        "{\"texterId\":\"ana\",\"filedAt\":\"2026-11-03T15:00:00Z\",\"answers\":"
            + "[{\"prompt\":\"will-vote\",\"values\":[\"yes\"]}]}";

    assertThat(ReportJson.read(ReportJson.write(report))).isEqualTo(report);
    assertThat(ReportJson.write(report)).contains("\"id\":\"will-vote\"");
    assertThat(ReportJson.read(old)).isEqualTo(report);
  }
}

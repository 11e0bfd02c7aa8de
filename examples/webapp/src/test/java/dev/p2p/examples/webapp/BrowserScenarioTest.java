package dev.p2p.examples.webapp;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The scenario in headless Chromium, two browsers side by side: the admin uploads a list,
 * creates and publishes an action (its problems shown next to their fields first); Ana sends three
 * messages; a simulated reply shows under Needs Attention without a reload; Ana answers with a
 * script and files the report; the admin's live report counts it all. Screenshots of both screens
 * go to {@code target/screenshots/}.
 */
@ExtendWith(OutputCaptureExtension.class)
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {
      "p2p.store.type=memory",
      "p2p.example.clock=noon-new-york",
      "p2p.example.reply-delay=600ms"
    })
class BrowserScenarioTest {
  private static final Path SCREENSHOTS = Path.of("target", "screenshots");

  @LocalServerPort int port;
  @TempDir Path dir;

  private Browser admin;
  private Browser ana;

  @BeforeEach
  void browsers() {
    Browser.assumeInstalled();
    admin = Browser.open(port);
    ana = Browser.open(port);
  }

  @AfterEach
  void closeBrowsers() {
    if (admin != null) {
      admin.close();
    }
    if (ana != null) {
      ana.close();
    }
  }

  @Test
  void anActionFromListUploadToReport(CapturedOutput logs) throws IOException {
    adminPublishesAnAction();
    anaSendsThreeAndAnswersAReply();
    adminSeesItAllInTheReport();
    // No phone and no message text in any log line of the whole run.
    assertThat(logs.getAll())
        .doesNotContain("+1312555010", "3125550101", "(312) 555", "Will you vote", "Who is this");
  }

  private void adminPublishesAnAction() throws IOException {
    admin.go("index.html");
    admin.waitForText("#example-notice", "This is an example");
    admin.click("#signin-admin");
    admin.waitShown("#action-form");

    // Publishing too early: each problem shows next to its field.
    admin.type("#action-name", "GOTV Day");
    admin.type(".initial", "Hi {nickname}!");
    admin.click("#publish");
    admin.waitForText("[data-field='contacts']", "must name a contact list");
    admin.waitForText("[data-field='script.initial[0]'] .problem", "nickname");

    Path csv = Files.writeString(dir.resolve("voters.csv"), Campaigns.CSV);
    admin.type("#list-name", "Chicago voters");
    admin.find("#list-file").sendKeys(csv.toAbsolutePath().toString());
    admin.click("#upload");
    admin.waitForText("#upload-status", "Done: 5 rows read, 5 imported");

    admin.type(".initial", "Hi {firstName}, it's {texterFirstName}. Will you vote Tuesday?");
    admin.click("#add-reply");
    admin.type(".reply-label", "Yes");
    admin.type(".reply-tags", "supporter");
    admin.type(".reply-body", "Great! Polls are open 7am to 8pm.");
    admin.click("#add-question");
    admin.type(".question-prompt", "Will they vote?");
    admin.type(".question-tags", "supporter, undecided");
    admin.waitForText("#estimate", "5 contacts · 5 segments");
    admin.waitForText(".variant-cost", "1.0 segments each");
    admin.click("#publish");
    admin.waitShown("#published");
    assertThat(admin.find("[data-field='contacts']").getText()).isEmpty();

    admin.select("#team", ExampleOrganization.TEAM);
    admin.click("#assign");
    admin.waitShown("#assigned");
  }

  private void anaSendsThreeAndAnswersAReply() {
    ana.go("index.html");
    ana.click("#signin-ana");
    ana.waitForText("#actions", "GOTV Day");
    ana.click("#simulate");
    ana.click(".request-batch");
    ana.waitForText("#next-body", "it's Ana. Will you vote Tuesday?");
    ana.waitForText("#next-segments", "1");
    for (int sent = 1; sent <= 3; sent++) {
      ana.click("#send-next");
      ana.waitForText("#sent-count", String.valueOf(sent));
    }

    // The simulated contacts answer; the inbox shows them without a reload.
    ana.until(d -> Integer.parseInt(d.findElement(By.id("count-needs")).getText()) >= 1);
    ana.click("#inbox-list li.conversation");
    ana.waitShown("#conversation");
    ana.until(d -> d.findElement(By.cssSelector("#thread .msg.INBOUND")));
    ana.screenshot(SCREENSHOTS.resolve("texter-conversation.png"));

    ana.click("#scripts [data-path='Yes']");
    ana.until(d -> d.findElements(By.cssSelector("#thread .msg.OUTBOUND")).size() == 2);
    ana.waitForText("#tags", "supporter");
    ana.until(d -> d.findElement(By.cssSelector("#tags input[data-tag='supporter']")).isSelected());
    ana.select("#report select", "supporter");
    ana.click("#file-report");
    ana.waitShown("#report-filed");
    ana.screenshot(SCREENSHOTS.resolve("texter.png"));
  }

  private void adminSeesItAllInTheReport() {
    admin.waitForText("#report-totals", "Messaged 3");
    admin.waitForText("#report-totals", "Replied");
    admin.waitForText("#report", "supporter 1");
    admin.waitForText("#report", "Will they vote? (1 answered)");
    admin.waitForText("#report", "ana 4");
    admin.screenshot(SCREENSHOTS.resolve("admin.png"));
  }
}

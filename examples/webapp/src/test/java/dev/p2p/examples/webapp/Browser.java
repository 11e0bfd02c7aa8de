package dev.p2p.examples.webapp;

import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.function.Function;
import org.openqa.selenium.By;
import org.openqa.selenium.NoSuchElementException;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * One headless Chromium, the system's own ({@code /usr/bin/chromium} and {@code
 * /usr/bin/chromedriver}, Debian's {@code chromium} and {@code chromium-driver}): nothing is
 * downloaded. Without them the browser tests are skipped, unless {@code
 * -Dp2p.browser.required=true} (as CI sets it) makes that a failure.
 */
final class Browser implements AutoCloseable {
  static final Path CHROMIUM = Path.of("/usr/bin/chromium");
  static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
  static final Duration WAIT = Duration.ofSeconds(20);

  private final WebDriver driver;
  private final Path profile;
  private final String base;

  private Browser(WebDriver driver, Path profile, String base) {
    this.driver = driver;
    this.profile = profile;
    this.base = base;
  }

  /** Skips the calling test when there is no browser here, or fails it when one is required. */
  static void assumeInstalled() {
    boolean installed = Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER);
    if (!installed && Boolean.getBoolean("p2p.browser.required")) {
      fail("p2p.browser.required is set but " + CHROMIUM + " or " + CHROMEDRIVER + " is missing");
    }
    assumeTrue(installed, "no " + CHROMIUM + " and " + CHROMEDRIVER + ": browser tests skipped");
  }

  static Browser open(int port) {
    try {
      Path profile = Files.createTempDirectory("p2p-chromium-");
      ChromeOptions options = new ChromeOptions();
      options.setBinary(CHROMIUM.toFile());
      options.addArguments(
          "--headless",
          "--no-sandbox",
          "--disable-gpu",
          "--disable-dev-shm-usage",
          "--disable-quic",
          "--no-first-run",
          "--disable-background-networking",
          "--disable-component-update",
          "--disable-sync",
          "--window-size=1400,1500",
          "--user-data-dir=" + profile);
      ChromeDriverService service =
          new ChromeDriverService.Builder()
              .usingDriverExecutable(CHROMEDRIVER.toFile())
              .usingAnyFreePort()
              .build();
      return new Browser(new ChromeDriver(service, options), profile, "http://localhost:" + port);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  void go(String page) {
    driver.get(base + "/" + page);
  }

  WebElement find(String css) {
    return until(d -> d.findElement(By.cssSelector(css)));
  }

  /** Clicks the element once it is shown and enabled, finding it again if the page redrew it. */
  void click(String css) {
    until(
        d -> {
          WebElement e = d.findElement(By.cssSelector(css));
          if (!e.isDisplayed() || !e.isEnabled()) {
            return null;
          }
          e.click();
          return true;
        });
  }

  /** Replaces the text of an input or text area. */
  void type(String css, String text) {
    until(
        d -> {
          WebElement e = d.findElement(By.cssSelector(css));
          e.clear();
          e.sendKeys(text);
          return true;
        });
  }

  /** Picks an option of a select by its value. */
  void select(String css, String value) {
    until(
        d -> {
          new Select(d.findElement(By.cssSelector(css))).selectByValue(value);
          return true;
        });
  }

  /** Waits until the element's text contains the given text. */
  void waitForText(String css, String text) {
    until(d -> d.findElement(By.cssSelector(css)).getText().contains(text) ? true : null);
  }

  /** Waits until the element is shown. */
  void waitShown(String css) {
    until(d -> d.findElement(By.cssSelector(css)).isDisplayed() ? true : null);
  }

  <T> T until(Function<WebDriver, T> condition) {
    return new WebDriverWait(driver, WAIT)
        .ignoring(NoSuchElementException.class)
        .ignoring(StaleElementReferenceException.class)
        .until(condition::apply);
  }

  WebDriver driver() {
    return driver;
  }

  /** Saves a PNG of the page as the browser shows it now, scrolled to the top. */
  void screenshot(Path file) {
    ((ChromeDriver) driver).executeScript("window.scrollTo(0, 0)");
    try {
      Files.createDirectories(file.getParent());
      File png = ((ChromeDriver) driver).getScreenshotAs(OutputType.FILE);
      Files.copy(png.toPath(), file, StandardCopyOption.REPLACE_EXISTING);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public void close() {
    driver.quit();
    try (var files = Files.walk(profile)) {
      files.sorted(java.util.Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}

package dev.escrow.it.support;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A real browser for page tests: headless Chromium driven by its ChromeDriver, with a fresh
 * profile; every {@link #screenshot} is kept under {@code screenshots.dir}. The binaries are {@code
 * -Dchromium.binary} and {@code -Dchromedriver.binary} when given, else {@code chromium} and {@code
 * chromedriver} on the PATH, else Debian's {@code /usr/bin/chromium} and {@code
 * /usr/bin/chromedriver} (the build checks the same before the integration tests start).
 */
public final class Browser implements AutoCloseable {

  private final ChromeDriverService service;
  private final WebDriver driver;
  private final WebDriverWait wait;
  private final Path profile;
  private final String prefix;
  private int shot;

  public Browser(String prefix) throws IOException {
    this.prefix = prefix;
    profile = Files.createTempDirectory("chromium-" + prefix);
    service =
        new ChromeDriverService.Builder()
            .usingDriverExecutable(
                binary("chromedriver.binary", "chromedriver", "/usr/bin/chromedriver").toFile())
            .usingAnyFreePort()
            .build();
    ChromeOptions options = new ChromeOptions();
    options.setBinary(binary("chromium.binary", "chromium", "/usr/bin/chromium").toFile());
    options.addArguments(
        "--headless=new",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-dev-shm-usage",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
        "--window-size=1280,1000",
        "--lang=ru",
        "--user-data-dir=" + profile);
    driver = new ChromeDriver(service, options);
    // Pages under a loaded machine: wait for the condition, as long as a queued payment may take.
    wait = new WebDriverWait(driver, Market.PATIENCE);
  }

  /** The given path, else the first executable of that name on the PATH, else Debian's path. */
  static Path binary(String property, String name, String debian) {
    String given = System.getProperty(property, "").strip();
    Path found = null;
    if (!given.isEmpty()) {
      found = Path.of(given);
    } else {
      for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
        Path candidate = Path.of(dir.isEmpty() ? "." : dir, name);
        if (Files.isExecutable(candidate)) {
          found = candidate;
          break;
        }
      }
    }
    if (found == null) {
      found = Path.of(debian);
    }
    if (!Files.isExecutable(found)) {
      throw new IllegalStateException(
          "The page tests need "
              + name
              + ", not found at "
              + found
              + ": install it (Debian/Ubuntu: apt-get install chromium chromium-driver) or give its"
              + " path with -D"
              + property
              + "=...");
    }
    return found;
  }

  public WebDriver driver() {
    return driver;
  }

  public void open(String path) {
    driver.get(Api.baseUrl() + path);
  }

  public void signIn(String securedPath, String login, String password) {
    open(securedPath);
    wait.until(ExpectedConditions.presenceOfElementLocated(By.id("j_username")));
    driver.findElement(By.id("j_username")).sendKeys(login);
    driver.findElement(By.id("j_password")).sendKeys(password);
    driver.findElement(By.id("loginButton")).click();
    wait.until(ExpectedConditions.presenceOfElementLocated(By.id("logout:out")));
  }

  public void type(String id, String text) {
    WebElement input = wait.until(ExpectedConditions.elementToBeClickable(By.id(id)));
    input.clear();
    input.sendKeys(text);
  }

  /** Clicks, trying again when an ajax update replaced the element meanwhile. */
  public void click(String id) {
    for (int attempt = 1; ; attempt++) {
      try {
        wait.until(ExpectedConditions.elementToBeClickable(By.id(id))).click();
        return;
      } catch (org.openqa.selenium.StaleElementReferenceException replaced) {
        if (attempt == 5) {
          throw replaced;
        }
      }
    }
  }

  /** An element's text, read again when an ajax update (a poll) replaced it meanwhile. */
  public String text(String id) {
    for (int attempt = 1; ; attempt++) {
      try {
        return wait.until(ExpectedConditions.presenceOfElementLocated(By.id(id))).getText();
      } catch (org.openqa.selenium.StaleElementReferenceException replaced) {
        if (attempt == 5) {
          throw replaced;
        }
      }
    }
  }

  public void waitForText(String text) {
    wait.until(d -> d.getPageSource().contains(text));
  }

  public void waitForText(String id, String text) {
    wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id(id), text));
  }

  /** The value of an input. */
  public String value(String id) {
    return wait.until(ExpectedConditions.presenceOfElementLocated(By.id(id)))
        .getDomProperty("value");
  }

  /** Waits until an input holds this value (an ajax update may still be on its way). */
  public void waitForValue(String id, String value) {
    wait.until(ExpectedConditions.attributeToBe(By.id(id), "value", value));
  }

  /** Waits until no element has this id (an ajax update removed it). */
  public void waitForAbsence(String id) {
    wait.until(d -> d.findElements(By.id(id)).isEmpty());
  }

  public boolean present(String id) {
    return !driver.findElements(By.id(id)).isEmpty();
  }

  /** Switches the page language with the header's RU | EN links. */
  public void language(String language) {
    click("lang:" + language);
    wait.until(
        d ->
            language.equals(
                ((org.openqa.selenium.JavascriptExecutor) d)
                    .executeScript("return document.documentElement.lang")));
  }

  /** The page's width beyond the window (0 when nothing scrolls sideways). */
  public long sidewaysOverflow() {
    Object overflow =
        ((org.openqa.selenium.JavascriptExecutor) driver)
            .executeScript("return document.documentElement.scrollWidth - window.innerWidth;");
    return ((Number) overflow).longValue();
  }

  /** Resizes the window (a phone: 390 x 844). */
  public void size(int width, int height) {
    driver.manage().window().setSize(new org.openqa.selenium.Dimension(width, height));
    wait.until(
        d ->
            ((Number)
                        ((org.openqa.selenium.JavascriptExecutor) d)
                            .executeScript("return window.innerWidth"))
                    .intValue()
                <= width);
  }

  /** The page at 1280 px and at 390 px wide, then back to 1280. */
  public void screenshots(String name) {
    screenshot(name + "-1280");
    size(390, 844);
    screenshot(name + "-390");
    size(1280, 1000);
  }

  public void screenshot(String name) {
    try {
      Path dir = Path.of(System.getProperty("screenshots.dir", "target/screenshots"));
      Files.createDirectories(dir);
      File png = ((TakesScreenshot) driver).getScreenshotAs(OutputType.FILE);
      Files.copy(
          png.toPath(),
          dir.resolve(String.format("%s-%02d-%s.png", prefix, ++shot, name)),
          StandardCopyOption.REPLACE_EXISTING);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  @Override
  public void close() throws IOException {
    driver.quit();
    service.stop();
    try (var files = Files.walk(profile)) {
      files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    }
  }
}

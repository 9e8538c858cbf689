/* SPDX-License-Identifier: GPL-3.0-or-later */
package org.vigil.browser;

import static java.util.Objects.requireNonNull;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A headless Debian chromium driven through Debian's chromedriver, pointed at a {@link UiServer}.
 * Every page it opens, and every state a test asks for, is saved as a full-page PNG under the
 * screenshot folder, named after the test class, the test and the step.
 */
public final class Browser implements AutoCloseable {
  static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
  static final Path CHROMIUM = Path.of("/usr/bin/chromium");
  private static final Duration WAIT = Duration.ofSeconds(20);
  // A page taller than this is cut in the screenshot; chromium refuses much larger captures.
  private static final int MAX_SHOT_HEIGHT = 12_000;

  private final ChromeDriver driver;
  private final String base;
  private final Path shots;
  private final String prefix;
  private final Path downloads;
  private final Path profile;
  private int step;

  private Browser(
      ChromeDriver driver, String base, Path shots, String prefix, Path downloads, Path profile) {
    this.driver = driver;
    this.base = base;
    this.shots = shots;
    this.prefix = prefix;
    this.downloads = downloads;
    this.profile = profile;
  }

  static Browser open(String base, Path shots, String prefix) {
    return open(base, shots, prefix, true, false);
  }

  /**
   * A browser with JavaScript on or off (Chromium's content setting, as a person who turned it off
   * has it), and, with {@code requestLog}, the DevTools performance log that {@link #requests}
   * reads.
   */
  static Browser open(
      String base, Path shots, String prefix, boolean javascript, boolean requestLog) {
    if (!Files.isExecutable(CHROMEDRIVER) || !Files.isExecutable(CHROMIUM)) {
      throw new IllegalStateException(
          "the browser tests need Debian's chromium and chromium-driver ("
              + CHROMIUM
              + ", "
              + CHROMEDRIVER
              + "): apt-get install -y chromium chromium-driver");
    }
    Path downloads;
    Path profile;
    try {
      downloads = Files.createTempDirectory("vigil-downloads");
      profile = Files.createTempDirectory("vigil-chromium");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    ChromeOptions options = new ChromeOptions();
    // The system browser, never one fetched by Selenium Manager.
    options.setBinary(CHROMIUM.toFile());
    options.addArguments(
        "--headless=new",
        "--no-sandbox",
        "--disable-dev-shm-usage",
        "--disable-gpu",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-default-apps",
        "--disable-sync",
        "--window-size=1280,900",
        "--lang=en-GB",
        "--user-data-dir=" + profile);
    Map<String, Object> prefs = new LinkedHashMap<>();
    prefs.put("download.default_directory", downloads.toString());
    prefs.put("download.prompt_for_download", false);
    if (!javascript) {
      prefs.put("profile.managed_default_content_settings.javascript", 2);
    }
    options.setExperimentalOption("prefs", prefs);
    // The console, to tell a page that broke the Content-Security-Policy.
    options.setCapability(
        "goog:loggingPrefs",
        requestLog
            ? Map.of(LogType.BROWSER, "ALL", LogType.PERFORMANCE, "ALL")
            : Map.of(LogType.BROWSER, "ALL"));
    ChromeDriverService service =
        new ChromeDriverService.Builder()
            .usingDriverExecutable(CHROMEDRIVER.toFile())
            .usingAnyFreePort()
            .build();
    ChromeDriver driver = new ChromeDriver(service, options);
    driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(60));
    return new Browser(driver, base, shots, prefix, downloads, profile);
  }

  /** Opens {@code path} (e.g. "/documents/x") on the server and saves a screenshot of it. */
  public Browser open(String path) {
    driver.get(base + path);
    return shot(path.equals("/") ? "home" : path);
  }

  /**
   * Signs {@code username} in through the sign-in page with the test password, and waits until the
   * browser has left it.
   */
  public Browser signIn(String username) {
    open("/login");
    find("input[name=username]").sendKeys(username);
    find("input[name=password]").sendKeys(UiServer.PASSWORD);
    shot("sign-in form");
    find("form.signin button[type=submit]").click();
    new WebDriverWait(driver, WAIT).until(d -> !d.getCurrentUrl().contains("/login"));
    return shot("signed in");
  }

  /** The one element that {@code css} selects; waits for it to appear. */
  public WebElement find(String css) {
    return new WebDriverWait(driver, WAIT)
        .until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(css)));
  }

  /** Every element that {@code css} selects now (possibly none). */
  public List<WebElement> all(String css) {
    return driver.findElements(By.cssSelector(css));
  }

  /** Waits until {@code css} selects an element whose text contains {@code text}. */
  public WebElement waitForText(String css, String text) {
    By by = By.cssSelector(css);
    // A page that posts a form and reloads replaces its nodes while the wait reads them: Chromium
    // then answers that the node "does not belong to the document". Read again until it holds.
    return new WebDriverWait(driver, WAIT)
        .ignoring(WebDriverException.class)
        .until(
            d ->
                d.findElements(by).stream()
                    .filter(e -> e.getText().contains(text))
                    .findFirst()
                    .orElse(null));
  }

  /** Waits until the browser is on a page whose path starts with {@code prefix}. */
  public Browser waitForPath(String prefix) {
    new WebDriverWait(driver, WAIT).until(d -> path().startsWith(prefix));
    new WebDriverWait(driver, WAIT)
        .until(d -> "complete".equals(driver.executeScript("return document.readyState")));
    return this;
  }

  /** The page's visible text. */
  public String text() {
    return driver.findElement(By.tagName("body")).getText();
  }

  /** The page's HTML as the browser holds it now. */
  public String source() {
    return driver.getPageSource();
  }

  /** The path and query the browser is on, without the server's address. */
  public String path() {
    String url = driver.getCurrentUrl();
    return url.startsWith(base) ? url.substring(base.length()) : url;
  }

  /** Where the browser saves downloads. */
  public Path downloads() {
    return downloads;
  }

  /** A file to hand to an {@code <input type=file>}: a real path on this machine. */
  public static String fileInput(Path file) {
    return file.toAbsolutePath().toString();
  }

  /** Resizes the window to {@code width} by {@code height} CSS pixels, as a smaller screen. */
  public Browser resize(int width, int height) {
    driver.manage().window().setSize(new Dimension(width, height));
    return this;
  }

  /**
   * The console messages logged since the last call (the browser hands each over once), such as a
   * script error or a refusal by the Content-Security-Policy.
   */
  public List<String> console() {
    return driver.manage().logs().get(LogType.BROWSER).getAll().stream()
        .map(entry -> entry.getLevel() + " " + entry.getMessage())
        .toList();
  }

  /**
   * Every URL the browser asked for since the last call, from its own DevTools network log (only
   * for a browser opened with the request log).
   */
  public List<String> requests() {
    java.util.regex.Pattern url = java.util.regex.Pattern.compile("\"url\":\"([^\"]+)\"");
    List<String> urls = new java.util.ArrayList<>();
    for (var entry : driver.manage().logs().get(LogType.PERFORMANCE).getAll()) {
      String m = entry.getMessage();
      if (m.contains("\"Network.requestWillBeSent\"")) {
        int request = m.indexOf("\"request\":");
        java.util.regex.Matcher found = url.matcher(m);
        if (request >= 0 && found.find(request)) {
          urls.add(found.group(1));
        }
      }
    }
    return urls;
  }

  /** The driver itself, for what this class does not offer. */
  public ChromeDriver driver() {
    return driver;
  }

  /**
   * Saves a full-page PNG of what the browser shows now, as {@code <test>-NN-<label>.png}.
   *
   * @return this browser
   */
  public Browser shot(String label) {
    step++;
    String slug =
        label.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-|-$", "");
    slug = slug.length() > 60 ? slug.substring(0, 60) : slug;
    Path file =
        shots.resolve(
            String.format(
                Locale.ROOT, "%s-%02d-%s.png", prefix, step, slug.isEmpty() ? "page" : slug));
    try {
      Files.createDirectories(shots);
      Files.write(file, fullPage());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot save the screenshot " + file, e);
    }
    return this;
  }

  /** Chromium's own capture beyond the viewport: the whole page, however long. */
  @SuppressWarnings("unchecked")
  private byte[] fullPage() {
    Map<String, Object> metrics = driver.executeCdpCommand("Page.getLayoutMetrics", Map.of());
    Map<String, Object> size = (Map<String, Object>) metrics.get("cssContentSize");
    double width = Math.max(1, ((Number) size.get("width")).doubleValue());
    double height =
        Math.min(MAX_SHOT_HEIGHT, Math.max(1, ((Number) size.get("height")).doubleValue()));
    Map<String, Object> clip = new LinkedHashMap<>();
    clip.put("x", 0);
    clip.put("y", 0);
    clip.put("width", width);
    clip.put("height", height);
    clip.put("scale", 1);
    Map<String, Object> params = new LinkedHashMap<>();
    params.put("format", "png");
    params.put("captureBeyondViewport", true);
    params.put("clip", clip);
    Map<String, Object> shot = driver.executeCdpCommand("Page.captureScreenshot", params);
    return Base64.getDecoder().decode((String) requireNonNull(shot.get("data"), "screenshot data"));
  }

  @Override
  public void close() {
    try {
      driver.quit();
    } finally {
      delete(downloads.toFile());
      delete(profile.toFile());
    }
  }

  private static void delete(File file) {
    File[] children = file.listFiles();
    if (children != null) {
      for (File child : children) {
        delete(child);
      }
    }
    file.delete();
  }
}

package org.fieldguide.browser;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Stream;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * The system's headless Chromium (Debian's {@code chromium} and {@code chromium-driver}), driven by
 * Selenium through the {@code chromedriver} found at a fixed path: Selenium Manager is never asked
 * to find or download a driver or a browser, and the browser is started with every flag that keeps
 * it from contacting outside hosts on its own.
 */
public final class Chromium implements AutoCloseable {
  /** The browser; {@code -Dfieldguide.chromium=PATH} overrides it. */
  public static final Path BINARY =
      Path.of(System.getProperty("fieldguide.chromium", "/usr/bin/chromium"));

  /** The matching driver; {@code -Dfieldguide.chromedriver=PATH} overrides it. */
  public static final Path DRIVER =
      Path.of(System.getProperty("fieldguide.chromedriver", "/usr/bin/chromedriver"));

  /**
   * Selenium's loggers, held so that their levels stay set: its DevTools support warns that it has
   * no classes for this browser's protocol version, which these tests do not use (they send raw
   * DevTools commands through chromedriver, which work with any version).
   */
  private static final List<Logger> QUIET =
      List.of(
          Logger.getLogger("org.openqa.selenium"),
          Logger.getLogger("org.openqa.selenium.devtools"));

  private final ChromeDriver driver;
  private final Path profile;

  private Chromium(ChromeDriver driver, Path profile) {
    this.driver = driver;
    this.profile = profile;
  }

  /**
   * Null when Chromium and its driver are installed; otherwise a message saying what is missing and
   * how to install it, for the caller to skip its tests with. Under {@code CI=true} a missing
   * browser fails instead, so CI never passes without having run the browser tests.
   */
  public static String whyUnavailable() {
    List<String> missing = new ArrayList<>();
    if (!Files.isExecutable(BINARY)) {
      missing.add("Chromium (" + BINARY + ")");
    }
    if (!Files.isExecutable(DRIVER)) {
      missing.add("chromedriver (" + DRIVER + ")");
    }
    if (missing.isEmpty()) {
      return null;
    }
    String message =
        "the browser tests need "
            + String.join(" and ", missing)
            + "; install them with 'apt-get install chromium chromium-driver'";
    if ("true".equals(System.getenv("CI"))) {
      fail(message + " (CI=true, so a missing browser fails the run)");
    }
    return "skipped: " + message + " (under CI=true this fails instead)";
  }

  /**
   * Starts one headless browser with a fresh profile, a desktop-sized window, the browser console
   * and network events recorded (read them with {@link #driver()}'s logs), and scripts enabled.
   */
  public static Chromium start() {
    QUIET.forEach(logger -> logger.setLevel(Level.SEVERE));
    System.setProperty("webdriver.chrome.driver", DRIVER.toString());
    Path profile;
    try {
      profile = Files.createTempDirectory("fieldguide-chromium-");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    ChromeOptions options = new ChromeOptions();
    options.setBinary(BINARY.toFile());
    options.addArguments(
        "--headless=new",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--no-default-browser-check",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--disable-extensions",
        "--disable-default-apps",
        "--disable-domain-reliability",
        "--disable-client-side-phishing-detection",
        "--metrics-recording-only",
        "--disable-dev-shm-usage",
        "--window-size=1280,900",
        "--user-data-dir=" + profile);
    options.setCapability("goog:loggingPrefs", Map.of("browser", "ALL", "performance", "ALL"));
    options.setExperimentalOption(
        "perfLoggingPrefs", Map.of("enableNetwork", true, "enablePage", false));
    ChromeDriverService service =
        new ChromeDriverService.Builder()
            .usingDriverExecutable(DRIVER.toFile())
            .usingAnyFreePort()
            .build();
    ChromeDriver driver = new ChromeDriver(service, options);
    driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
    driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(60));
    return new Chromium(driver, profile);
  }

  public ChromeDriver driver() {
    return driver;
  }

  /** Emulates the operating system's colour preference: {@code "light"} or {@code "dark"}. */
  public void prefersColorScheme(String scheme) {
    driver.executeCdpCommand(
        "Emulation.setEmulatedMedia",
        Map.of("features", List.of(Map.of("name", "prefers-color-scheme", "value", scheme))));
  }

  /**
   * Emulates a window {@code width} by {@code height} CSS pixels (a desktop layout viewport, scale
   * 1) for the pages opened from now on and the current one; {@link #defaultWindow()} undoes it.
   */
  public void window(int width, int height) {
    driver.executeCdpCommand(
        "Emulation.setDeviceMetricsOverride",
        Map.of("width", width, "height", height, "deviceScaleFactor", 1, "mobile", false));
  }

  /** Back to the window the browser started with. */
  public void defaultWindow() {
    driver.executeCdpCommand("Emulation.clearDeviceMetricsOverride", Map.of());
  }

  /**
   * Waits two animation frames, so that what the page's scripts and observers do after it loads
   * (placing a tooltip, marking a table that scrolls) is on screen before the test measures it.
   */
  public void afterTwoFrames() {
    driver.executeAsyncScript(
        "var done = arguments[arguments.length - 1];"
            + "requestAnimationFrame(function () { requestAnimationFrame(function () { done(); }); });");
  }

  /** Turns the page's own scripts off or on (the driver's scripts keep working). */
  public void javascriptEnabled(boolean enabled) {
    driver.executeCdpCommand("Emulation.setScriptExecutionDisabled", Map.of("value", !enabled));
  }

  @Override
  public void close() {
    try {
      driver.quit();
    } finally {
      try (Stream<Path> files = Files.walk(profile)) {
        files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
      } catch (IOException e) {
        // a leftover temporary profile is harmless
      }
    }
  }
}

package org.patchlake.web.support;

import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Map;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Debian's chromium driven headless through chromium-driver (both at /usr/bin, installed by .ci/run; nothing is
 * downloaded). Clicks that leave the page go through {@link #clickToNavigate}: WebDriver's click returns before
 * the browser has loaded the next page, so looking for an element right after it can find the old page's element
 * (or none) — a race that made CI fail once.
 */
public final class HeadlessChromium implements AutoCloseable {
    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    private static final Path SCREENSHOTS = Path.of("target", "screenshots");
    private static final Duration PAGE_WAIT = Duration.ofSeconds(60);

    private final WebDriver driver;

    private HeadlessChromium(WebDriver driver) {
        this.driver = driver;
    }

    /**
     * Starts a browser with its profile under {@code workDir}; downloads (PDFs included, never opened in the
     * viewer) go to {@code downloads} when it is not null. Skips the calling test class when Chromium is missing.
     */
    public static HeadlessChromium start(Path workDir, Path downloads, String windowSize) throws IOException {
        assumeTrue(Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER),
                "browser tests need Debian's chromium and chromium-driver at /usr/bin (installed by .ci/run); skipped");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        if (downloads != null) {
            options.setExperimentalOption("prefs", Map.of("download.default_directory", downloads.toString(),
                    "download.prompt_for_download", false, "plugins.always_open_pdf_externally", true));
        }
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--no-first-run", "--disable-sync",
                "--window-size=" + windowSize, "--user-data-dir=" + Files.createDirectories(workDir.resolve("chromium-profile")));
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile())
                .usingAnyFreePort().build();
        WebDriver driver = new ChromeDriver(service, options);
        driver.manage().timeouts().pageLoadTimeout(PAGE_WAIT);
        Files.createDirectories(SCREENSHOTS);
        return new HeadlessChromium(driver);
    }

    public WebDriver driver() {
        return driver;
    }

    /** Clicks an element that leaves the page (a link, a form's submit button) and waits until the next page has loaded. */
    public void clickToNavigate(By locator) {
        clickToNavigate(driver.findElement(locator));
    }

    public void clickToNavigate(WebElement element) {
        WebElement oldPage = driver.findElement(By.tagName("html"));
        element.click();
        WebDriverWait wait = new WebDriverWait(driver, PAGE_WAIT);
        // the old page is gone once its root is stale; mid-navigation Chromium may answer "does not belong to the
        // document" for it instead, which means the same
        wait.until(d -> {
            try {
                oldPage.isEnabled();
                return false;
            } catch (org.openqa.selenium.StaleElementReferenceException e) {
                return true;
            } catch (org.openqa.selenium.WebDriverException e) {
                if (e.getMessage() != null && e.getMessage().contains("does not belong to the document")) {
                    return true;
                }
                throw e;
            }
        });
        wait.until(d -> "complete".equals(((JavascriptExecutor) d).executeScript("return document.readyState")));
    }

    /** Waits (up to a minute) for an element that appears after the page has loaded, e.g. by script. */
    public WebElement await(By locator) {
        return new WebDriverWait(driver, PAGE_WAIT).until(ExpectedConditions.presenceOfElementLocated(locator));
    }

    public void screenshot(String name) throws IOException {
        File file = ((TakesScreenshot) driver).getScreenshotAs(OutputType.FILE);
        Files.copy(file.toPath(), SCREENSHOTS.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
    }

    @Override
    public void close() {
        driver.quit();
    }
}

package dev.diorama.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import dev.diorama.media.MediaInfo;
import dev.diorama.media.MediaReader;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The web studio in a real browser: Debian's chromium, headless, driven through its chromedriver
 * by Selenium, against a real server on a loopback port. CI installs both packages (.ci/run); when
 * they are missing this test fails and says how to install them, it is never skipped.
 *
 * <p>Screenshots land in {@code server/target/studio-*.png}.
 */
class StudioBrowserTest {
    static final Path CHROMIUM = Path.of(System.getenv().getOrDefault("DIORAMA_CHROMIUM", "/usr/bin/chromium"));
    static final Path CHROMEDRIVER = Path.of(System.getenv().getOrDefault("DIORAMA_CHROMEDRIVER", "/usr/bin/chromedriver"));
    static final String PROMPT = "a red rubber ball and a steel ball drop onto a wooden floor at sunset";
    static final Path SHOTS = Path.of("target");

    static WebDriver browser(Path profile, int width, int height) {
        if (!Files.isExecutable(CHROMIUM) || !Files.isExecutable(CHROMEDRIVER)) {
            fail("The studio's browser test needs Debian's chromium and chromedriver (" + CHROMIUM + ", " + CHROMEDRIVER
                    + "): apt-get install -y chromium chromium-driver (.ci/run installs them), or point DIORAMA_CHROMIUM "
                    + "and DIORAMA_CHROMEDRIVER at other binaries.");
        }
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
                "--user-data-dir=" + profile.toAbsolutePath(), "--window-size=" + width + "," + height,
                "--mute-audio", "--hide-scrollbars");
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile())
                .usingAnyFreePort().build();
        WebDriver driver = new ChromeDriver(service, options);
        driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(30));
        return driver;
    }

    static Object js(WebDriver d, String script, Object... args) {
        return ((JavascriptExecutor) d).executeScript(script, args);
    }

    static WebDriverWait patience(WebDriver d) {
        WebDriverWait w = new WebDriverWait(d, TestServer.PATIENCE, Duration.ofMillis(100));
        w.ignoring(org.openqa.selenium.StaleElementReferenceException.class);
        return w;
    }

    static void screenshot(WebDriver d, String name) throws Exception {
        Files.createDirectories(SHOTS);
        Files.write(SHOTS.resolve("studio-" + name + ".png"), ((TakesScreenshot) d).getScreenshotAs(OutputType.BYTES));
    }

    @Test
    void aPromptTypedInTheStudioIsFilmedWithProgressThenPlaysWithSoundAndIsListed(@TempDir Path data, @TempDir Path profile)
            throws Exception {
        try (TestServer s = new TestServer(data)) {
            WebDriver d = browser(profile, 1440, 1500);
            try {
                d.get(s.base() + "/");
                // The server wants a key: the page asks for it once, and keeps it.
                WebElement keyInput = d.findElement(By.id("key-input"));
                patience(d).until(x -> keyInput.isDisplayed());
                assertEquals(keyInput, d.switchTo().activeElement(), "the key field has the focus");
                screenshot(d, "key");
                keyInput.sendKeys(s.key, Keys.ENTER);
                patience(d).until(x -> !keyInput.isDisplayed());
                assertEquals(s.key, js(d, "return localStorage.getItem('diorama.apiKey')"));

                WebElement prompt = d.findElement(By.id("prompt"));
                new Select(d.findElement(By.id("size"))).selectByValue("480x270");
                new Select(d.findElement(By.id("seconds"))).selectByValue("2");
                prompt.click();
                prompt.sendKeys(PROMPT);
                // The explain panel shows what was understood, before anything is filmed.
                patience(d).until(x -> x.findElements(By.cssSelector("#explain-objects li")).size() == 2);
                String understood = d.findElement(By.id("explain-objects")).getText();
                assertTrue(understood.contains("red rubber ball") && understood.contains("steel ball"), understood);
                assertTrue(d.findElement(By.id("explain-facts")).getText().contains("2 s · 480x270"),
                        d.findElement(By.id("explain-facts")).getText());

                // Every value the progress bar takes, recorded in the page as it changes.
                js(d, """
                        window.progressSeen = [];
                        new MutationObserver(() => window.progressSeen.push(
                            Number(document.getElementById('progress').getAttribute('aria-valuenow'))))
                          .observe(document.getElementById('progress'), {attributes: true, attributeFilter: ['aria-valuenow']});
                        """);
                prompt.sendKeys(Keys.ENTER);   // Enter submits
                patience(d).until(x -> {
                    String c = x.findElement(By.id("job")).getAttribute("class");
                    if (c.contains("failed")) fail("the film failed: " + x.findElement(By.id("job-status")).getText());
                    return c.contains("done");
                });
                @SuppressWarnings("unchecked")
                List<Number> seen = (List<Number>) js(d, "return window.progressSeen");
                assertTrue(seen.stream().anyMatch(p -> p.intValue() > 0 && p.intValue() < 100),
                        "the bar moved through values between 0 and 100: " + seen);
                for (int i = 1; i < seen.size(); i++) {
                    assertTrue(seen.get(i).intValue() >= seen.get(i - 1).intValue(), "the bar only moves forward: " + seen);
                }
                assertEquals(100, seen.getLast().intValue(), "it ends full: " + seen);
                assertEquals("100", d.findElement(By.id("progress")).getAttribute("aria-valuenow"));

                // The player: loaded (readyState 4), and playing: its clock advances.
                WebElement player = d.findElement(By.id("player"));
                String src = player.getAttribute("src");
                String id = src.replaceAll(".*/v1/videos/(video_[0-9a-f]{32})/content$", "$1");
                assertTrue(id.matches("video_[0-9a-f]{32}"), src);
                patience(d).until(x -> ((Number) js(x, "return arguments[0].readyState", player)).intValue() == 4);
                // Autoplay with sound may be refused without a gesture the browser trusts: start it muted, by script.
                js(d, "const v = arguments[0]; v.muted = true; v.currentTime = 0; return v.play().then(() => true)", player);
                double t0 = ((Number) js(d, "return arguments[0].currentTime", player)).doubleValue();
                patience(d).until(x -> ((Number) js(x, "return arguments[0].currentTime", player)).doubleValue() > t0 + 0.2);
                Map<?, ?> media = (Map<?, ?>) js(d, """
                        const v = arguments[0];
                        return {w: v.videoWidth, h: v.videoHeight, duration: v.duration, audio: v.webkitAudioDecodedByteCount,
                                video: v.webkitVideoDecodedByteCount, error: v.error && v.error.message};""", player);
                assertEquals(480L, ((Number) media.get("w")).longValue(), media.toString());
                assertEquals(270L, ((Number) media.get("h")).longValue(), media.toString());
                assertEquals(2.0, ((Number) media.get("duration")).doubleValue(), 0.1, media.toString());
                assertTrue(((Number) media.get("audio")).longValue() > 0, "the browser decoded the film's sound: " + media);

                // The gallery lists it, with its prompt and its thumbnail.
                WebElement card = d.findElement(By.cssSelector(".card[data-id='" + id + "']"));
                patience(d).until(x -> "completed".equals(card.getAttribute("data-status")));
                assertEquals(PROMPT, card.findElement(By.className("card-prompt")).getText());
                WebElement thumb = card.findElement(By.tagName("img"));
                patience(d).until(x -> ((Number) js(x, "return arguments[0].naturalWidth", thumb)).intValue() == 480);

                // The ground truth under the player: impacts as marks; choosing one seeks the film there.
                patience(d).until(x -> !x.findElements(By.cssSelector("#track .mark")).isEmpty());
                js(d, "arguments[0].pause()", player);
                List<WebElement> marks = d.findElements(By.cssSelector("#track .mark"));
                WebElement last = marks.getLast();
                double t = Double.parseDouble(last.getAttribute("data-t"));
                last.click();
                patience(d).until(x -> Math.abs(((Number) js(x, "return arguments[0].currentTime", player)).doubleValue() - t) < 0.05);
                assertTrue(d.findElement(By.id("mark-detail")).getText().contains("hits"), d.findElement(By.id("mark-detail")).getText());
                screenshot(d, "desktop");

                // The file itself, as the download button serves it: H.264 with an AAC track.
                String download = d.findElement(By.id("download")).getAttribute("href");
                assertTrue(download.endsWith("/v1/videos/" + id + "/content"), download);
                Path mp4 = data.resolve("downloaded.mp4");
                HttpResponse<Path> r = s.http.send(HttpRequest.newBuilder(URI.create(download))
                        .header("Authorization", "Bearer " + s.key).build(), HttpResponse.BodyHandlers.ofFile(mp4));
                assertEquals(200, r.statusCode());
                try (MediaReader reader = new MediaReader(mp4)) {
                    MediaInfo info = reader.info();
                    assertEquals("h264", info.videoCodec());
                    assertEquals("aac", info.audioCodec());
                    assertEquals(2, info.channels());
                }

                // Remix: a new prompt filmed with the same seed, length and size.
                d.findElement(By.id("remix")).click();
                assertEquals(prompt, d.switchTo().activeElement(), "the prompt has the focus, ready for the new words");
                assertTrue(d.findElement(By.id("remixing")).isDisplayed());
                prompt.sendKeys(Keys.chord(Keys.CONTROL, "a"), "a steel ball drops from 50 cm onto a stone floor in slow motion", Keys.ENTER);
                patience(d).until(x -> !player.getAttribute("src").contains(id)
                        && x.findElement(By.id("job")).getAttribute("class").contains("done"));
                String remixId = player.getAttribute("src").replaceAll(".*/v1/videos/(video_[0-9a-f]{32})/content$", "$1");
                WebElement remixCard = d.findElement(By.cssSelector(".card[data-id='" + remixId + "']"));
                assertEquals("a steel ball drops from 50 cm onto a stone floor in slow motion",
                        remixCard.findElement(By.className("card-prompt")).getText());
                assertTrue(remixCard.findElement(By.className("card-meta")).getText().contains("480×270 · just now · remix"),
                        remixCard.getText());
                assertEquals(id, TestServer.JSON.readTree(s.get("/v1/videos/" + remixId).body()).get("remixed_from_video_id").asText());
                assertFalse(d.findElement(By.id("remixing")).isDisplayed(), "one remix, then back to new films");
                // In slow motion (five times slower: the 2 s film shows 0.4 s of the world, the ball
                // landing at 0.32 s) a mark stands, and seeks, where the film shows the impact: at five
                // times its time in the world, which the ground truth gives.
                JsonNode slowTruth = TestServer.JSON.readTree(s.get("/v1/videos/" + remixId + "/ground_truth").body());
                assertEquals(120, slowTruth.get("scene").get("captureFps").asInt());
                double world = slowTruth.get("events").get(0).get("t").asDouble();
                patience(d).until(x -> !x.findElements(By.cssSelector("#track .mark")).isEmpty() && Math.abs(Double.parseDouble(
                        x.findElements(By.cssSelector("#track .mark")).getFirst().getAttribute("data-t")) - 5 * world) < 1e-6);
                js(d, "arguments[0].pause()", player);
                d.findElements(By.cssSelector("#track .mark")).getFirst().click();
                patience(d).until(x -> Math.abs(((Number) js(x, "return arguments[0].currentTime", player)).doubleValue() - 5 * world) < 0.05);
                assertTrue(d.findElement(By.id("mark-detail")).getText().contains("of the world, in slow motion"),
                        d.findElement(By.id("mark-detail")).getText());

                // A narrow window: one column, nothing wider than the screen.
                d.manage().window().setSize(new Dimension(420, 1600));
                long overflow = ((Number) js(d, "return document.documentElement.scrollWidth - document.documentElement.clientWidth")).longValue();
                assertEquals(0, overflow, "no horizontal scrolling on a phone-sized window");
                screenshot(d, "narrow");

                // The key is remembered: a reload asks nothing and lists the film again.
                d.navigate().refresh();
                patience(d).until(x -> !x.findElements(By.cssSelector(".card[data-id='" + id + "']")).isEmpty());
                assertFalse(d.findElement(By.id("key-input")).isDisplayed());
            } finally {
                d.quit();
            }
        }
    }

    @Test
    void withoutAuthenticationTheStudioAsksForNoKey(@TempDir Path data, @TempDir Path profile) throws Exception {
        try (TestServer s = new TestServer(VideoServer.Config.defaults(data).withPort(0).withNoAuth(true))) {
            WebDriver d = browser(profile, 1280, 900);
            try {
                d.get(s.base() + "/");
                patience(d).until(x -> x.findElement(By.id("gallery-empty")).isDisplayed());
                assertFalse(d.findElement(By.id("key-input")).isDisplayed());
                assertFalse(d.findElement(By.id("account")).isDisplayed(), "no key to show or forget");
                // Keyboard only: an example chip, then Enter in the prompt.
                WebElement example = d.findElements(By.cssSelector(".example")).getFirst();
                example.sendKeys(Keys.ENTER);
                assertEquals(example.getText(), d.findElement(By.id("prompt")).getAttribute("value"));
                patience(d).until(x -> !x.findElements(By.cssSelector("#explain-objects li")).isEmpty());
                screenshot(d, "explain");
                // Progress without a key (the events stream needs no cookie here), seen while the film is being made.
                new Select(d.findElement(By.id("seconds"))).selectByValue("8");
                d.findElement(By.id("prompt")).sendKeys(Keys.ENTER);
                patience(d).until(x -> {
                    int p = Integer.parseInt(x.findElement(By.id("progress")).getAttribute("aria-valuenow"));
                    return p >= 15 && p <= 90;
                });
                WebElement card = d.findElement(By.cssSelector(".card[data-status='in_progress']"));
                assertTrue(card.findElement(By.className("badge")).getText().endsWith("%"), card.getText());
                screenshot(d, "progress");
            } finally {
                d.quit();
            }
        }
    }
}

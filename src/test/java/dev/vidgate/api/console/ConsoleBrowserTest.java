package dev.vidgate.api.console;

import dev.vidgate.testsupport.Browser;
import dev.vidgate.testsupport.Ports;
import dev.vidgate.testsupport.RawHttp;
import dev.vidgate.testsupport.TestServer;
import dev.vidgate.testsupport.TestServerExtension;
import dev.vidgate.testsupport.Waits;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;

import java.time.Duration;
import java.util.List;

import static dev.vidgate.testsupport.ApiCalls.ok;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The console in a real headless Chromium against a whole server: sign-in, playground, job log, keys, webhooks, content
 * policy, languages, axe-core.
 */
class ConsoleBrowserTest {
    @RegisterExtension
    static final TestServerExtension server = TestServerExtension.h2() // a relay channel whose upstream is down, for Test
            .with("vidgate.relay.channels[0].name", "offline").with("vidgate.relay.channels[0].flavour", "openai")
            .with("vidgate.relay.channels[0].base-url", Ports.closedUrl() + "/v1")
            .with("vidgate.relay.channels[0].api-key", "sk-console-offline-0123456789abcdef");
    static final RawHttp http = server.http();
    private Browser browser;

    private Browser open(String language) {
        browser = Browser.open(language);
        browser.driver().manage().timeouts().scriptTimeout(Duration.ofSeconds(60));
        return browser;
    }

    @AfterEach
    void close() {
        if (browser != null) browser.close();
    }

    private void signIn(String key) {
        browser.go(server.baseUrl() + "/console/");
        WebElement input = browser.await(By.id("signin-key"));
        input.sendKeys(key, Keys.ENTER);
        browser.await(By.id("nav"));
        browser.waiting(Duration.ofSeconds(20)).until(d -> !d.findElements(By.cssSelector("#page h1")).isEmpty());
    }

    private void visit(String page) {
        browser.await(By.id("nav-" + page)).click();
        browser.waiting(Duration.ofSeconds(20)).until(ExpectedConditions.attributeToBe(By.id("nav-" + page), "aria-current", "page"));
        browser.waiting(Duration.ofSeconds(20)).until(d -> !d.findElements(By.cssSelector("#page h1")).isEmpty());
    }

    private void assertAccessible(String page) {
        assertThat(browser.seriousAccessibilityViolations()).as("axe-core on the %s page", page).isEmpty();
    }

    @Test
    void aTenantSignsInCreatesAVideoInThePlaygroundAndWatchesItPlay() {
        open("en");
        browser.go(server.baseUrl() + "/console/");
        browser.await(By.id("signin-key"));
        browser.screenshot("signin");
        assertAccessible("sign-in");
        signIn(TestServer.API_KEY);
        assertThat((String) browser.script("return document.cookie")).doesNotContain("vidgate_console");
        assertThat((Long) browser.script("return localStorage.length + sessionStorage.length")).isLessThanOrEqualTo(1L);
        assertThat((String) browser.script("return JSON.stringify(localStorage)")).doesNotContain(TestServer.API_KEY);

        browser.await(By.name("prompt")).sendKeys("A red lantern swings slowly in the night rain");
        new Select(browser.await(By.name("seconds"))).selectByValue("4");
        browser.await(By.cssSelector("#create button[type=submit]")).click();
        browser.waiting(Waits.RENDER).until(ExpectedConditions.presenceOfElementLocated(By.id("player")));
        browser.waiting(Duration.ofSeconds(30)).until(d -> ((Number) browser.script("return document.getElementById('player').readyState")).intValue() >= 2);
        double start = ((Number) browser.script("const v = document.getElementById('player'); v.muted = true; v.play(); return v.currentTime")).doubleValue();
        browser.waiting(Duration.ofSeconds(30)).until(d -> ((Number) browser.script("return document.getElementById('player').currentTime")).doubleValue() > start + 0.3);
        browser.script("document.getElementById('player').scrollIntoView({ block: 'center' })");
        browser.screenshot("playground");
        assertAccessible("playground");

        visit("jobs");
        assertThat(browser.await(By.cssSelector("#joblog table")).getText()).contains("A red lantern swings");
        browser.screenshot("jobs-tenant");
        assertAccessible("job log");
        visit("usage");
        browser.await(By.cssSelector("#chart-spend .uplot"));
        assertAccessible("usage");
        aTenantKeepsItsOwnWebhookEndpoint();

        browser.await(By.id("signout")).click();
        browser.await(By.id("signin-key"));
        assertThat(http.get("/console/session").statusCode()).isEqualTo(401);
    }

    /** A tenant's endpoints through /v1/webhooks: made with its secret shown once, then deleted (no delivery leaves). */
    private void aTenantKeepsItsOwnWebhookEndpoint() {
        visit("webhooks");
        assertThat(browser.driver().findElements(By.name("tenant"))).as("a tenant names no tenant").isEmpty();
        browser.await(By.name("url")).sendKeys("https://93.184.215.14/tenant-hook");
        browser.await(By.id("webhook-create-submit")).click();
        assertThat(browser.await(By.id("secret")).getText()).startsWith("whsec_");
        assertThat(ok(http.get("/v1/webhooks")).get("data").get(0).get("url").asString()).isEqualTo("https://93.184.215.14/tenant-hook");
        assertAccessible("a tenant's webhooks");
        WebElement row = browser.driver().findElements(By.cssSelector("#webhook-list tbody tr")).stream()
                .filter(r -> r.getText().contains("tenant-hook")).findFirst().orElseThrow();
        row.findElements(By.tagName("button")).stream().filter(b -> b.getText().equals("Delete")).findFirst().orElseThrow().click();
        browser.waiting(Duration.ofSeconds(10)).until(ExpectedConditions.alertIsPresent()).accept();
        browser.waiting(Duration.ofSeconds(20)).until(d -> !ok(http.get("/v1/webhooks")).toString().contains("tenant-hook"));
    }

    @Test
    void theJobLogPagesLikeTheApi() {
        for (int i = 0; i < 12; i++) {
            String id = ok(http.postJson("/v1/videos", "{\"prompt\":\"page filler " + i + "\",\"seconds\":\"4\"}")).get("id").asString();
            http.post("/v1/videos/" + id + "/cancel", "application/json", new byte[0]);
        }
        open("en");
        signIn(TestServer.ADMIN_KEY);
        visit("jobs");
        WebElement first = browser.await(By.cssSelector("#joblog tbody"));
        assertThat(first.findElements(By.tagName("tr"))).hasSize(10);
        browser.screenshot("jobs");
        assertAccessible("operator job log");
        browser.await(By.id("next")).click();
        browser.waiting(Duration.ofSeconds(20)).until(ExpectedConditions.textToBe(By.id("page-no"), "Page 2"));
        assertThat(browser.driver().findElements(By.cssSelector("#joblog tbody tr")).size()).isBetween(2, 10);
        browser.await(By.id("prev")).click();
        browser.waiting(Duration.ofSeconds(20)).until(ExpectedConditions.textToBe(By.id("page-no"), "Page 1"));

        new Select(browser.await(By.name("status"))).selectByValue("cancelled");
        browser.await(By.cssSelector("#job-filters button[type=submit]")).click();
        browser.waiting(Duration.ofSeconds(20)).until(d -> d.findElements(By.cssSelector("#joblog tbody tr")).stream()
                .allMatch(r -> r.getText().contains("Cancelled")));
    }

    @Test
    void anOperatorCreatesAKeyAndSeesItsSecretOnlyOnce() {
        open("en");
        signIn(TestServer.ADMIN_KEY);
        for (String page : List.of("usage", "tenants", "credits", "prices", "channels")) {
            visit(page);
            browser.screenshot(page);
            assertAccessible(page);
        }
        browser.await(By.cssSelector("#channel-list button.channel-test")).click();
        browser.waiting(Duration.ofSeconds(20)).until(d -> d.findElement(By.cssSelector("#channel-list .probe")).getText().startsWith("Unreachable"));
        browser.screenshot("channels");
        visit("keys");
        browser.await(By.name("name")).sendKeys("from-the-console");
        browser.await(By.id("key-create-submit")).click();
        String secret = browser.await(By.id("secret")).getText();
        assertThat(secret).startsWith("sk-vg-");
        browser.screenshot("keys");
        assertAccessible("keys");
        assertThat(http.get("/v1/models", "Authorization", "Bearer " + secret).statusCode()).isEqualTo(200);

        WebElement row = browser.driver().findElements(By.cssSelector("#key-list tbody tr")).stream()
                .filter(r -> r.getText().contains("from-the-console")).findFirst().orElseThrow();
        String keyId = row.findElement(By.tagName("td")).getText();
        row.findElement(By.tagName("summary")).click();
        WebElement rpm = row.findElement(By.name("requests_per_minute"));
        rpm.clear();
        rpm.sendKeys("77", Keys.ENTER);
        browser.waiting(Duration.ofSeconds(20)).until(d -> ok(server.http(TestServer.ADMIN_KEY).get("/admin/v1/keys/" + keyId))
                .get("requests_per_minute").asInt() == 77);

        visit("tenants");
        visit("keys");
        browser.await(By.cssSelector("#key-list table"));
        assertThat(browser.driver().findElements(By.id("secret"))).isEmpty();
        assertThat(browser.driver().getPageSource()).doesNotContain(secret).contains(secret.substring(secret.length() - 4));
    }

    @Test
    void anOperatorCreatesAWebhookEndpointSeesItsSecretOnceAndOpensTheBlocksAndAFinishedJobsPreview() {
        assertThat(http.postJson("/v1/videos", "{\"prompt\":\"Mickey Mouse waving from a steamboat\"}").statusCode())
                .as("a blocked prompt for the audit").isEqualTo(400);
        open("en");
        signIn(TestServer.ADMIN_KEY);
        visit("webhooks");
        new Select(browser.await(By.name("tenant"))).selectByValue("default");
        browser.await(By.name("url")).sendKeys("http://127.0.0.1:9/console-hooks");
        browser.await(By.name("allow_private")).click();
        browser.await(By.id("webhook-create-submit")).click();
        String secret = browser.await(By.id("secret")).getText();
        assertThat(secret).startsWith("whsec_");
        assertThat(browser.await(By.cssSelector("#webhook-list table")).getText()).contains("http://127.0.0.1:9/console-hooks");
        browser.screenshot("webhooks");
        assertAccessible("webhooks");
        String video = ok(http.postJson("/v1/videos", "{\"prompt\":\"a kite over a green hill\",\"seconds\":\"4\"}")).get("id").asString();

        visit("policy");
        browser.waiting(Duration.ofSeconds(20)).until(ExpectedConditions.textToBePresentInElementLocated(By.id("block-list"), "copyrighted_characters"));
        assertThat(browser.await(By.id("block-list")).getText()).contains("Mickey Mouse");
        browser.await(By.id("policy-level"));
        browser.screenshot("policy");
        assertAccessible("content policy");
        new Select(browser.await(By.name("level"))).selectByValue("off");
        browser.await(By.cssSelector("#policy-level-form button[type=submit]")).click();
        browser.waiting(Duration.ofSeconds(20)).until(d -> "off".equals(ok(server.http(TestServer.ADMIN_KEY)
                .get("/admin/v1/tenants/default/policy")).get("level").asString()));
        ok(server.http(TestServer.ADMIN_KEY).postJson("/admin/v1/tenants/default/policy", "{\"level\":null}"));

        browser.waiting(Waits.RENDER).until(d -> "completed".equals(ok(http.get("/v1/videos/" + video)).get("status").asString()));
        visit("jobs");
        String preview = "document.querySelector('#joblog video[aria-label$=\"" + video + "\"]')";
        browser.await(By.cssSelector("#joblog video"));
        browser.script("const v = " + preview + "; v.muted = true; v.play();");
        browser.waiting(Duration.ofSeconds(30)).until(d -> ((Number) browser.script("return " + preview + ".readyState")).intValue() >= 2);
        assertAccessible("operator job log with a preview");

        visit("webhooks");
        browser.await(By.cssSelector("#webhook-list table"));
        assertThat(browser.driver().getPageSource()).doesNotContain(secret);
        browser.driver().findElements(By.cssSelector("#webhook-list button")).stream()
                .filter(b -> b.getText().equals("Deliveries")).findFirst().orElseThrow().click();
        browser.waiting(Duration.ofSeconds(30)).until(ExpectedConditions.textToBePresentInElementLocated(By.id("webhook-deliveries"), video));
        browser.script("document.getElementById('webhook-deliveries').scrollIntoView()");
        browser.screenshot("webhook-deliveries");
        assertAccessible("webhook deliveries");
    }

    @Test
    void theLanguageFollowsTheBrowserCanBeSwitchedAndIsRemembered() {
        open("zh-CN");
        browser.go(server.baseUrl() + "/console/");
        browser.waiting(Duration.ofSeconds(20)).until(ExpectedConditions.textToBe(By.cssSelector("#signin h1"), "登录"));
        signIn(TestServer.API_KEY);
        assertThat(browser.await(By.id("nav-playground")).getText()).isEqualTo("创作台");
        browser.screenshot("playground-zh");
        assertAccessible("playground in Chinese");

        new Select(browser.await(By.id("lang"))).selectByValue("en");
        browser.waiting(Duration.ofSeconds(20)).until(ExpectedConditions.textToBe(By.id("nav-playground"), "Playground"));
        browser.driver().navigate().refresh();
        browser.waiting(Duration.ofSeconds(20)).until(ExpectedConditions.textToBe(By.id("nav-playground"), "Playground"));
        assertThat(browser.script("return document.documentElement.lang")).isEqualTo("en");
    }
}

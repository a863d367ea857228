package dev.vidgate.api;

import dev.vidgate.testsupport.RawHttp;
import dev.vidgate.testsupport.TestClock;
import dev.vidgate.testsupport.TestServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import static dev.vidgate.testsupport.ApiAssertions.assertError;
import static dev.vidgate.testsupport.ApiCalls.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Wrong keys are throttled per client address, on the default settings (20 per minute). Each test speaks
 * from its own loopback address (127.0.0.x), so the tests do not share a count.
 */
class KeyGuessingTest {
    @TempDir
    static Path dataDir;
    static TestServer server;
    static final TestClock clock = new TestClock();

    @BeforeAll
    static void start() {
        server = TestServer.start(dataDir, clock, Map.of());
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void twoHundredGuessesInARowGetTwentyRefusalsAndThenOnly429sForAnyKeyFromThatAddress() {
        int unauthorized = 0;
        HttpResponse<String> last = null;
        for (int i = 0; i < 200; i++) {
            last = from("127.0.0.2", "sk-guess-" + i + "-abcdefghijklmnop").get("/v1/videos");
            if (last.statusCode() == 401) {
                unauthorized++;
            } else {
                assertError(last, 429, null, null, "rate_limit_exceeded");
            }
        }
        assertThat(unauthorized).isEqualTo(20);
        assertThat(json(last).get("error").get("message").asString())
                .startsWith("Too many requests with an incorrect API key from your address: 20 per 1m.");
        long retryAfter = Long.parseLong(last.headers().firstValue("retry-after").orElseThrow());
        assertThat(retryAfter).isBetween(1L, 60L);

        // Blocked for every key, the right one included, so that guessing cannot go on between right requests...
        assertError(from("127.0.0.2", TestServer.API_KEY).get("/v1/videos"), 429, null, null, "rate_limit_exceeded");
        // ...while other addresses are not affected.
        assertThat(from("127.0.0.3", TestServer.API_KEY).get("/v1/videos").statusCode()).isEqualTo(200);

        clock.advance(Duration.ofSeconds(retryAfter));
        assertThat(from("127.0.0.2", TestServer.API_KEY).get("/v1/videos").statusCode()).isEqualTo(200);
    }

    @Test
    void aRightKeyInBetweenDoesNotWipeTheSlate() {
        for (int i = 0; i < 19; i++) {
            assertError(from("127.0.0.7", "sk-guess-" + i + "-abcdefghijklmnop").get("/v1/videos"), 401, null, null, "invalid_api_key");
        }
        assertThat(from("127.0.0.7", TestServer.API_KEY).get("/v1/videos").statusCode()).isEqualTo(200);
        assertError(from("127.0.0.7", "sk-guess-19-abcdefghijklmnop").get("/v1/videos"), 401, null, null, "invalid_api_key");
        assertError(from("127.0.0.7", "sk-guess-20-abcdefghijklmnop").get("/v1/videos"), 429, null, null, "rate_limit_exceeded");
    }

    @Test
    void wrongAdminKeysCountAsWrongKeysToo() {
        for (int i = 0; i < 20; i++) {
            assertError(from("127.0.0.4", "sk-admin-guess-" + i + "-abcdefghijklmn").get("/admin/v1/tenants"), 401, null, null,
                    "invalid_api_key");
        }
        assertError(from("127.0.0.4", TestServer.ADMIN_KEY).get("/admin/v1/tenants"), 429, null, null, "rate_limit_exceeded");
        assertError(from("127.0.0.4", TestServer.API_KEY).get("/v1/videos"), 429, null, null, "rate_limit_exceeded");
        assertThat(from("127.0.0.5", TestServer.ADMIN_KEY).get("/admin/v1/tenants").statusCode()).isEqualTo(200);
    }

    @Test
    void requestsWithoutAnyKeyAreNotGuesses() {
        for (int i = 0; i < 30; i++) {
            assertError(from("127.0.0.6", null).get("/v1/videos"), 401, null, null, "invalid_api_key");
        }
        assertThat(from("127.0.0.6", TestServer.API_KEY).get("/v1/videos").statusCode()).isEqualTo(200);
    }

    @Test
    void theSettingsAreCheckedAtStartWithMessagesNamingThem() {
        assertThatThrownBy(() -> TestServer.start(dataDir.resolve("bad1"), new TestClock(), Map.of("vidgate.auth.max-failures", "-1")).close())
                .hasRootCauseMessage("vidgate.auth.max-failures (VIDGATE_AUTH_MAX_FAILURES) must be from 0 (no throttle) to 1000000");
        assertThatThrownBy(() -> TestServer.start(dataDir.resolve("bad2"), new TestClock(), Map.of("vidgate.auth.failure-window", "0s")).close())
                .hasRootCauseMessage("vidgate.auth.failure-window (VIDGATE_AUTH_FAILURE_WINDOW) must be a duration from 1s to 24h, such as 1m");
    }

    private static RawHttp from(String address, String key) {
        return RawHttp.from(address, server.baseUrl(), key);
    }
}

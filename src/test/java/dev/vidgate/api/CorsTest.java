package dev.vidgate.api;

import dev.vidgate.testsupport.TestClock;
import dev.vidgate.testsupport.TestServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import static dev.vidgate.testsupport.ApiAssertions.assertError;
import static org.assertj.core.api.Assertions.assertThat;

/** Browsers on the origins the operator lists ({@code vidgate.cors.allowed-origins}) may call the API; others are refused cleanly. */
@ExtendWith(OutputCaptureExtension.class)
class CorsTest {
    private static final String APP = "https://app.example";
    private static final HttpClient CLIENT = HttpClient.newHttpClient();

    @TempDir
    static Path openDir;
    @TempDir
    static Path closedDir;
    static TestServer open;
    static TestServer closed;

    @BeforeAll
    static void start() {
        open = TestServer.start(openDir, new TestClock(), Map.of("vidgate.cors.allowed-origins", APP + ",http://localhost:5173"));
        closed = TestServer.start(closedDir);
    }

    @AfterAll
    static void stop() {
        open.close();
        closed.close();
    }

    @Test
    void aPreflightFromAnAllowedOriginNeedsNoKeyAndAllowsWhatTheOpenAiSdksSend(CapturedOutput log) {
        var r = preflight(open, "/v1/videos", APP, "POST",
                "authorization,content-type,openai-organization,openai-project,idempotency-key,x-stainless-lang,x-stainless-retry-count");
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        assertThat(r.headers().firstValue("Access-Control-Allow-Origin")).hasValue(APP);
        assertThat(list(r, "Access-Control-Allow-Methods")).contains("get", "post", "delete");
        assertThat(list(r, "Access-Control-Allow-Headers")).contains("authorization", "content-type", "openai-organization",
                "openai-project", "idempotency-key", "x-stainless-lang", "x-stainless-retry-count");
        assertThat(r.headers().firstValue("Access-Control-Max-Age")).isPresent();
        assertThat(r.headers().firstValue("x-request-id")).isPresent();
        assertThat(log.getOut()).doesNotContain(" ERROR ");
    }

    @Test
    void aPreflightAnswersOnEveryApiPathAndOnTheAzureStylePrefix() {
        for (String path : List.of("/v1/videos/video_0123456789abcdef0123456789abcdef/content", "/openai/v1/videos", "/v1/usage")) {
            var r = preflight(open, path, "http://localhost:5173", "GET", "authorization");
            assertThat(r.statusCode()).as(path).isEqualTo(200);
            assertThat(r.headers().firstValue("Access-Control-Allow-Origin")).hasValue("http://localhost:5173");
        }
    }

    @Test
    void anActualRequestFromAnAllowedOriginCarriesTheOriginAndExposesTheSdkHeaders() throws Exception {
        var ok = send(open, HttpRequest.newBuilder(URI.create(open.baseUrl() + "/v1/videos")).header("Origin", APP)
                .header("Authorization", "Bearer " + TestServer.API_KEY).GET().build());
        assertThat(ok.statusCode()).isEqualTo(200);
        assertThat(ok.headers().firstValue("Access-Control-Allow-Origin")).hasValue(APP);
        assertThat(list(ok, "Access-Control-Expose-Headers")).contains("x-request-id", "openai-poll-after-ms", "retry-after");
        // An error answer carries them too, so the page can read what went wrong.
        var unauthorized = send(open, HttpRequest.newBuilder(URI.create(open.baseUrl() + "/v1/videos")).header("Origin", APP).GET().build());
        assertError(unauthorized, 401, null, null, "invalid_api_key");
        assertThat(unauthorized.headers().firstValue("Access-Control-Allow-Origin")).hasValue(APP);
    }

    @Test
    void aPreflightFromAnotherOriginIsA403Envelope(CapturedOutput log) {
        var r = preflight(open, "/v1/videos", "https://evil.example", "POST", "authorization");
        assertError(r, 403, null, null, "cors_not_allowed");
        assertThat(r.headers().firstValue("Access-Control-Allow-Origin")).isEmpty();
        assertThat(r.headers().firstValue("x-request-id")).isPresent();
        assertThat(log.getOut()).doesNotContain(" ERROR ");
    }

    @Test
    void aPreflightAskingForAnUnlistedHeaderIsA403Envelope() {
        assertError(preflight(open, "/v1/videos", APP, "POST", "x-custom-thing"), 403, null, null, "cors_not_allowed");
    }

    @Test
    void withoutAllowedOriginsAPreflightIsA403EnvelopeAndNoError(CapturedOutput log) {
        var r = preflight(closed, "/v1/videos", APP, "POST", "authorization,content-type");
        assertError(r, 403, null, null, "cors_not_allowed");
        assertThat(r.headers().firstValue("Access-Control-Allow-Origin")).isEmpty();
        assertThat(r.headers().firstValue("x-request-id")).isPresent();
        var admin = preflight(closed, "/admin/v1/tenants", APP, "GET", "authorization");
        assertError(admin, 403, null, null, "cors_not_allowed");
        assertThat(log.getOut()).doesNotContain(" ERROR ");
    }

    @Test
    void withoutAllowedOriginsAnActualRequestWithAnOriginIsServedAsBeforeWithoutCorsHeaders() {
        var r = send(closed, HttpRequest.newBuilder(URI.create(closed.baseUrl() + "/v1/videos")).header("Origin", APP)
                .header("Authorization", "Bearer " + TestServer.API_KEY).GET().build());
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.headers().firstValue("Access-Control-Allow-Origin")).isEmpty();
    }

    @Test
    void aPlainOptionsRequestIsNoPreflightAndStillNeedsAKey() {
        var answer = send(open, HttpRequest.newBuilder(URI.create(open.baseUrl() + "/v1/videos"))
                .method("OPTIONS", HttpRequest.BodyPublishers.noBody()).build());
        assertError(answer, 401, null, null, "invalid_api_key");
    }

    private static HttpResponse<String> preflight(TestServer server, String path, String origin, String method, String headers) {
        return send(server, HttpRequest.newBuilder(URI.create(server.baseUrl() + path)).header("Origin", origin)
                .header("Access-Control-Request-Method", method).header("Access-Control-Request-Headers", headers)
                .method("OPTIONS", HttpRequest.BodyPublishers.noBody()).build());
    }

    private static HttpResponse<String> send(TestServer server, HttpRequest request) {
        try {
            return CLIENT.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<String> list(HttpResponse<String> r, String header) {
        return r.headers().allValues(header).stream().flatMap(v -> Arrays.stream(v.split(",")))
                .map(v -> v.trim().toLowerCase(Locale.ROOT)).toList();
    }
}

package dev.vidgate.api;

import dev.vidgate.testsupport.ApiCalls;
import dev.vidgate.testsupport.RawHttp;
import dev.vidgate.testsupport.Scrape;
import dev.vidgate.testsupport.TestServer;
import dev.vidgate.testsupport.TestServerExtension;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static dev.vidgate.testsupport.ApiCalls.json;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A plain content download is served by {@link ContentFastPath} without Spring MVC's dispatch, and answers exactly as
 * the route does: each request below goes once to {@code /v1} (the fast path) and once to {@code /openai/v1} (the route
 * through Spring MVC), and the two answers must match in status, headers and bytes.
 */
class ContentFastPathTest {
    @RegisterExtension
    static final TestServerExtension server = TestServerExtension.h2();
    static final RawHttp http = server.http();
    static String id;

    private static final List<String> COMPARED_HEADERS = List.of("content-type", "content-length", "content-range",
            "accept-ranges", "content-disposition", "retry-after", "x-should-retry", "location", "cache-control");

    @BeforeAll
    static void aCompletedVideo() {
        id = json(http.postJson("/v1/videos", "{\"prompt\":\"fast path\",\"size\":\"1280x720\"}")).get("id").asString();
        ApiCalls.awaitCompleted(http, id);
    }

    @Test
    void wholeFilesRangesAndVariantsAnswerAsTheRouteDoes() {
        sameAnswer(http, "/videos/" + id + "/content");
        sameAnswer(http, "/videos/" + id + "/content", "Range", "bytes=100-70000");
        sameAnswer(http, "/videos/" + id + "/content", "Range", "bytes=-500");
        sameAnswer(http, "/videos/" + id + "/content", "Range", "bytes=5000-");
        sameAnswer(http, "/videos/" + id + "/content?variant=thumbnail");
        sameAnswer(http, "/videos/" + id + "/content?variant=spritesheet", "Range", "bytes=0-9");
        sameAnswer(http, "/videos/" + id + "/content?variant=video");
        sameAnswer(http, "/videos/" + id + "/content?variant=");
    }

    @Test
    void refusalsAnswerAsTheRouteDoesInTheOpenAiEnvelope() {
        var unsatisfiable = sameAnswer(http, "/videos/" + id + "/content", "Range", "bytes=999999999-");
        assertThat(unsatisfiable.statusCode()).isEqualTo(416);
        var badVariant = sameAnswer(http, "/videos/" + id + "/content?variant=poster");
        assertThat(badVariant.statusCode()).isEqualTo(400);
        assertThat(new String(badVariant.body(), java.nio.charset.StandardCharsets.UTF_8)).contains("\"param\":\"variant\"");
        var unknown = sameAnswer(http, "/videos/video_0123456789abcdef0123456789abcdef/content");
        assertThat(unknown.statusCode()).isEqualTo(404);
        var wrongKey = sameAnswer(new RawHttp(server.baseUrl(), "sk-not-a-key-of-this-server-0123456789"), "/videos/" + id + "/content");
        assertThat(wrongKey.statusCode()).isEqualTo(401);
        assertThat(wrongKey.headers().firstValue("x-request-id")).isPresent();
    }

    @Test
    void theFastPathAnswersWithoutPassingTheRequestOnAndHandsTheFileToSendfile() throws Exception {
        var request = new MockHttpServletRequest("GET", "/v1/videos/" + id + "/content");
        request.addHeader("Authorization", "Bearer " + TestServer.API_KEY);
        request.setAttribute(Sendfile.SUPPORT, Boolean.TRUE);
        var response = new MockHttpServletResponse();
        var chain = new MockFilterChain();

        server.bean(ContentFastPath.class).doFilter(request, response, chain);

        assertThat(chain.getRequest()).as("the request went no further").isNull();
        assertThat(response.getStatus()).isEqualTo(200);
        assertThat(request.getAttribute(Sendfile.FILENAME)).as("Tomcat sends the file").isNotNull();
        assertThat(response.getHeader("Content-Length")).isEqualTo(request.getAttribute(Sendfile.END).toString());
    }

    @Test
    void requestsItDoesNotServeGoOnToTheRoute() throws Exception {
        for (var request : List.of(get("/v1/videos/" + id + "/content?variant=video&extra=1"), get("/v1/videos/" + id),
                get("/v1/videos/" + id + "/content;x=y"), head("/v1/videos/" + id + "/content"), withoutKey())) {
            var chain = new MockFilterChain();
            server.bean(ContentFastPath.class).doFilter(request, new MockHttpServletResponse(), chain);
            assertThat(chain.getRequest()).as(request.getMethod() + " " + request.getRequestURI() + "?" + request.getQueryString())
                    .isSameAs(request);
        }
    }

    @Test
    void itsDownloadsAreCountedUnderTheRoutesPatternInTheHttpMetrics() {
        http.getBytes("/v1/videos/" + id + "/content");
        http.getBytes("/v1/videos/video_0123456789abcdef0123456789abcdef/content");
        var admin = new RawHttp(server.baseUrl(), TestServer.ADMIN_KEY);
        Scrape scrape = Scrape.of(admin.get("/actuator/prometheus").body());
        String route = "uri=\"" + ContentFastPath.ROUTE + "\"";
        assertThat(scrape.value("http_server_requests_seconds_count", route, "method=\"GET\"", "status=\"200\""))
                .isGreaterThanOrEqualTo(1);
        assertThat(scrape.value("http_server_requests_seconds_count", route, "method=\"GET\"", "status=\"404\""))
                .isGreaterThanOrEqualTo(1);
    }

    @Test
    void theVariantIsReadOnlyFromAQueryOfVariantAlone() {
        assertThat(ContentFastPath.variantOf(null)).isEmpty();
        assertThat(ContentFastPath.variantOf("")).isEmpty();
        assertThat(ContentFastPath.variantOf("variant=thumbnail")).isEqualTo("thumbnail");
        assertThat(ContentFastPath.variantOf("variant=")).isEmpty();
        assertThat(ContentFastPath.variantOf("variant=video&x=1")).isNull();
        assertThat(ContentFastPath.variantOf("variant=%76ideo")).isNull();
        assertThat(ContentFastPath.variantOf("x=1")).isNull();
    }

    /** The answer of {@code /v1 + path}, after checking that {@code /openai/v1 + path} (through Spring MVC) is the same. */
    private static HttpResponse<byte[]> sameAnswer(RawHttp client, String path, String... headers) {
        HttpResponse<byte[]> fast = client.getBytes("/v1" + path, headers);
        HttpResponse<byte[]> routed = client.getBytes("/openai/v1" + path, headers);
        assertThat(fast.statusCode()).as(path + " status").isEqualTo(routed.statusCode());
        assertThat(compared(fast)).as(path + " headers").isEqualTo(compared(routed));
        assertThat(fast.body()).as(path + " body").isEqualTo(routed.body());
        return fast;
    }

    private static Map<String, List<String>> compared(HttpResponse<?> response) {
        Map<String, List<String>> kept = new TreeMap<>();
        response.headers().map().forEach((name, values) -> {
            if (COMPARED_HEADERS.contains(name.toLowerCase(java.util.Locale.ROOT))) kept.put(name.toLowerCase(java.util.Locale.ROOT), values);
        });
        return kept;
    }

    private static MockHttpServletRequest get(String uri) {
        int q = uri.indexOf('?');
        var request = new MockHttpServletRequest("GET", q < 0 ? uri : uri.substring(0, q));
        if (q >= 0) request.setQueryString(uri.substring(q + 1));
        request.addHeader("Authorization", "Bearer " + TestServer.API_KEY);
        return request;
    }

    private static MockHttpServletRequest head(String uri) {
        var request = get(uri);
        request.setMethod("HEAD");
        return request;
    }

    private static MockHttpServletRequest withoutKey() {
        return new MockHttpServletRequest("GET", "/v1/videos/" + id + "/content");
    }
}

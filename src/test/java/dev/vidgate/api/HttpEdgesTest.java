package dev.vidgate.api;

import dev.vidgate.testsupport.RawHttp;
import dev.vidgate.testsupport.RawHttp.Multipart;
import dev.vidgate.testsupport.RawSocket;
import dev.vidgate.testsupport.TestClock;
import dev.vidgate.testsupport.TestServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.nio.file.Path;
import java.util.Map;

import static dev.vidgate.testsupport.ApiAssertions.assertError;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The edges of HTTP an outside test found (issue 18): undecodable query strings, the {@code /error}
 * path, the answers the servlet container writes itself, unknown paths in the log, values that
 * must be exact, and {@code http://} references.
 */
@ExtendWith(OutputCaptureExtension.class)
class HttpEdgesTest {
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String REQUEST_ID = "req_[0-9a-f]{32}";

    @TempDir
    static Path dataDir;
    static TestServer server;
    static RawHttp http;
    static RawHttp admin;
    static RawHttp anonymous;

    @BeforeAll
    static void start() {
        server = TestServer.start(dataDir, new TestClock(), Map.of("vidgate.remote-references", "true"));
        http = new RawHttp(server.baseUrl(), TestServer.API_KEY);
        admin = new RawHttp(server.baseUrl(), TestServer.ADMIN_KEY);
        anonymous = new RawHttp(server.baseUrl(), null);
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    // ---- defect 4: a malformed % escape in the query ----

    @ParameterizedTest
    @ValueSource(strings = {"/v1/videos?limit=%zz", "/v1/videos?after=%", "/v1/videos/video_x/content?variant=%ff",
            "/v1/usage?from=%zz", "/openai/v1/videos?order=%e2%28"})
    void aMalformedPercentEscapeInTheQueryIsA400AndLogsNoError(String path, CapturedOutput log) {
        assertEnvelope(get(path, TestServer.API_KEY), 400, "invalid_query_string");
        assertThat(log.getOut()).doesNotContain(" ERROR ").doesNotContain("InvalidParameterException");
    }

    @ParameterizedTest
    @ValueSource(strings = {"/admin/v1/keys?limit=%zz", "/admin/v1/ledger?after=%", "/admin/v1/tenants?order=%ff",
            "/admin/v1/usage?tenant=%g0"})
    void aMalformedPercentEscapeInAnAdminListIsA400Too(String path, CapturedOutput log) {
        assertEnvelope(get(path, TestServer.ADMIN_KEY), 400, "invalid_query_string");
        assertThat(log.getOut()).doesNotContain(" ERROR ");
    }

    // ---- defect 6: /error is no route of the API ----

    @Test
    void theErrorPathIsAnUnknownRouteWithOrWithoutAKey() {
        for (RawHttp client : new RawHttp[]{anonymous, http}) {
            var get = client.get("/error");
            assertError(get, 404, "Invalid URL (GET /error)", null, "not_found");
            assertThat(get.headers().firstValue("x-request-id")).isPresent();
            assertError(client.postJson("/error", "{}"), 404, "Invalid URL (POST /error)", null, "not_found");
        }
    }

    // ---- defect 7: what the container answers itself ----

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "oversized header     | 400 | GET /v1/videos HTTP/1.1\\r\\nHost: x\\r\\nX-Big: %BIG%\\r\\nConnection: close\\r\\n\\r\\n",
            "bad Content-Length   | 400 | POST /v1/videos HTTP/1.1\\r\\nHost: x\\r\\nContent-Length: abc\\r\\nConnection: close\\r\\n\\r\\n",
            "%00 in an id         | 400 | GET /v1/videos/video_%00 HTTP/1.1\\r\\nHost: x\\r\\nConnection: close\\r\\n\\r\\n",
            "a space in the path  | 400 | GET /v1/vi deos HTTP/1.1\\r\\nHost: x\\r\\nConnection: close\\r\\n\\r\\n",
            "TRACE                | 405 | TRACE /v1/videos HTTP/1.1\\r\\nHost: x\\r\\nConnection: close\\r\\n\\r\\n",
            "CONNECT to a path    | 405 | CONNECT /v1/videos HTTP/1.1\\r\\nHost: x\\r\\nConnection: close\\r\\n\\r\\n",
            "CONNECT to a host    | 405 | CONNECT example.com:443 HTTP/1.1\\r\\nHost: example.com:443\\r\\nConnection: close\\r\\n\\r\\n",
            "Expect: teapot       | 417 | POST /v1/videos HTTP/1.1\\r\\nHost: x\\r\\nExpect: teapot\\r\\nContent-Length: 2\\r\\nConnection: close\\r\\n\\r\\n{}",
            "HTTP/1.2             | 400 | GET /v1/videos HTTP/1.2\\r\\nHost: x\\r\\nConnection: close\\r\\n\\r\\n",
            "Transfer-Encoding: gzip | 400 | POST /v1/videos HTTP/1.1\\r\\nHost: x\\r\\nTransfer-Encoding: gzip\\r\\nConnection: close\\r\\n\\r\\n",
    })
    void everyAnswerTheContainerWritesForAClientMistakeIsA4xxEnvelopeWithARequestId(String name, int status, String request,
                                                                                   CapturedOutput log) {
        String raw = request.replace("\\r\\n", "\r\n").replace("%BIG%", "a".repeat(20_000));
        assertEnvelope(RawSocket.send(server.port(), raw), status, null);
        assertThat(log.getOut()).doesNotContain(" ERROR ");
    }

    // ---- defect 8: unknown paths stay out of the log ----

    @Test
    void anUnknownPathIsA404AndIsNotLoggedAboveDebug(CapturedOutput log) {
        String path = "/v1/nothing/" + "x".repeat(7_000);
        assertError(anonymous.get(path), 404, null, null, "not_found");
        assertError(anonymous.get("/nothing-here"), 404, null, null, "not_found");
        assertThat(log.getOut()).doesNotContain("x".repeat(100)).doesNotContain("nothing-here").doesNotContain("No mapping for");
    }

    // ---- defect 12: values are exact ----

    @Test
    void secondsMustBeExactlyOneOfTheThreeStrings() {
        for (String seconds : new String[]{" 4", "4 ", "04", "4\\t", "\\u0664"}) {
            assertError(http.postJson("/v1/videos", "{\"prompt\":\"p\",\"seconds\":\"" + seconds + "\"}"),
                    400, null, "seconds", null);
        }
        assertError(http.postMultipart("/v1/videos", new Multipart().text("prompt", "p").text("seconds", " 4")),
                400, "seconds must be one of \"4\", \"8\", \"12\"", "seconds", "invalid_value");
    }

    @Test
    void aModelNameIsMatchedExactlyAndAnEmptyOneIsRefused() {
        assertError(http.postJson("/v1/videos", "{\"prompt\":\"p\",\"model\":\"sora-2 \"}"), 404, null, "model", "model_not_found");
        assertError(http.postJson("/v1/videos", "{\"prompt\":\"p\",\"model\":\" sora-2\"}"), 404, null, "model", "model_not_found");
        assertError(http.postJson("/v1/videos", "{\"prompt\":\"p\",\"model\":\"\"}"), 400, null, "model", "invalid_value");
        assertError(http.postMultipart("/v1/videos", new Multipart().text("prompt", "p").text("model", "")), 400, null, "model",
                "invalid_value");
    }

    @Test
    void aSizeIsMatchedExactly() {
        assertError(http.postJson("/v1/videos", "{\"prompt\":\"p\",\"size\":\" 720x1280\"}"), 400, null, "size", "invalid_parameter");
        assertError(http.postJson("/v1/videos", "{\"prompt\":\"p\",\"size\":\"720x1280 \"}"), 400, null, "size", "invalid_parameter");
    }

    @ParameterizedTest
    @ValueSource(strings = {"%EF%BC%92%EF%BC%90", "%D9%A4", "%204", "4%20", "+4"})
    void aListLimitTakesOnlyAsciiDigits(String limit) {
        assertError(http.get("/v1/videos?limit=" + limit), 400, "Invalid 'limit': must be an integer from 1 to 100.", "limit",
                "invalid_value");
        assertError(admin.get("/admin/v1/tenants?limit=" + limit), 400, null, "limit", "invalid_value");
    }

    @Test
    void aPlainHttpReferenceUrlIsRefusedSayingHttpsIsRequired() {
        var r = http.postJson("/v1/videos", "{\"prompt\":\"p\",\"input_reference\":{\"image_url\":\"http://images.example/x.png\"}}");
        assertError(r, 400, "input_reference.image_url must be an https URL; plain http is not fetched", "input_reference",
                "invalid_value");
        var multipart = http.postMultipart("/v1/videos", new Multipart().text("prompt", "p")
                .text("input_reference[image_url]", "HTTP://images.example/x.png"));
        assertError(multipart, 400, "input_reference.image_url must be an https URL; plain http is not fetched", "input_reference",
                "invalid_value");
    }

    private static RawSocket.Answer get(String pathAndQuery, String key) {
        return RawSocket.send(server.port(), "GET " + pathAndQuery + " HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer " + key
                + "\r\nConnection: close\r\n\r\n");
    }

    /** A 4xx OpenAI envelope of type invalid_request_error with an x-request-id, and {@code code} unless null. */
    private static void assertEnvelope(RawSocket.Answer answer, int status, String code) {
        assertThat(answer.status()).as(answer.body()).isEqualTo(status);
        assertThat(answer.header("x-request-id")).as("x-request-id").isNotNull().matches(REQUEST_ID);
        assertThat(answer.header("content-type")).startsWith("application/json");
        JsonNode error = JSON.readTree(answer.body()).get("error");
        assertThat(error.get("type").asString()).isEqualTo("invalid_request_error");
        assertThat(error.get("message").asString()).isNotBlank();
        assertThat(error.has("param")).isTrue();
        if (code != null) assertThat(error.get("code").asString()).isEqualTo(code);
    }
}

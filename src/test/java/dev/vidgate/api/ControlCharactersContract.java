package dev.vidgate.api;

import dev.vidgate.testsupport.RawHttp;
import dev.vidgate.testsupport.RawHttp.Multipart;
import dev.vidgate.testsupport.TestClock;
import dev.vidgate.testsupport.TestServer;
import dev.vidgate.testsupport.media.TestImages;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import dev.vidgate.video.JobStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;

import static dev.vidgate.testsupport.ApiAssertions.assertError;
import static dev.vidgate.testsupport.ApiCalls.json;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * NUL and the other control characters in text fields and query parameters are refused with 400 when
 * the request is read, whatever the database would have made of them (PostgreSQL cannot store NUL at
 * all; H2 stores it). Ordinary whitespace stays allowed in prompts.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@ExtendWith(OutputCaptureExtension.class)
abstract class ControlCharactersContract {
    TestServer server;
    RawHttp http;
    RawHttp admin;

    /** The {@code spring.datasource.*} settings of the database under test; empty for the embedded H2. */
    abstract Map<String, String> database();

    @BeforeAll
    void start(@TempDir Path dataDir) {
        server = TestServer.start(dataDir, new TestClock(), database());
        http = new RawHttp(server.baseUrl(), TestServer.API_KEY);
        admin = new RawHttp(server.baseUrl(), TestServer.ADMIN_KEY);
        new AdminCalls(server).tenant("acme", "");
    }

    @AfterAll
    void stop() {
        server.close();
    }

    @ParameterizedTest
    @ValueSource(strings = {"\\u0000", "\\u0001", "\\u001b", "\\u007f", "\\u0085"})
    void aControlCharacterInAJsonPromptIsRefused(String escaped, CapturedOutput log) {
        assertError(http.postJson("/v1/videos", "{\"prompt\":\"a cat" + escaped + " walks\"}"), 400, null, "prompt", "invalid_value");
        assertError(http.postJson("/v1/videos/video_0123456789abcdef0123456789abcdef/remix", "{\"prompt\":\"x" + escaped + "\"}"),
                400, null, "prompt", "invalid_value");
        assertThat(log.getOut()).doesNotContain(" ERROR ");
    }

    @Test
    void ordinaryWhitespaceStaysAllowedInAPrompt() {
        var r = http.postJson("/v1/videos", "{\"prompt\":\"a cat\\n\\twalks\\r\\nslowly\"}");
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    }

    @Test
    void aControlCharacterInAnyOtherCreateFieldIsRefused() {
        assertError(http.postJson("/v1/videos", "{\"prompt\":\"p\",\"model\":\"sora-2\\u0000\"}"), 400, null, "model", "invalid_value");
        assertError(http.postJson("/v1/videos", "{\"prompt\":\"p\",\"seconds\":\"4\\u0000\"}"), 400, null, "seconds", null);
        assertError(http.postJson("/v1/videos", "{\"prompt\":\"p\",\"size\":\"720x1280\\n\"}"), 400, null, "size", null);
        assertError(http.postJson("/v1/videos", "{\"prompt\":\"p\",\"input_reference\":{\"image_url\":\"https://a.example/\\u0000.png\"}}"),
                400, null, "input_reference", "invalid_value");
        assertError(http.postJson("/v1/videos", "{\"prompt\":\"p\",\"negative_prompt\":\"blur\\u0000\"}"), 400, null, "negative_prompt",
                "invalid_value");
        assertError(http.postJson("/v1/videos", "{\"prompt\":\"p\",\"last_frame\":{\"image_url\":\"https://a.example/\\u0000.png\"}}"),
                400, null, "last_frame", "invalid_value");
    }

    @Test
    void ordinaryWhitespaceInANegativePromptIsStored() {
        var r = http.postJson("/v1/videos", "{\"prompt\":\"p\",\"model\":\"kling-v2-6\",\"seconds\":\"5\",\"size\":\"1280x720\","
                + "\"negative_prompt\":\"no text\\n\\tno logos\",\"seed\":12}");
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        var stored = server.bean(JobStore.class).findById(json(r).get("id").asString()).orElseThrow();
        assertThat(stored.options().negativePrompt()).isEqualTo("no text\n\tno logos");
        assertThat(stored.options().seed()).isEqualTo(12L);
    }

    @Test
    void aControlCharacterInAMultipartFieldIsRefused() {
        assertError(http.postMultipart("/v1/videos", new Multipart().text("prompt", "a cat\u0000walks")), 400, null, "prompt", "invalid_value");
        assertError(http.postMultipart("/v1/videos", new Multipart().utf8Text("prompt", "p").utf8Text("model", "sora-2\u0007")),
                400, null, "model", "invalid_value");
        assertError(http.postMultipart("/v1/videos/video_0123456789abcdef0123456789abcdef/remix",
                new Multipart().text("prompt", "x\u0000")), 400, null, "prompt", "invalid_value");
    }

    @Test
    void aNulInAMultipartFileNameIsRefused(CapturedOutput log) {
        var r = http.postMultipart("/v1/videos", new Multipart().text("prompt", "p")
                .file("input_reference", "a\u0000b.png", "image/png", TestImages.png(720, 1280)));
        assertError(r, 400, null, null, "invalid_multipart");
        assertThat(log.getOut()).doesNotContain(" ERROR ");
    }

    @Test
    void aControlCharacterInAnAdminRequestIsRefused(CapturedOutput log) {
        assertError(admin.postJson("/admin/v1/tenants", "{\"name\":\"evil\\u0000corp\"}"), 400, null, "name", "invalid_value");
        assertError(admin.postJson("/admin/v1/keys", "{\"tenant\":\"acme\",\"name\":\"ci\\u0000key\"}"), 400, null, "name", "invalid_value");
        assertError(admin.postJson("/admin/v1/keys", "{\"tenant\":\"acme\\u0000\"}"), 400, null, "tenant", "invalid_value");
        assertError(admin.postJson("/admin/v1/keys", "{\"tenant\":\"acme\",\"allowed_models\":[\"sora-2\\u0000\"]}"),
                400, null, "allowed_models", "invalid_value");
        assertError(admin.postJson("/admin/v1/tenants/acme/topups", "{\"amount\":5,\"reason\":\"invoice\\u00001\"}"),
                400, null, "reason", "invalid_value");
        assertError(admin.postJson("/admin/v1/tenants/acme/adjustments", "{\"amount\":-5,\"reason\":\"oops\\u0001\"}"),
                400, null, "reason", "invalid_value");
        assertThat(log.getOut()).doesNotContain(" ERROR ");
    }

    @ParameterizedTest
    @ValueSource(strings = {"/v1/videos?after=video_%00", "/v1/videos?order=asc%00", "/v1/usage?scope=key%01",
            "/admin/v1/ledger?after=led_%00", "/admin/v1/ledger?tenant=acme%00", "/admin/v1/keys?tenant=acme%00",
            "/admin/v1/usage?key=key_%00", "/admin/v1/videos?tenant=acme%1b", "/admin/v1/tenants?after=x%00"})
    void aControlCharacterInAQueryParameterIsRefused(String path, CapturedOutput log) {
        RawHttp client = path.startsWith("/admin") ? admin : http;
        assertError(client.get(path), 400, null, null, "invalid_value");
        assertThat(log.getOut()).doesNotContain(" ERROR ");
    }

    @Test
    void theRefusalNamesTheFieldAndTheCharacterWithoutEchoingIt() {
        var r = http.postJson("/v1/videos", "{\"prompt\":\"abc\\u0000def\"}");
        assertError(r, 400, "Invalid 'prompt': control characters such as U+0000 are not allowed (found at character 4).", "prompt",
                "invalid_value");
        assertThat(r.body().getBytes(StandardCharsets.UTF_8)).doesNotContain((byte) 0);
    }
}

package dev.vidgate.engine.relay;

import dev.vidgate.testsupport.Ports;
import dev.vidgate.testsupport.RawHttp;
import dev.vidgate.testsupport.TestClock;
import dev.vidgate.testsupport.TestServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

import static dev.vidgate.testsupport.ApiAssertions.assertError;
import static dev.vidgate.testsupport.ApiAssertions.assertRequestId;
import static dev.vidgate.testsupport.ApiCalls.json;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code POST /admin/v1/channels/{channel}/test} over real HTTP, against OpenAI-shaped fakes: a good channel, one with a
 * wrong key, one whose upstream is down and one that is throttled; the answer never shows an upstream address or key,
 * and testing never moves a circuit.
 */
class ChannelTestRouteTest {
    @TempDir
    static Path dir;

    private static FakeUpstream openai;
    private static FakeUpstream azure;
    private static FakeUpstream throttled;
    private static TestServer server;
    private static RawHttp admin;

    @BeforeAll
    static void start() {
        openai = FakeUpstream.start(Flavour.OPENAI);
        azure = FakeUpstream.start(Flavour.AZURE);
        throttled = FakeUpstream.start(Flavour.OPENAI);
        throttled.failAlways(FakeUpstream.Route.MODELS, Fault.tooManyRequests(20));
        Map<String, String> properties = new HashMap<>();
        channel(properties, 0, "good", "openai", openai.baseUrl(), FakeUpstream.KEY);
        channel(properties, 1, "wrong-key", "openai", openai.baseUrl(), "sk-not-the-key-0123456789abcdef");
        channel(properties, 2, "down", "openai", Ports.closedUrl() + "/v1", FakeUpstream.KEY);
        channel(properties, 3, "throttled", "openai", throttled.baseUrl(), FakeUpstream.KEY);
        channel(properties, 4, "azure", "azure", azure.baseUrl(), FakeUpstream.KEY);
        properties.put("vidgate.relay.channels[4].api-version", FakeUpstream.AZURE_API_VERSION);
        properties.put("vidgate.relay.channels[2].connect-timeout", "1s");
        server = TestServer.start(dir, new TestClock(), properties);
        admin = new RawHttp(server.baseUrl(), TestServer.ADMIN_KEY);
    }

    private static void channel(Map<String, String> properties, int i, String name, String flavour, String baseUrl, String key) {
        String prefix = "vidgate.relay.channels[" + i + "].";
        properties.putAll(Map.of(prefix + "name", name, prefix + "flavour", flavour, prefix + "base-url", baseUrl, prefix + "api-key", key));
    }

    @AfterAll
    static void stop() {
        if (server != null) server.close();
        for (FakeUpstream f : new FakeUpstream[] {openai, azure, throttled}) if (f != null) f.close();
    }

    /** The test's answer, which must say {@code ok}, {@code status} and {@code httpStatus} and name no upstream address or key. */
    private static JsonNode test(String channel, boolean ok, String status, int httpStatus) {
        HttpResponse<String> r = admin.postJson("/admin/v1/channels/" + channel + "/test", "{}");
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        assertThat(r.body()).doesNotContain(FakeUpstream.KEY, "sk-not-the-key", "127.0.0.1", "http:");
        JsonNode body = json(r);
        assertThat(body.get("object").asString()).isEqualTo("channel.test");
        assertThat(body.get("channel").asString()).isEqualTo(channel);
        assertThat(body.get("message").asString()).isNotBlank();
        assertThat(body.get("ok").asBoolean()).as(r.body()).isEqualTo(ok);
        assertThat(body.get("status").asString()).as(r.body()).isEqualTo(status);
        assertThat(body.get("http_status").asInt()).as(r.body()).isEqualTo(httpStatus);
        return body;
    }

    @Test
    void aChannelWithAWorkingKeyIsReachableByItsModelListAndNoVideoIsMade() {
        JsonNode good = test("good", true, "reachable", 200);
        assertThat(good.get("latency_ms").asLong()).isNotNegative();
        assertThat(openai.seen(FakeUpstream.Route.MODELS)).isNotEmpty().allSatisfy(s ->
                assertThat(s.header("Authorization")).isEqualTo("Bearer " + FakeUpstream.KEY));
        assertThat(openai.seen(FakeUpstream.Route.CREATE)).isEmpty();
        assertThat(openai.jobs()).isEmpty();
    }

    @Test
    void anAzureChannelIsAskedWithItsOwnHeaderAndApiVersion() {
        test("azure", true, "reachable", 200);
        assertThat(azure.seen(FakeUpstream.Route.MODELS)).isNotEmpty().allSatisfy(s -> {
            assertThat(s.header("api-key")).isEqualTo(FakeUpstream.KEY);
            assertThat(s.query()).contains("api-version=" + FakeUpstream.AZURE_API_VERSION);
        });
    }

    @Test
    void aWrongKeyIsUnauthorized() {
        test("wrong-key", false, "unauthorized", 401);
    }

    @Test
    void anUpstreamThatIsDownIsUnreachableAtOnceAndItsCircuitStaysClosed() {
        for (int i = 0; i < 6; i++) {
            assertThat(test("down", false, "unreachable", 0).get("latency_ms").asLong()).isLessThan(1_000); // the channel's connect timeout
        }
        JsonNode down = null;
        for (JsonNode c : json(admin.get("/admin/v1/channels")).get("data")) if (c.get("name").asString().equals("down")) down = c;
        assertThat(down).isNotNull();
        assertThat(down.get("circuit").asString()).isEqualTo("closed");
        assertThat(down.get("total_failures").asLong()).isZero();
    }

    @Test
    void aThrottledUpstreamIsRateLimited() {
        test("throttled", false, "rate_limited", 429);
    }

    @Test
    void theBuiltInEngineHasNothingUpstreamToTest() {
        test("builtin", true, "builtin", 0);
    }

    @Test
    void anUnknownChannelIs404InTheOpenAiEnvelope() {
        HttpResponse<String> r = admin.postJson("/admin/v1/channels/nowhere/test", "{}");
        assertError(r, 404, "No channel named 'nowhere'.", "channel", "not_found");
        assertRequestId(r);
    }

    @Test
    void onlyTheAdminKeyMayTestAChannel() {
        HttpResponse<String> r = new RawHttp(server.baseUrl(), TestServer.API_KEY).postJson("/admin/v1/channels/good/test", "{}");
        assertThat(r.statusCode()).isEqualTo(401);
        assertRequestId(r);
    }
}

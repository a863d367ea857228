package dev.vidgate.fuzz;

import dev.vidgate.testsupport.LogCapture;
import dev.vidgate.fuzz.Routes.Fixture;
import dev.vidgate.fuzz.Verdicts.Failure;
import dev.vidgate.testsupport.RawHttp;
import dev.vidgate.testsupport.TestClock;
import dev.vidgate.testsupport.TestServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.json.JsonMapper;

import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The fuzz suite (issue 18): hundreds of hostile requests, generated from a seed by crossing every route
 * ({@link Routes}) with every mutation ({@link Mutations}), sent over real sockets to a whole server on a real
 * database. Every answer must be below 500 and carry {@code x-request-id}; every error must be the OpenAI
 * envelope; nothing may be logged at ERROR or with a stack trace. A failure prints one line per request and
 * the failures grouped by cause.
 *
 * <p>The server under attack is an API-only node (hostile creates that pass stay queued, so no render eats
 * the machine), on data a worker node made first: one completed video, for the content and remix routes.
 */
abstract class HostileRequestsContract {
    static final long SEED = 18;
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @TempDir
    Path dataDir;

    /** The settings that point a node at this contract's database (nothing: the embedded H2 file). */
    abstract Map<String, String> database();

    @Test
    void hostileRequestsOnEveryRouteGetEnvelopedClientErrorsWithARequestIdAndLogNoError() {
        Map<String, String> settings = new HashMap<>(database());
        String completed = renderOneVideo(settings);
        settings.put("vidgate.roles", "api");
        try (TestServer server = TestServer.start(dataDir, new TestClock(), settings)) {
            Fixture fixture = fixture(server, completed);
            List<HostileRequests.Sent> requests = HostileRequests.generate(Routes.all(fixture), Mutations.all(), SEED, server.port());
            assertThat(requests).hasSizeGreaterThanOrEqualTo(500);

            List<Failure> failures;
            try (LogCapture log = new LogCapture()) {
                failures = HostileRequests.send(requests, server.port(), log);
            }
            String report = Verdicts.table(failures) + Verdicts.byCause(failures);
            System.out.println(requests.size() + " hostile requests sent; " + failures.size() + " broke a rule\n" + report);
            assertThat(failures).as(report).isEmpty();
        }
    }

    /** A worker node renders the one video the content and remix routes need, then stops. */
    private String renderOneVideo(Map<String, String> settings) {
        try (TestServer worker = TestServer.start(dataDir, new TestClock(), settings)) {
            var http = new RawHttp(worker.baseUrl(), TestServer.API_KEY);
            String id = idOf(http.postJson("/v1/videos", "{\"prompt\":\"a lighthouse in fog\",\"size\":\"720x1280\",\"seconds\":\"4\"}").body());
            await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofMillis(250))
                    .until(() -> JSON.readTree(http.get("/v1/videos/" + id).body()).path("status").asString(), "completed"::equals);
            return id;
        }
    }

    /** Two videos that stay queued (one to delete, one to cancel), a tenant and a key of its own, for the run to bend. */
    private static Fixture fixture(TestServer server, String completed) {
        var http = new RawHttp(server.baseUrl(), TestServer.API_KEY);
        var admin = new RawHttp(server.baseUrl(), TestServer.ADMIN_KEY);
        String waiting = idOf(http.postJson("/v1/videos", "{\"prompt\":\"waits\"}").body());
        String cancellable = idOf(http.postJson("/v1/videos", "{\"prompt\":\"to cancel\"}").body());
        assertThat(admin.postJson("/admin/v1/tenants", "{\"name\":\"fuzz\"}").statusCode()).isEqualTo(200);
        String key = idOf(admin.postJson("/admin/v1/keys", "{\"tenant\":\"fuzz\",\"name\":\"fuzz\"}").body());
        return new Fixture(completed, waiting, cancellable, "fuzz", key);
    }

    private static String idOf(String json) {
        String id = JSON.readTree(json).path("id").asString();
        assertThat(id).as(json).isNotBlank();
        return id;
    }
}

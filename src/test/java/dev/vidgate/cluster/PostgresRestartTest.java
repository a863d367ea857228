package dev.vidgate.cluster;

import com.openai.client.OpenAIClient;
import com.openai.models.videos.Video;
import com.openai.models.videos.VideoCreateParams;
import dev.vidgate.api.SdkClients;
import dev.vidgate.testsupport.RawHttp;
import dev.vidgate.testsupport.TestClock;
import dev.vidgate.testsupport.TestServer;
import dev.vidgate.testsupport.Waits;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The database goes away under load and comes back: requests answer 503 meanwhile, and every job still completes once. */
class PostgresRestartTest {

    private static EmbeddedPostgres startPostgres(Path dir, int port) throws Exception {
        return EmbeddedPostgres.builder().setDataDirectory(dir).setCleanDataDirectory(false).setPort(port).start();
    }

    /** The pool reconnects within seconds of the database's return; until then 503 is the right answer. */
    private static void awaitServing(RawHttp http, String path) {
        Waits.await("answering 200 after the database came back", Duration.ofSeconds(30), Duration.ofMillis(200))
                .until(() -> http.get(path).statusCode(), status -> {
                    assertThat(status).isIn(200, 503);
                    return status == 200;
                });
    }

    @Test
    void jobsRenderingWhilePostgresRestartsAllCompleteAndRequestsMeanwhileAnswer503(@TempDir Path pgData, @TempDir Path data)
            throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        EmbeddedPostgres pg = startPostgres(pgData, port);
        try (TestServer server = TestServer.start(data, new TestClock(), Map.of(
                "spring.datasource.url", pg.getJdbcUrl("postgres", "postgres"),
                "spring.datasource.username", "postgres",
                "spring.datasource.password", "postgres",
                "spring.datasource.hikari.connection-timeout", "1000",
                "vidgate.lease", "30s"))) {
            OpenAIClient sdk = SdkClients.client(server, TestServer.API_KEY);
            List<String> ids = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                ids.add(sdk.videos().create(VideoCreateParams.builder().prompt("restart " + i)
                        .seconds(com.openai.models.videos.VideoSeconds._8).build()).id());
            }
            Waits.await("rendering started", Duration.ofSeconds(60), Duration.ofMillis(50))
                    .until(() -> !sdk.videos().retrieve(ids.getFirst()).status().asString().equals("queued"));

            pg.close();
            var http = new RawHttp(server.baseUrl(), TestServer.API_KEY);
            var duringOutage = http.get("/v1/videos/" + ids.getFirst());
            assertThat(duringOutage.statusCode()).isEqualTo(503);
            assertThat(duringOutage.body()).contains("\"type\":\"server_error\"").doesNotContain("Exception");
            Waits.await("503 answers while the database is away for 2 s", Duration.ofSeconds(15), Duration.ofMillis(250))
                    .during(Duration.ofSeconds(2)).until(() -> http.get("/v1/videos/" + ids.getFirst()).statusCode() == 503);
            pg = startPostgres(pgData, port);
            awaitServing(http, "/v1/videos/" + ids.getFirst());

            for (String id : ids) {
                Video done = SdkClients.awaitFinished(sdk, id, Duration.ofSeconds(180));
                assertThat(done.status().asString()).as(id).isEqualTo("completed");
                assertThat(sdk.videos().downloadContent(id).body().readAllBytes().length).isGreaterThan(1000);
            }
        } finally {
            pg.close();
        }
    }
}

package dev.vidgate.cluster;

import com.openai.client.OpenAIClient;
import com.openai.models.videos.Video;
import com.openai.models.videos.VideoCreateParams;
import dev.vidgate.api.SdkClients;
import dev.vidgate.testsupport.RawHttp;
import dev.vidgate.testsupport.TestClock;
import dev.vidgate.testsupport.TestServer;
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
    private static void awaitServing(RawHttp http, String path) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        int status;
        do {
            status = http.get(path).statusCode();
            assertThat(status).isIn(200, 503);
            if (status == 200) return;
            Thread.sleep(200);
        } while (System.nanoTime() < deadline);
        throw new AssertionError("still answering " + status + " 30 s after the database came back");
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
            Thread.sleep(500); // let rendering start

            pg.close();
            var duringOutage = new RawHttp(server.baseUrl(), TestServer.API_KEY).get("/v1/videos/" + ids.getFirst());
            assertThat(duringOutage.statusCode()).isEqualTo(503);
            assertThat(duringOutage.body()).contains("\"type\":\"server_error\"").doesNotContain("Exception");
            Thread.sleep(2000);
            pg = startPostgres(pgData, port);
            awaitServing(new RawHttp(server.baseUrl(), TestServer.API_KEY), "/v1/videos/" + ids.getFirst());

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

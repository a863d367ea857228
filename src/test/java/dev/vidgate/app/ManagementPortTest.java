package dev.vidgate.app;

import dev.vidgate.testsupport.RawHttp;
import dev.vidgate.testsupport.Scrape;
import dev.vidgate.testsupport.TestClock;
import dev.vidgate.testsupport.TestServer;
import dev.vidgate.testsupport.Waits;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code management.server.port}: the actuator on a port of its own, also on a node that serves no API. */
class ManagementPortTest {

    @Test
    void aWorkerOnlyNodeServesHealthAndMetricsOnTheManagementPortAndNoApi(@TempDir Path dir) {
        try (TestServer worker = TestServer.start(dir, new TestClock(), Map.of("vidgate.roles", "worker",
                "management.server.port", "0", "management.server.address", "127.0.0.1", "vidgate.metrics.refresh-interval", "200ms"))) {
            assertThat(worker.managementPort()).isPositive();
            var management = new RawHttp("http://127.0.0.1:" + worker.managementPort(), null);

            assertThat(management.get("/actuator/health/readiness").statusCode()).isEqualTo(200);
            Scrape scrape = Waits.await("the job gauges", Duration.ofSeconds(10), Duration.ofMillis(100))
                    .until(() -> Scrape.of(management.get("/actuator/prometheus").body()), s -> s.has("vidgate_jobs_active"));
            assertThat(scrape.value("vidgate_jobs_active", "engine=\"builtin\"", "state=\"queued\"")).isZero();
            assertThat(management.get("/v1/videos").statusCode()).isEqualTo(404);
            assertThat(management.get("/v1/models").statusCode()).isEqualTo(404);
            assertThat(worker.port()).as("the API port").isNotPositive();
        }
    }
}

package dev.vidgate.api.admin;

import dev.vidgate.testsupport.RawHttp;
import dev.vidgate.testsupport.TestServer;
import dev.vidgate.testsupport.TestServerExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static dev.vidgate.testsupport.ApiAssertions.assertError;
import static dev.vidgate.testsupport.ApiAssertions.assertRequestId;
import static org.assertj.core.api.Assertions.assertThat;

/** The metrics endpoints on the API port take the admin key; health stays open for load balancers. */
class ManagementGuardTest {
    @RegisterExtension
    static final TestServerExtension server = TestServerExtension.h2();

    private static final String[] GUARDED = {"/actuator/prometheus", "/actuator/metrics", "/actuator/metrics/jvm.memory.used",
            "/actuator/health/../prometheus"};

    @Test
    void withoutAKeyTheMetricsAnswer401InTheOpenAiEnvelopeWithARequestId() {
        for (String path : GUARDED) {
            var refused = server.http(null).get(path);
            assertError(refused, 401, null, null, "invalid_api_key");
            assertRequestId(refused);
        }
    }

    @Test
    void anApiKeyIsNoAdminKeyForTheMetrics() {
        var refused = server.http(TestServer.API_KEY).get("/actuator/prometheus");
        assertError(refused, 401, null, null, "invalid_api_key");
        assertThat(refused.body()).contains("The admin API takes only the admin key.").doesNotContain(TestServer.API_KEY);
    }

    @Test
    void theAdminKeyGetsThePrometheusScrapeAndTheMetricsList() {
        RawHttp admin = server.http(TestServer.ADMIN_KEY);
        var scrape = admin.get("/actuator/prometheus");
        assertThat(scrape.statusCode()).as(scrape.body()).isEqualTo(200);
        assertThat(scrape.headers().firstValue("Content-Type").orElse("")).startsWith("text/plain");
        assertThat(scrape.body()).contains("# TYPE jvm_memory_used_bytes gauge", "hikaricp_connections", "vidgate_ledger_discrepancies");
        var metrics = admin.get("/actuator/metrics");
        assertThat(metrics.statusCode()).isEqualTo(200);
        assertThat(metrics.body()).contains("\"vidgate.ledger.discrepancies\"", "\"http.server.requests\"");
    }

    @Test
    void healthStaysOpenWithoutAKey() {
        for (String path : new String[] {"/actuator/health", "/actuator/health/liveness", "/actuator/health/readiness"}) {
            assertThat(server.http(null).get(path).statusCode()).as(path).isEqualTo(200);
        }
    }
}

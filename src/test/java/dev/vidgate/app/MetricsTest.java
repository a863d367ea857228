package dev.vidgate.app;

import dev.vidgate.testsupport.ApiCalls;
import dev.vidgate.testsupport.NearlyFullContentStore;
import dev.vidgate.testsupport.RawHttp;
import dev.vidgate.testsupport.Scrape;
import dev.vidgate.testsupport.TestClock;
import dev.vidgate.testsupport.TestServer;
import dev.vidgate.testsupport.Waits;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static dev.vidgate.testsupport.ApiCalls.ok;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The {@code vidgate.*} meters through a real scrape of {@code /actuator/prometheus} after real jobs: a render that
 * completes, one whose video does not fit on the disk, one cancelled, one sent to an upstream that refuses
 * connections; and every metric the Grafana dashboard queries is one the scrape has.
 */
class MetricsTest {
    private static final Pattern METRIC = Pattern.compile("\\b((?:vidgate|http|hikaricp|jvm|process)_[a-z0-9_]+)");
    private static final Duration SCRAPE_WAIT = Duration.ofSeconds(60);

    @TempDir
    Path dataDir;
    TestServer server;

    @AfterEach
    void stop() {
        if (server != null) server.close();
    }

    @Test
    void finishedJobsFailuresQueueAndUpstreamShowInTheScrapeAndTheDashboardQueriesOnlyWhatIsThere() throws IOException {
        NearlyFullContentStore[] store = new NearlyFullContentStore[1];
        server = TestServer.start(dataDir, new TestClock(), Map.of(
                "vidgate.max-attempts", "1",
                "vidgate.storage.probe-interval", "200ms",
                "vidgate.metrics.refresh-interval", "200ms",
                "vidgate.model-engines.sora-2-pro", "relay",
                "vidgate.relay.channels[0].name", "down",
                "vidgate.relay.channels[0].base-url", "http://127.0.0.1:9/v1",
                "vidgate.relay.channels[0].models", "sora-2-pro",
                "vidgate.relay.circuit-failures", "1"), NearlyFullContentStore.around(store));
        var http = new RawHttp(server.baseUrl(), TestServer.API_KEY);

        store[0].fill();
        String failed = create(http, "sora-2");
        awaitStatus(http, failed, "failed");
        store[0].free();
        Waits.await("storage writes working again", SCRAPE_WAIT, Duration.ofMillis(100))
                .until(() -> http.get("/actuator/health/readiness").statusCode() == 200);
        String completed = create(http, "sora-2");
        ApiCalls.awaitCompleted(http, completed);
        String cancelled = create(http, "sora-2");
        assertThat(ok(http.post("/v1/videos/" + cancelled + "/cancel", null, new byte[0])).get("status").asString()).isEqualTo("cancelled");
        create(http, "sora-2-pro");

        // A scrape is no snapshot: the upstream timer's collector comes into being with the first request, and one that
        // appears while a scrape runs may be missed by it while the circuit gauge, read later in the same scrape, is
        // already open. So the wait is for the failed request itself, not only for the circuit it opened.
        Scrape scrape = awaitScrape("the upstream's failed request counted, its circuit open and the builtin queue empty", s ->
                s.has("vidgate_upstream_requests_seconds_count", "channel=\"down\"", "outcome=\"failure\"")
                        && s.has("vidgate_upstream_circuit", "channel=\"down\"", "state=\"open\"")
                        && s.value("vidgate_upstream_circuit", "channel=\"down\"", "state=\"open\"") == 1
                        && s.value("vidgate_jobs_active", "engine=\"builtin\"", "state=\"queued\"") == 0
                        && s.value("vidgate_jobs_active", "engine=\"builtin\"", "state=\"in_progress\"") == 0);

        assertThat(scrape.value("vidgate_jobs_finished_total", "engine=\"builtin\"", "state=\"completed\"")).isEqualTo(1);
        assertThat(scrape.value("vidgate_jobs_finished_total", "engine=\"builtin\"", "state=\"failed\"")).isEqualTo(1);
        assertThat(scrape.value("vidgate_jobs_finished_total", "engine=\"builtin\"", "state=\"cancelled\"")).isEqualTo(1);
        assertThat(scrape.value("vidgate_jobs_failures_total", "code=\"storage_unavailable\"", "engine=\"builtin\"")).isEqualTo(1);
        assertThat(scrape.value("vidgate_jobs_run_time_seconds_count", "engine=\"builtin\"", "model=\"sora-2\"", "state=\"completed\""))
                .isEqualTo(1);
        assertThat(scrape.value("vidgate_jobs_queue_wait_seconds_count", "engine=\"builtin\"", "model=\"sora-2\"")).isGreaterThanOrEqualTo(2);
        assertThat(scrape.value("vidgate_upstream_requests_seconds_count", "channel=\"down\"", "outcome=\"failure\""))
                .isGreaterThanOrEqualTo(1);
        assertThat(scrape.value("vidgate_upstream_circuit", "channel=\"down\"", "state=\"closed\"")).isZero();
        assertThat(scrape.value("vidgate_queue_depth_key", "key=\"other\"")).isZero();
        assertThat(scrape.value("vidgate_ledger_discrepancies")).isZero();
        assertThat(scrape.has("vidgate_jobs_run_time_seconds_bucket", "le=\"+Inf\"")).isTrue();
        assertThat(scrape.has("http_server_requests_seconds_bucket", "uri=\"/v1/videos\"", "le=\"0.25\"")).as("a fixed bucket").isTrue();
        assertThat(scrape.has("http_server_requests_seconds_bucket", "le=\"0.001048576\"")).as("a percentile-histogram bucket").isFalse();
        assertThat(scrape.names()).as("no long task timer per request").noneMatch(name -> name.startsWith("http_server_requests_active"));

        Set<String> queried = dashboardMetrics();
        assertThat(queried).contains("vidgate_jobs_active", "vidgate_upstream_circuit", "http_server_requests_seconds_bucket");
        assertThat(scrape.names()).containsAll(queried);
    }

    @Test
    void queuedJobsCountPerEngineAndForTheKeysWithTheLongestQueues(@TempDir Path dir) {
        server = TestServer.start(dir, new TestClock(), Map.of("vidgate.roles", "api", "vidgate.metrics.refresh-interval", "200ms",
                "vidgate.metrics.max-keys", "1"));
        var http = new RawHttp(server.baseUrl(), TestServer.API_KEY);
        String secondKey = ok(new RawHttp(server.baseUrl(), TestServer.ADMIN_KEY).postJson("/admin/v1/keys",
                "{\"tenant\":\"default\",\"name\":\"second\"}")).get("secret").asString();
        create(http, "sora-2");
        create(http, "sora-2");
        create(new RawHttp(server.baseUrl(), secondKey), "sora-2");

        Scrape scrape = awaitScrape("three queued jobs", s -> s.has("vidgate_jobs_active")
                && s.value("vidgate_jobs_active", "engine=\"builtin\"", "state=\"queued\"") == 3);
        assertThat(scrape.value("vidgate_jobs_active", "engine=\"builtin\"", "state=\"in_progress\"")).isZero();
        assertThat(scrape.value("vidgate_queue_depth_key", "key=\"other\"")).as("the shorter queue, beyond max-keys").isEqualTo(1);
    }

    private static String create(RawHttp http, String model) {
        return ok(http.postJson("/v1/videos", "{\"model\":\"" + model + "\",\"prompt\":\"waves on a pier\",\"seconds\":\"4\"}"))
                .get("id").asString();
    }

    private static void awaitStatus(RawHttp http, String id, String status) {
        ApiCalls.awaitVideo(id, Waits.RENDER, () -> ApiCalls.json(http.get("/v1/videos/" + id)), v -> v.get("status").asString(),
                v -> v.get("status").asString().equals(status));
    }

    private Scrape awaitScrape(String what, java.util.function.Predicate<Scrape> wanted) {
        var admin = new RawHttp(server.baseUrl(), TestServer.ADMIN_KEY);
        return Waits.await(what, SCRAPE_WAIT, Duration.ofMillis(200))
                .until(() -> Scrape.of(admin.get("/actuator/prometheus").body()), s -> s.has("vidgate_jobs_active") && wanted.test(s));
    }

    /** Every metric name the expressions of deploy/grafana-dashboard.json use. */
    private static Set<String> dashboardMetrics() throws IOException {
        JsonNode dashboard = JsonMapper.builder().build().readTree(Files.readString(Path.of("deploy/grafana-dashboard.json")));
        Set<String> names = new TreeSet<>();
        for (JsonNode panel : dashboard.get("panels")) {
            for (JsonNode target : panel.get("targets")) {
                Matcher m = METRIC.matcher(target.get("expr").asString());
                while (m.find()) names.add(m.group(1));
            }
        }
        return names;
    }
}

package dev.vidgate.cluster;

import com.openai.client.OpenAIClient;
import com.openai.models.videos.Video;
import com.openai.models.videos.VideoCreateParams;
import com.openai.models.videos.VideoSeconds;
import dev.vidgate.api.SdkClients;
import dev.vidgate.video.JobAttempt;
import dev.vidgate.video.JobStore;
import dev.vidgate.video.jdbc.JdbcJobStore;
import dev.vidgate.testsupport.NodeProcess;
import dev.vidgate.testsupport.RawHttp;
import dev.vidgate.testsupport.S3ProxyServer;
import dev.vidgate.testsupport.TestDatabases;
import dev.vidgate.testsupport.Waits;
import dev.vidgate.testsupport.media.Mp4Probe;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.transaction.support.TransactionTemplate;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Three node processes on one PostgreSQL and one s3proxy bucket. Jobs are created across all nodes;
 * one node is killed with SIGKILL while it renders. Every job completes exactly once, every video
 * downloads from every node, the ledger balances with exactly one settlement per job, and the
 * recorded attempts prove no key ever ran more than its limit.
 */
class ThreeNodeClusterTest {
    private static final String API_KEY = ClusterNodes.API_KEY;
    private static final int JOBS = 30;

    private ClusterNodes cluster;
    private S3ProxyServer s3;

    @AfterEach
    void stopNodes() {
        if (cluster != null) cluster.close();
        if (s3 != null) s3.close();
    }

    @Test
    void thirtyJobsOnThreeNodesSurviveASigkilledNodeAndRunExactlyOnceWithinTheKeyLimit(@TempDir Path root) throws Exception {
        String url = TestDatabases.freshPostgresUrl();
        s3 = S3ProxyServer.start();
        String bucket = s3.createBucket();
        cluster = new ClusterNodes(url, root, s3.appProperties(bucket, "cluster"));
        List<NodeProcess> nodes = cluster.nodes;
        cluster.addTogether("node-1", "node-2", "node-3");

        List<String> keys = List.of(API_KEY, ClusterNodes.createKey(nodes.get(1), "team-b"), ClusterNodes.createKey(nodes.get(2), "team-c"));
        Map<String, String> keyOfVideo = new HashMap<>();
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < JOBS; i++) {
            String key = keys.get(i % keys.size());
            OpenAIClient sdk = SdkClients.client(nodes.get(i % 3).baseUrl(), key);
            String id = sdk.videos().create(VideoCreateParams.builder().prompt("cluster job " + i + ": waves under a night sky")
                    .seconds(VideoSeconds._4).build()).id();
            ids.add(id);
            keyOfVideo.put(id, key);
        }

        JobStore store = storeOn(url);
        NodeProcess victim = awaitNodeRendering(url, nodes.get(0), nodes.get(1));
        victim.kill();

        NodeProcess survivor = nodes.stream().filter(NodeProcess::isAlive).findFirst().orElseThrow();
        for (String id : ids) {
            Video done = SdkClients.awaitFinished(SdkClients.client(survivor.baseUrl(), keyOfVideo.get(id)), id, Duration.ofMinutes(5));
            assertThat(done.status().asString()).as(id).isEqualTo("completed");
        }

        // The killed node comes back, and every node serves every video.
        cluster.restart(victim);
        for (String id : ids) {
            List<Integer> sizes = new ArrayList<>();
            for (NodeProcess node : nodes) {
                var response = new RawHttp(node.baseUrl(), keyOfVideo.get(id)).getBytes("/v1/videos/" + id + "/content");
                assertThat(response.statusCode()).as(id + " from " + node.name()).isEqualTo(200);
                sizes.add(response.body().length);
                if (id.equals(ids.getFirst())) assertThat(Mp4Probe.of(response.body()).frameCount()).isEqualTo(96);
            }
            assertThat(sizes).as(id).containsOnly(sizes.getFirst());
        }

        assertThat(s3.keys(bucket)).as("three renditions per video, nothing else").hasSize(3 * JOBS)
                .allMatch(k -> k.startsWith("cluster/videos/"));
        assertThat(s3.pendingUploads(bucket)).isEmpty();

        assertThat(ClusterNodes.reconciliation(survivor)).contains("\"balanced\":true").contains("\"discrepancies\":[]");
        assertThat(new JdbcTemplate(dataSource(url)).queryForObject(
                "SELECT COUNT(*) FROM ledger WHERE video_id IS NOT NULL AND kind = 'SETTLE'", Integer.class)).isEqualTo(JOBS);

        List<JobAttempt> attempts = new ArrayList<>();
        for (String key : keys) attempts.addAll(store.attemptsOfKey(keyIdOf(url, key)));
        Map<String, List<JobAttempt>> byVideo = attempts.stream().collect(Collectors.groupingBy(JobAttempt::videoId));
        assertThat(byVideo.keySet()).containsExactlyInAnyOrderElementsOf(ids);
        byVideo.forEach((id, tries) -> assertThat(tries.stream().filter(a -> "completed".equals(a.outcome())).count())
                .as("completed attempts of " + id).isEqualTo(1));
        assertThat(attempts).as("attempts cut short by the SIGKILL").anyMatch(a -> "lost".equals(a.outcome()) && a.worker().equals(victim.name()));
        Map<String, List<JobAttempt>> byKey = attempts.stream().collect(Collectors.groupingBy(JobAttempt::keyId));
        assertThat(byKey).hasSize(3);
        byKey.forEach((keyId, tries) -> assertThat(maxOverlap(tries)).as("jobs of " + keyId + " running at once").isBetween(1, 2));
    }

    /** Waits until one of {@code candidates} has a job in progress and returns it. */
    private static NodeProcess awaitNodeRendering(String url, NodeProcess... candidates) {
        JdbcTemplate jdbc = new JdbcTemplate(dataSource(url));
        return Waits.await("a node rendering after 10 completions", Duration.ofSeconds(120), Duration.ofMillis(50)).until(() -> {
            Integer completed = jdbc.queryForObject("SELECT COUNT(*) FROM videos WHERE status = 'COMPLETED'", Integer.class);
            for (NodeProcess node : candidates) {
                Integer running = jdbc.queryForObject("SELECT COUNT(*) FROM videos WHERE status = 'IN_PROGRESS' AND lease_owner = ?",
                        Integer.class, node.name());
                if (completed != null && completed >= 10 && running != null && running > 0) return node;
            }
            return null;
        }, Objects::nonNull);
    }

    /** The most attempts open at one instant; an attempt still open counts until now. */
    private static int maxOverlap(List<JobAttempt> attempts) {
        TreeMap<Instant, Integer> changes = new TreeMap<>();
        for (JobAttempt a : attempts) {
            changes.merge(a.startedAt(), 1, Integer::sum);
            changes.merge(a.endedAt() == null ? Instant.now() : a.endedAt(), -1, Integer::sum);
        }
        int open = 0;
        int max = 0;
        // Ends sort with starts at the same instant: an end and a start at one millisecond do not overlap.
        for (int delta : changes.values()) {
            open += delta;
            max = Math.max(max, open);
        }
        return max;
    }

    private static String keyIdOf(String url, String secret) {
        return new JdbcTemplate(dataSource(url)).queryForObject("SELECT id FROM api_keys WHERE secret_hash = ?", String.class,
                dev.vidgate.tenancy.Secrets.hash(secret));
    }

    private static JobStore storeOn(String url) {
        var ds = dataSource(url);
        return new JdbcJobStore(new JdbcTemplate(ds), new TransactionTemplate(new DataSourceTransactionManager(ds)));
    }

    private static DriverManagerDataSource dataSource(String url) {
        return new DriverManagerDataSource(url, "postgres", "postgres");
    }
}

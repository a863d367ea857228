package dev.vidgate.cluster;

import com.openai.client.OpenAIClient;
import com.openai.models.videos.VideoCreateParams;
import com.openai.models.videos.VideoSeconds;
import dev.vidgate.api.SdkClients;
import dev.vidgate.testsupport.NodeProcess;
import dev.vidgate.testsupport.TestDatabases;
import dev.vidgate.testsupport.Waits;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Jobs per minute with 1, 2 and 3 nodes on one PostgreSQL (run by bench/cluster.sh). Each round uses
 * a fresh database, starts the nodes, creates the same batch of 4 s 1280x720 jobs spread over three
 * keys (limit 2 each) and across the nodes, and times until the last completes.
 */
public final class ClusterBenchmark {
    public static void main(String[] args) throws Exception {
        int jobs = args.length > 0 ? Integer.parseInt(args[0]) : 24;
        System.out.printf("machine: %d cores; %d jobs of 4 s 1280x720 per round, 3 keys x 2 running, 2 slots and 1 render thread per node%n",
                Runtime.getRuntime().availableProcessors(), jobs);
        System.out.printf("%-6s %10s %12s%n", "nodes", "seconds", "jobs/min");
        for (int n = 1; n <= 3; n++) {
            String url = TestDatabases.freshPostgresUrl();
            Path root = Files.createTempDirectory("vidgate-cluster-bench");
            try (ClusterNodes cluster = new ClusterNodes(url, root, Map.of("logging.level.root", "WARN"))) {
                for (int i = 1; i <= n; i++) cluster.add("node-" + i);
                List<NodeProcess> nodes = cluster.nodes;
                List<String> keys = List.of(ClusterNodes.API_KEY, ClusterNodes.createKey(nodes.getFirst(), "bench-b"),
                        ClusterNodes.createKey(nodes.getFirst(), "bench-c"));
                long start = System.nanoTime();
                List<String> ids = new ArrayList<>();
                for (int i = 0; i < jobs; i++) {
                    OpenAIClient sdk = SdkClients.client(nodes.get(i % n).baseUrl(), keys.get(i % keys.size()));
                    ids.add(sdk.videos().create(VideoCreateParams.builder().prompt("bench " + i + ": city lights at night")
                            .seconds(VideoSeconds._4).build()).id());
                }
                JdbcTemplate jdbc = new JdbcTemplate(new DriverManagerDataSource(url, "postgres", "postgres"));
                Waits.await(jobs + " jobs completed", Duration.ofHours(1), Duration.ofMillis(100)).until(() -> count(jdbc) >= jobs);
                double seconds = (System.nanoTime() - start) / 1e9;
                System.out.printf("%-6d %10.1f %12.1f%n", n, seconds, jobs * 60 / seconds);
            }
        }
        System.exit(0);
    }

    private static int count(JdbcTemplate jdbc) {
        Integer done = jdbc.queryForObject("SELECT COUNT(*) FROM videos WHERE status = 'COMPLETED'", Integer.class);
        Integer failed = jdbc.queryForObject("SELECT COUNT(*) FROM videos WHERE status IN ('FAILED', 'CANCELLED')", Integer.class);
        if (failed != null && failed > 0) throw new IllegalStateException(failed + " job(s) did not complete");
        return done == null ? 0 : done;
    }
}

package dev.vidgate.bench;

import dev.vidgate.jobs.ExpirySweeper;
import dev.vidgate.storage.fs.FileSystemContentStore;
import dev.vidgate.testsupport.TestDatabases;
import dev.vidgate.testsupport.TestServer;
import dev.vidgate.testsupport.TestClock;
import dev.vidgate.video.JobStore;
import org.springframework.jdbc.core.JdbcTemplate;

import javax.sql.DataSource;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Costs at a million jobs (run by bench/scale.sh): fills a database with {@link ScaleData}, starts a server on it and
 * prints p50/p99 of the dispatcher's claim, GET of one job at 64 clients ({@link Wrk}, from outside this JVM, after a warm-up),
 * the first and a deep page of the list, usage
 * for a tenant, the expiry sweep's throughput while claims run, the start-up time, and the database's size on disk.
 * Usage: ScaleBenchmark h2|postgres [jobs=1000000] [keys=1000, a multiple of 100]
 */
public final class ScaleBenchmark {
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    public static void main(String[] args) throws Exception {
        boolean postgres = args.length > 0 && args[0].equals("postgres");
        int jobs = args.length > 1 ? Integer.parseInt(args[1]) : 1_000_000;
        int keys = args.length > 2 ? Integer.parseInt(args[2]) : 1000;
        Path data = temporaryDirectory("vidgate-scale");
        Map<String, String> props = postgres
                ? Map.of("spring.datasource.url", TestDatabases.freshPostgresUrl(), "spring.datasource.username", "postgres",
                "spring.datasource.password", "postgres", "logging.level.root", "WARN")
                : Map.of("logging.level.root", "WARN");
        System.out.printf("%s, %,d jobs (%,d queued across %,d keys), %d cores; figures are indicative on a shared machine%n",
                postgres ? "PostgreSQL (embedded)" : "H2 (file)", jobs, jobs / 10, keys, Runtime.getRuntime().availableProcessors());
        String bootstrapKey, bootstrapTenant;
        Instant now = Instant.now();
        ScaleData fill;
        try (TestServer empty = TestServer.start(data, new TestClock(), props)) {
            JdbcTemplate jdbc = new JdbcTemplate(empty.bean(DataSource.class));
            bootstrapKey = jdbc.queryForObject("SELECT id FROM api_keys ORDER BY created_at LIMIT 1", String.class);
            bootstrapTenant = jdbc.queryForObject("SELECT tenant_id FROM api_keys WHERE id = ?", String.class, bootstrapKey);
            fill = new ScaleData(jdbc, postgres, now);
            long t0 = System.nanoTime();
            fill.fill(jobs, keys, bootstrapKey, bootstrapTenant);
            System.out.printf("%-34s %8.1f s%n", "fill", (System.nanoTime() - t0) / 1e9);
            System.out.printf("%-34s %s%n", "database on disk after the fill", onDisk(jdbc, postgres, data));
        }
        long t0 = System.nanoTime();
        try (TestServer server = TestServer.start(data, new TestClock(), props)) {
            System.out.printf("%-34s %8.1f s%n", "start-up on the filled database", (System.nanoTime() - t0) / 1e9);
            JobStore store = server.bean(JobStore.class);
            // The first claims after start run while the JIT compiles the claim's code, and on statistics taken when no job
            // ran: PostgreSQL then estimates one running job, and counted a key's running jobs through (status, lease_until),
            // reading every running job of every key (3,746 rows for 4 after 3,000 claims at 200,000 jobs). A live
            // database's statistics know its running jobs; so the claim is measured after these, on fresh statistics.
            report("claim, the first 1,000 after start", claims(store, now, Math.min(1000, jobs / 40), null));
            new JdbcTemplate(server.bean(DataSource.class)).execute("ANALYZE");
            report("claim (dispatcher query)", claims(store, now, Math.min(2000, jobs / 20), null));
            String base = server.baseUrl() + "/v1/videos";
            String one = ScaleData.id(Math.max(keys, jobs / 2 / keys * keys)); // a completed job of the bootstrap key
            // from outside this JVM, with wrk, after a warm-up: the server's figures, not those of a client sharing its JVM
            // 20 s of warm-up: on 2 cores shared with wrk, C2 takes about that long to settle
            Wrk.Figures get = Wrk.get(base + "/" + one, TestServer.API_KEY, 64, 20, 10,
                    () -> ServerHistogram.read(server.baseUrl(), TestServer.ADMIN_KEY, "/v1/videos/{id}"));
            System.out.printf("%-34s p50 %8.2f ms   p99 %8.2f ms   (wrk -c64, 10 s after 20 s warm-up, %,.0f req/s)%n  %s%n",
                    "GET /v1/videos/{id} (64 clients)", get.p50(), get.p99(), get.requestsPerSecond(), get.server());
            report("GET /v1/videos first page", concurrently(1, 200, () -> base + "?limit=20"));
            // the bootstrap tenant's jobs are every 100th (keys 0, 100, ...): a cursor nine tenths of the way down the list
            String deep = ScaleData.id(Math.max(100, jobs / 10 / 100 * 100));
            report("GET /v1/videos deep page (after)", concurrently(1, 200, () -> base + "?limit=20&after=" + deep));
            report("GET /v1/usage?scope=tenant", concurrently(1, 50, () -> server.baseUrl() + "/v1/usage?scope=tenant"));
            sweep(store, fill.expiredBy(), now);
            System.out.printf("%-34s %s%n", "database on disk at the end", onDisk(new JdbcTemplate(server.bean(DataSource.class)), postgres, data));
        }
        System.exit(0);
    }

    /**
     * The database's size on disk: PostgreSQL's own figure, or the H2 file's size with the share of it that live data
     * fills (H2 writes each commit to new space and, with WRITE_DELAY=0, never rewrites the old in the background).
     */
    private static String onDisk(JdbcTemplate jdbc, boolean postgres, Path data) throws java.io.IOException {
        if (postgres) {
            return String.format("%,d MB (pg_database_size)", jdbc.queryForObject("SELECT pg_database_size(current_database())", Long.class) >> 20);
        }
        long bytes;
        try (var files = Files.walk(data.resolve("db"))) {
            bytes = files.filter(Files::isRegularFile).mapToLong(f -> f.toFile().length()).sum();
        }
        String live = jdbc.queryForObject("SELECT setting_value FROM information_schema.settings WHERE setting_name = 'info.CHUNKS_FILL_RATE'", String.class);
        return String.format("%,d MB (H2 file, %s%% of it live data)", bytes >> 20, live);
    }

    /** Claims as the dispatcher does (its query, its engines), {@code n} times; the latencies in ms. */
    private static double[] claims(JobStore store, Instant now, int n, AtomicBoolean until) {
        List<Double> ms = new ArrayList<>();
        for (int i = 0; until != null ? !until.get() : i < n; i++) {
            long t = System.nanoTime();
            store.claimNext("bench-worker", now, Duration.ofHours(1), Set.of(ScaleData.ENGINE));
            ms.add((System.nanoTime() - t) / 1e6);
        }
        return ms.stream().mapToDouble(Double::doubleValue).toArray();
    }

    /** A new temporary directory, deleted when the bench ends however it ends: a million jobs take gigabytes on H2. */
    private static Path temporaryDirectory(String prefix) throws java.io.IOException {
        Path dir = Files.createTempDirectory(prefix);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> org.springframework.util.FileSystemUtils.deleteRecursively(dir.toFile())));
        return dir;
    }

    /** The sweep as its duty runs it: batch after batch until nothing is due. */
    private static void sweep(JobStore store, Instant expiredBy, Instant now) throws Exception {
        // the wall clock moved to when the backlog is due (the server's own sweep, on its test clock, sees nothing due)
        InstantSource clock = Clock.offset(Clock.systemUTC(), Duration.between(Instant.now(), expiredBy));
        ExpirySweeper sweeper = new ExpirySweeper(store, new FileSystemContentStore(temporaryDirectory("vidgate-scale-content")),
                clock, Duration.ofHours(1));
        AtomicBoolean done = new AtomicBoolean();
        try (var pool = Executors.newSingleThreadExecutor()) {
            Future<double[]> during = pool.submit(() -> claims(store, now, 0, done));
            long t = System.nanoTime();
            int swept = sweeper.sweepDue(Duration.ofSeconds(60));
            double seconds = (System.nanoTime() - t) / 1e9;
            done.set(true);
            System.out.printf("%-34s %8.0f expired jobs/s (%,d in %.1f s)%n", "expiry sweep", swept / seconds, swept, seconds);
            report("claim during the sweep", during.get());
        }
    }

    private static double[] concurrently(int clients, int perClient, java.util.function.Supplier<String> url) throws Exception {
        for (int i = 0; i < 50; i++) get(url.get()); // warm-up
        List<Future<double[]>> all = new ArrayList<>();
        try (var pool = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int c = 0; c < clients; c++) {
                all.add(pool.submit(() -> {
                    double[] ms = new double[perClient];
                    for (int i = 0; i < perClient; i++) {
                        long t = System.nanoTime();
                        get(url.get());
                        ms[i] = (System.nanoTime() - t) / 1e6;
                    }
                    return ms;
                }));
            }
            List<Double> ms = new ArrayList<>();
            for (Future<double[]> f : all) for (double d : f.get()) ms.add(d);
            return ms.stream().mapToDouble(Double::doubleValue).toArray();
        }
    }

    private static void get(String url) throws Exception {
        HttpResponse<Void> r = HTTP.send(HttpRequest.newBuilder(URI.create(url)).header("Authorization", "Bearer " + TestServer.API_KEY).build(),
                HttpResponse.BodyHandlers.discarding());
        if (r.statusCode() != 200) throw new IllegalStateException(url + " answered " + r.statusCode());
    }

    private static void report(String what, double[] ms) {
        if (ms.length == 0) {
            System.out.printf("%-34s (no samples)%n", what);
            return;
        }
        Arrays.sort(ms);
        System.out.printf("%-34s p50 %8.2f ms   p99 %8.2f ms   (%,d samples)%n", what, ms[ms.length / 2],
                ms[Math.min(ms.length - 1, (int) Math.ceil(ms.length * 0.99) - 1)], ms.length);
    }
}

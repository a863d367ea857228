package dev.vidgate.webhooks;

import dev.vidgate.testsupport.Waits;
import dev.vidgate.video.Video;

import java.time.Duration;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * bench/webhooks.sh: N jobs (default 1,000) finish at once on one node (H2, production delivery settings, a receiver on
 * 127.0.0.1 answering 200); prints the delivery lag from each job's completion to its receiver's 2xx, p50/p99/max.
 */
public final class WebhookLagBenchmark {
    private WebhookLagBenchmark() {}

    public static void main(String[] args) throws Exception {
        int jobs = args.length > 0 ? Integer.parseInt(args[0]) : 1000;
        try (var rig = new WebhookRig(WebhookRig.pooledH2(), InstantSource.system(), new Doorbell(),
                WebhookSettings.DEFAULTS.withAllowPrivate(true))) {
            rig.endpoint("ten_bench", null);
            List<Video> running = new ArrayList<>();
            for (int i = 0; i < jobs; i++) running.add(rig.running("ten_bench"));
            rig.deliverer.start();
            warmUp(rig);
            long start = System.nanoTime();
            try (ExecutorService workers = Executors.newFixedThreadPool(8)) {
                List<Future<Video>> done = new ArrayList<>();
                for (Video job : running) done.add(workers.submit(() -> rig.complete(job)));
                for (Future<Video> f : done) f.get();
            }
            long finished = System.nanoTime();
            Waits.await(jobs + " acknowledged webhooks", Duration.ofMinutes(10), Duration.ofMillis(50))
                    .until(() -> rig.metrics.lags.size() >= jobs);
            List<Duration> lags = rig.metrics.lags.stream().sorted().toList();
            System.out.printf("%d jobs finished in %d ms; all %d events acknowledged %d ms after the last%n", jobs,
                    (finished - start) / 1_000_000, jobs, (System.nanoTime() - finished) / 1_000_000);
            System.out.printf("delivery lag (job completion to 2xx): p50 %d ms, p99 %d ms, max %d ms (target p99 <= 2000 ms)%n",
                    at(lags, 0.50), at(lags, 0.99), lags.getLast().toMillis());
        }
    }

    /** A node that has run for a while: its delivery path (HTTP client, signer, queries) compiled, its connections made. */
    private static void warmUp(WebhookRig rig) {
        for (int round = 0; round < 5; round++) {
            for (int i = 0; i < 100; i++) rig.complete(rig.running("ten_bench"));
            int expected = (round + 1) * 100;
            Waits.await("warm-up deliveries", Duration.ofMinutes(2), Duration.ofMillis(20)).until(() -> rig.metrics.lags.size() >= expected);
        }
        rig.metrics.lags.clear();
    }

    private static long at(List<Duration> sorted, double quantile) {
        return sorted.get(Math.max(0, (int) Math.ceil(sorted.size() * quantile) - 1)).toMillis();
    }
}

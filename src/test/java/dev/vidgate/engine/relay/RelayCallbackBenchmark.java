package dev.vidgate.engine.relay;

import dev.vidgate.catalog.ModelCatalog;
import dev.vidgate.catalog.VideoSize;
import dev.vidgate.engine.EngineStatus;
import dev.vidgate.engine.GenerationRequest;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

/**
 * How soon a job finished upstream becomes finished here, with and without provider callbacks, in the same minute:
 * {@code jobs} jobs run on a local fake upstream (real HTTP on 127.0.0.1, this JVM) with the production poll settings;
 * each is marked completed upstream at a random moment, and the time until the relay reports it done (video downloaded,
 * checked and its stills made) is measured. With callbacks, the provider's call is played by calling the relay's hint
 * at the moment of completion (what {@code POST /relay/callbacks/<token>} does). Run by {@code bench/relay.sh callbacks}.
 */
public final class RelayCallbackBenchmark {
    private RelayCallbackBenchmark() {}

    public static void main(String[] args) throws Exception {
        int jobs = args.length > 0 ? Integer.parseInt(args[0]) : 40;
        System.out.printf("relay callback benchmark: %d jobs per run, production poll settings (1 s .. 4 s), %d cores%n", jobs,
                Runtime.getRuntime().availableProcessors());
        long[] polled = run(jobs, false);
        long[] called = run(jobs, true);
        System.out.printf("upstream completion -> completed here, polling only: p50 %d ms, p95 %d ms, max %d ms%n",
                at(polled, 0.5), at(polled, 0.95), polled[polled.length - 1]);
        System.out.printf("upstream completion -> completed here, with callbacks: p50 %d ms, p95 %d ms, max %d ms%n",
                at(called, 0.5), at(called, 0.95), called[called.length - 1]);
        System.out.printf("ratio (polling / callbacks) at p50: %.1fx; target (callbacks within a second at p95): %s%n",
                at(polled, 0.5) / (double) Math.max(1, at(called, 0.5)), at(called, 0.95) <= 1000 ? "MET" : "NOT MET");
    }

    /** Each job's delay from its upstream completion to our Done, sorted, in milliseconds. */
    private static long[] run(int jobs, boolean callbacks) throws Exception {
        Path work = Files.createTempDirectory("vidgate-callback-bench");
        CallbackRecording provider = new CallbackRecording();
        try (FakeUpstream upstream = FakeUpstream.quiet(Flavour.OPENAI)) {
            upstream.pollsToFinish = Integer.MAX_VALUE;
            ChannelSettings channel = ChannelSettings.of("bench", URI.create(upstream.baseUrl()), ApiKey.of(FakeUpstream.KEY), provider)
                    .withTimeouts(Duration.ofSeconds(5), Duration.ofSeconds(10));
            RelayServices services = new RelayServices(ModelCatalog.defaults("relay"), Submission.ImageLinks.NONE,
                    callbacks ? URI.create("https://videos.example.com") : null);
            try (RelayEngine engine = new RelayEngine(RelaySettings.defaults(List.of(channel), work), InstantSource.system(),
                    RelayMetrics.NONE, services)) {
                List<GenerationRequest> requests = new ArrayList<>();
                List<String> handles = new ArrayList<>();
                for (int i = 0; i < jobs; i++) {
                    GenerationRequest request = new GenerationRequest("video_cb_" + callbacks + "_" + i, "sora-2",
                            new VideoSize(320, 180), 1, "bench " + i, null);
                    requests.add(request);
                    handles.add(engine.start(request));
                }
                Thread.sleep(Duration.ofSeconds(10)); // poll intervals grow to their steady state
                long[] delays = new long[jobs];
                for (int i = 0; i < jobs; i++) {
                    Thread.sleep(ThreadLocalRandom.current().nextLong(50, 400)); // spread the completions over the poll cycle
                    String upstreamId = handles.get(i).substring(handles.get(i).indexOf('/') + 1);
                    long finished = System.nanoTime();
                    upstream.force(upstreamId, "completed");
                    if (callbacks) engine.hint(provider.token(requests.get(i).jobId()));
                    while (!(engine.check(requests.get(i), handles.get(i)) instanceof EngineStatus.Done)) Thread.sleep(5);
                    delays[i] = (System.nanoTime() - finished) / 1_000_000;
                    engine.release(handles.get(i));
                }
                Arrays.sort(delays);
                return delays;
            }
        } finally {
            try (var files = Files.walk(work)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    private static long at(long[] sorted, double q) {
        return sorted[Math.min(sorted.length - 1, (int) Math.floor(q * sorted.length))];
    }
}

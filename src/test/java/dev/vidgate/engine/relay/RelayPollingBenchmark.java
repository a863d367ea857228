package dev.vidgate.engine.relay;

import dev.vidgate.engine.EngineStatus;
import dev.vidgate.engine.GenerationRequest;
import dev.vidgate.catalog.VideoSize;

import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * How well the relay keeps many upstream jobs fresh: starts {@code jobs} jobs that never finish on a
 * fast local fake upstream (OpenAI flavour, real HTTP on 127.0.0.1, in this JVM) behind {@code channels}
 * channels with production poll settings, lets polling settle, then measures for {@code seconds}:
 * the time between two polls of each job as the upstream sees it, requests per second, CPU and memory.
 * Run by {@code bench/relay.sh [jobs] [seconds] [channels]}.
 */
public final class RelayPollingBenchmark {
    private static final Duration TARGET = Duration.ofSeconds(5);

    private RelayPollingBenchmark() {}

    public static void main(String[] args) throws Exception {
        int jobs = args.length > 0 ? Integer.parseInt(args[0]) : 10_000;
        int seconds = args.length > 1 ? Integer.parseInt(args[1]) : 60;
        int channelCount = args.length > 2 ? Integer.parseInt(args[2]) : 4;
        Path work = Files.createTempDirectory("vidgate-relay-bench");
        var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();

        try (FakeUpstream upstream = FakeUpstream.quiet(Flavour.OPENAI)) {
            upstream.pollsToFinish = Integer.MAX_VALUE;
            PollGaps gaps = new PollGaps();
            upstream.gaps = gaps;
            List<ChannelSettings> channels = new ArrayList<>();
            int perChannel = (jobs + channelCount - 1) / channelCount;
            for (int i = 0; i < channelCount; i++) {
                channels.add(upstream.channel("bench-" + i).withLimits(perChannel, 2000, 16)
                        .withTimeouts(Duration.ofSeconds(5), Duration.ofSeconds(10)));
            }
            RelaySettings settings = RelaySettings.defaults(channels, work);
            long heapBefore = usedHeapAfterGc();
            try (RelayEngine engine = new RelayEngine(settings, InstantSource.system())) {
                System.out.printf("relay polling benchmark: %d in-flight jobs, %d channels to one local fake upstream (same JVM), "
                        + "poll interval %d ms .. %d ms, %d cores%n", jobs, channelCount, settings.pollInterval().toMillis(),
                        settings.maxPollInterval().toMillis(), Runtime.getRuntime().availableProcessors());

                long began = System.nanoTime();
                List<GenerationRequest> requests = new ArrayList<>();
                String[] handles = new String[jobs];
                for (int i = 0; i < jobs; i++) {
                    requests.add(new GenerationRequest("video_bench_" + i, "sora-2", new VideoSize(1280, 720), 8, "bench " + i, null));
                }
                Semaphore parallel = new Semaphore(64);
                try (ExecutorService starters = Executors.newVirtualThreadPerTaskExecutor()) {
                    for (int i = 0; i < jobs; i++) {
                        int n = i;
                        parallel.acquire();
                        starters.execute(() -> {
                            try {
                                handles[n] = engine.start(requests.get(n));
                            } finally {
                                parallel.release();
                            }
                        });
                    }
                }
                double startSeconds = (System.nanoTime() - began) / 1e9;
                long failedStarts = java.util.Arrays.stream(handles).filter(h -> h.startsWith("-/")).count();
                System.out.printf("started %d jobs in %.1f s (%.0f creates/s), %d refused%n", jobs, startSeconds, jobs / startSeconds, failedStarts);

                Duration warmUp = Duration.ofSeconds(20);
                System.out.printf("warming up for %d s (intervals grow to the maximum) ...%n", warmUp.toSeconds());
                Thread.sleep(warmUp);

                gaps.start();
                long cpuBefore = os.getProcessCpuTime();
                long wallBefore = System.nanoTime();
                Thread.sleep(Duration.ofSeconds(seconds));
                long wall = System.nanoTime() - wallBefore;
                double cpuCores = (os.getProcessCpuTime() - cpuBefore) / (double) wall;
                long openGap = gaps.longestOpenGapNanos() / 1_000_000;

                long checkBegan = System.nanoTime();
                int running = 0;
                for (int i = 0; i < jobs; i++) if (engine.check(requests.get(i), handles[i]) instanceof EngineStatus.Running) running++;
                double checkMicros = (System.nanoTime() - checkBegan) / 1e3 / jobs;

                long heapWith = usedHeapAfterGc();
                System.out.printf("measured %d s: %d polls = %.0f upstream requests/s; jobs polled %d of %d, still running %d%n",
                        seconds, gaps.polls(), gaps.polls() / (wall / 1e9), gaps.jobsSeen(), jobs, running);
                System.out.printf("time between two polls of a job: p50 %d ms, p99 %d ms, max %d ms; longest open gap at the end %d ms%n",
                        gaps.percentileMillis(0.50), gaps.percentileMillis(0.99), gaps.maxMillis(), openGap);
                System.out.printf("check(): %.2f us per call (answered from memory)%n", checkMicros);
                System.out.printf("CPU: %.2f cores busy on average (relay and fake upstream together, of %d)%n", cpuCores,
                        Runtime.getRuntime().availableProcessors());
                System.out.printf("heap after GC: %d MiB before the jobs, %d MiB with them (about %.1f KiB per job, relay and fake together); "
                        + "RSS %d MiB; %d platform threads%n", heapBefore >> 20, heapWith >> 20, (heapWith - heapBefore) / 1024.0 / jobs,
                        rssBytes() >> 20, Thread.getAllStackTraces().size());
                boolean met = gaps.maxMillis() <= TARGET.toMillis() && openGap <= TARGET.toMillis() && gaps.jobsSeen() == jobs;
                System.out.printf("target (every job refreshed at least every %d s): %s%n", TARGET.toSeconds(), met ? "MET" : "NOT MET");
            }
        } finally {
            try (var files = Files.walk(work)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    private static long usedHeapAfterGc() throws InterruptedException {
        for (int i = 0; i < 3; i++) {
            System.gc();
            TimeUnit.MILLISECONDS.sleep(200);
        }
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

    private static long rssBytes() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith("VmRSS:")) return Long.parseLong(line.replaceAll("\\D", "")) * 1024;
            }
        } catch (Exception ignored) {
            // not Linux
        }
        return -1;
    }
}

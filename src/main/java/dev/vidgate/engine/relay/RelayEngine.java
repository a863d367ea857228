package dev.vidgate.engine.relay;

import dev.vidgate.catalog.ModelCatalog;
import dev.vidgate.common.FileTrees;
import dev.vidgate.engine.ChannelStatus;
import dev.vidgate.engine.Engine;
import dev.vidgate.engine.EngineStatus;
import dev.vidgate.engine.GenerationRequest;
import dev.vidgate.engine.UpstreamCallbacks;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.InstantSource;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.random.RandomGenerator;

/**
 * The engine for upstream providers that already generate video: OpenAI-compatible relays, Azure
 * OpenAI, SGLang, vLLM-Omni, TensorRT-LLM and other Vidgates. {@link #start} sends the job to a
 * channel ({@link Submitter}: priorities, weights, failover, idempotent retries) and returns the
 * handle {@code <channel>/<upstream id>}. The {@link Poller} keeps every tracked job fresh, and
 * {@link #check} answers from memory; a handle this process does not know (after a restart, or on
 * another node) is simply followed again. Finished videos are copied into local scratch files
 * ({@link Downloader}); the caller copies them into the content store and releases them. Upstream
 * ids, URLs and keys never appear in what a client can see.
 */
public final class RelayEngine implements Engine, UpstreamCallbacks, AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(RelayEngine.class);
    private static final String FAILED_PREFIX = "-/";

    private final RelaySettings settings;
    private final InstantSource clock;
    private final Map<String, Channel> channels = new LinkedHashMap<>();
    private final Map<String, TrackedJob> jobs = new ConcurrentHashMap<>();
    private final Watchdog watchdog = new Watchdog();
    private final Submitter submitter;
    private final Poller poller;
    private final AtomicLong failedStarts = new AtomicLong();
    private final Housekeeper housekeeper;
    private final int capacity;
    private final RelayServices services;
    /** Jobs by their callback token (only with a public address). */
    private final Map<String, TrackedJob> byCallback = new ConcurrentHashMap<>();
    private final SecureRandom tokens = new SecureRandom();

    public RelayEngine(RelaySettings settings, InstantSource clock) {
        this(settings, clock, RelayMetrics.NONE);
    }

    /** As above; {@code metrics} hears of every upstream request and every error a relay loop carries on from. */
    public RelayEngine(RelaySettings settings, InstantSource clock, RelayMetrics metrics) {
        this(settings, clock, RandomGenerator.getDefault(), metrics, RelayServices.defaults());
    }

    /** As above, with the catalog, image links and public address the gateway offers ({@link RelayServices}). */
    public RelayEngine(RelaySettings settings, InstantSource clock, RelayMetrics metrics, RelayServices services) {
        this(settings, clock, RandomGenerator.getDefault(), metrics, services);
    }

    RelayEngine(RelaySettings settings, InstantSource clock, RandomGenerator random) {
        this(settings, clock, random, RelayMetrics.NONE, RelayServices.defaults());
    }

    private RelayEngine(RelaySettings settings, InstantSource clock, RandomGenerator random, RelayMetrics metrics,
                        RelayServices services) {
        this.settings = settings;
        this.clock = clock;
        this.services = services;
        ModelCatalog catalog = services.catalog();
        Submission.ImageLinks links = services.links();
        for (ChannelSettings c : settings.channels()) channels.put(c.name(), new Channel(c, settings, watchdog, clock, metrics));
        this.capacity = (int) Math.min(Integer.MAX_VALUE, settings.channels().stream().mapToLong(ChannelSettings::maxInFlight).sum());
        emptyWorkDir(settings.workDir());
        this.submitter = new Submitter(settings, new ChannelRouter(List.copyOf(channels.values()), random), clock, catalog::find, links,
                services.load());
        this.poller = new Poller(settings, clock, new Downloader(settings, clock), this::cancelUpstream, metrics);
        poller.start(channels.values());
        this.housekeeper = new Housekeeper(jobs, byCallback, this::channels, clock, metrics);
        for (Channel c : channels.values()) {
            log.info("relay channel {}: {} at {} (key {}), models {}, priority {}, weight {}, max in flight {}, {} req/s",
                    c.name(), c.flavour().wireName(), c.settings().baseUrl().getHost(), c.settings().apiKey(),
                    c.settings().models().isEmpty() ? "all" : c.settings().models(), c.settings().priority(),
                    c.settings().weight(), c.settings().maxInFlight(), c.settings().requestsPerSecond());
        }
    }

    @Override
    public String name() { return settings.name(); }

    /** The sum of the channels' {@code maxInFlight}: a node follows that many upstream jobs at once. */
    @Override
    public int capacity() { return Math.max(1, capacity); }

    @Override
    public Duration checkInterval() { return Duration.ofSeconds(1); }

    @Override
    public String start(GenerationRequest request) {
        Submitter.Outcome outcome;
        String token = services.publicUrl() == null ? null : newToken();
        try {
            outcome = submit(request, services.callbackUrl(token));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            outcome = new Submitter.Refused(new EngineStatus.Failed("relay_interrupted", "The relay was stopping.", true));
        } catch (RuntimeException e) {
            log.error("job {}: submitting failed unexpectedly", request.jobId(), e);
            outcome = new Submitter.Refused(new EngineStatus.Failed("relay_error", "The relay could not send the video upstream.", true));
        }
        return switch (outcome) {
            case Submitter.Accepted accepted -> track(request, accepted.channel(), accepted.video(), token);
            case Submitter.Busy busy -> {
                String handle = FAILED_PREFIX + request.jobId() + "/" + failedStarts.incrementAndGet();
                jobs.put(handle, TrackedJob.waitingAtStart(handle, request.jobId(), busy.waiting(), clock.instant()));
                log.info("job {}: not sent upstream yet: {}", request.jobId(), busy.waiting().reason());
                yield handle;
            }
            case Submitter.Refused refused -> {
                String handle = FAILED_PREFIX + request.jobId() + "/" + failedStarts.incrementAndGet();
                jobs.put(handle, TrackedJob.failedAtStart(handle, request.jobId(), refused.failure(), clock.instant()));
                log.warn("job {}: not sent upstream ({}: {})", request.jobId(), refused.failure().code(), refused.failure().message());
                yield handle;
            }
        };
    }

    private Submitter.Outcome submit(GenerationRequest request, String callbackUrl) throws InterruptedException {
        byte[] reference = request.referenceImage();
        GenerationRequest.RemixSource remix = request.remix();
        if (remix != null && request.footage() == null) {
            Handle source = remix.engine().equals(name()) ? Handle.parse(remix.engineHandle()) : null;
            Channel channel = source == null ? null : channels.get(source.channel());
            if (channel != null && channel.client().remixes()) {
                Submitter.Outcome outcome = submitter.remixOn(channel, source.upstreamId(), request);
                if (outcome != null) return outcome;
            }
            if (reference == null) reference = RemixFrames.firstFrameOf(settings.workDir(), remix, request);
        }
        return submitter.create(request, reference, callbackUrl);
    }

    /** Follows a job a channel just took (its place in the channel is already held). */
    private String track(GenerationRequest request, Channel channel, UpstreamVideo first, String callbackToken) {
        String handle = new Handle(channel.name(), first.id()).toString();
        TrackedJob earlier = jobs.get(handle);
        if (earlier != null && earlier.active()) {
            channel.jobEnded(); // an idempotent replay answered a job we already follow: one place is enough
            return handle;
        }
        TrackedJob job = new TrackedJob(handle, request.jobId(), first.id(), channel, request.seconds(),
                clock.instant().plus(settings.jobTimeout()));
        jobs.put(handle, job);
        if (callbackToken != null) byCallback.put(callbackToken, job);
        poller.track(job, first);
        return handle;
    }

    @Override
    public EngineStatus check(GenerationRequest request, String handle) {
        TrackedJob job = jobs.get(handle);
        if (job != null) return job.status();
        Handle parsed = Handle.parse(handle);
        Channel channel = parsed == null ? null : channels.get(parsed.channel());
        if (channel == null) return new EngineStatus.Lost();
        // Started by an earlier process or another node: follow it from here.
        log.info("job {}: resuming upstream job on channel {}", request.jobId(), channel.name());
        synchronized (this) {
            if (!jobs.containsKey(handle)) {
                TrackedJob resumed = new TrackedJob(handle, request.jobId(), parsed.upstreamId(), channel, request.seconds(),
                        clock.instant().plus(settings.jobTimeout()), true);
                jobs.put(handle, resumed);
                channel.jobStarted();
                poller.track(resumed, null);
            }
        }
        return jobs.get(handle).status();
    }

    @Override
    public void cancel(String handle) {
        TrackedJob job = jobs.get(handle);
        if (job != null) {
            if (job.cancel(clock.instant())) cancelUpstream(job);
            return;
        }
        Handle parsed = Handle.parse(handle);
        Channel channel = parsed == null ? null : channels.get(parsed.channel());
        if (channel == null) return;
        TrackedJob unknown = new TrackedJob(handle, handle, parsed.upstreamId(), channel, 1, clock.instant());
        channel.jobStarted();
        unknown.cancel(clock.instant());
        jobs.put(handle, unknown);
        cancelUpstream(unknown);
    }

    @Override
    public void release(String handle) {
        TrackedJob job = jobs.get(handle);
        if (job == null) return;
        RelayOutput output = job.release(clock.instant());
        if (output != null) output.delete();
        services.links().withdraw(job.jobId);
    }

    /**
     * A provider's callback: the job behind the token is asked about at once (a job that ended is only acknowledged,
     * until it is forgotten). Its body is not read; the provider's
     * own status decides, so a forged call only costs one poll, and only with a valid token.
     */
    @Override
    public boolean hint(String token) {
        TrackedJob job = token == null ? null : byCallback.get(token);
        if (job == null) return false;
        // a late call for a job that already ended is acknowledged (providers repeat calls that are not), and changes nothing
        if (job.active()) poller.pollNow(job);
        return true;
    }

    private String newToken() {
        byte[] bytes = new byte[24];
        tokens.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    @Override
    public void discard(String handle) {
        Handle parsed = Handle.parse(handle);
        Channel channel = parsed == null ? null : channels.get(parsed.channel());
        if (channel == null) return;
        poller.run(handle, "upstream delete", () -> {
            try (Channel.Permit ignored = channel.pace()) {
                channel.client().delete(parsed.upstreamId());
            } catch (UpstreamException e) {
                log.info("channel {}: deleting a video upstream failed: {}", channel.name(), e.getMessage());
            }
        });
    }

    @Override
    public List<ChannelStatus> channels() {
        return channels.values().stream().map(Channel::status).toList();
    }

    @Override
    public java.util.Optional<dev.vidgate.engine.ChannelProbe> probe(String channel) {
        return java.util.Optional.ofNullable(channels.get(channel)).map(Channel::probe);
    }

    /** How many channels serve {@code model} (0 means a job for it could never be sent). */
    public int channelsServing(String model) {
        return (int) channels.values().stream().filter(c -> c.serves(model)).count();
    }

    /** Polls, downloads and upstream calls in progress (for tests that check nothing is left running). */
    int activeTasks() { return poller.activeTasks(); }

    @Override
    public String channelOf(String handle) {
        Handle parsed = Handle.parse(handle);
        return parsed == null ? null : parsed.channel();
    }

    /** Handles followed in memory now, ended ones included until they are forgotten. */
    int trackedJobs() { return jobs.size(); }

    private void cancelUpstream(TrackedJob job) {
        poller.run(job.jobId, "upstream cancel", () -> {
            for (int attempt = 1; attempt <= 3; attempt++) {
                try (Channel.Permit ignored = job.channel.pace()) {
                    job.channel.client().cancel(job.upstreamId);
                    return;
                } catch (UpstreamException e) {
                    if (e.kind() == UpstreamException.Kind.NOT_FOUND) return;
                    log.info("job {}: cancelling upstream on channel {} failed (attempt {}): {}", job.jobId, job.channel.name(),
                            attempt, e.getMessage());
                }
                Thread.sleep(Duration.ofMillis(500L * attempt));
            }
        });
    }

    private static void emptyWorkDir(Path workDir) {
        try {
            if (Files.exists(workDir)) FileTrees.deleteTree(workDir);
            Files.createDirectories(workDir);
        } catch (NoSuchFileException ignored) {
            // raced with nothing: fine
        } catch (IOException e) {
            throw new UncheckedIOException("cannot prepare the relay scratch folder " + workDir, e);
        }
    }

    @Override
    public void close() {
        housekeeper.close();
        poller.close();
        watchdog.close();
        channels.values().forEach(Channel::close);
    }

    /** {@code <channel>/<upstream id>}: all a node needs to follow an upstream job. */
    record Handle(String channel, String upstreamId) {
        static Handle parse(String handle) {
            if (handle == null) return null;
            int slash = handle.indexOf('/');
            if (slash <= 0 || slash == handle.length() - 1) return null;
            String channel = handle.substring(0, slash);
            if (!channel.matches("[a-z0-9][a-z0-9_-]{0,39}")) return null;
            return new Handle(channel, handle.substring(slash + 1));
        }

        @Override
        public String toString() { return channel + "/" + upstreamId; }
    }
}

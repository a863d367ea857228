package dev.vidgate.engine.relay;

import dev.vidgate.catalog.ModelSpec;
import dev.vidgate.engine.EngineStatus;
import dev.vidgate.engine.GenerationRequest;
import dev.vidgate.engine.relay.UpstreamException.Kind;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * Sends a new job upstream. Channels are tried in {@link ChannelRouter} order, skipping full ones and
 * open circuits (waiting up to {@code submitWait} while all are so). A refusal of the request itself
 * (400 with a reason) fails the job with the upstream's message; anything transient (connect errors,
 * timeouts, 429, 5xx, unreadable answers) moves to the next channel.
 *
 * <p>An ambiguous failure (the upstream may have created the job although we got no answer) is never
 * simply resent: with an upstream that honours {@code Idempotency-Key} the same key is sent again,
 * which answers the job it already made; otherwise the upstream's list is checked for the job, and
 * when it cannot tell, that channel is not used for this job again (for an hour), so no upstream ever
 * runs one of our jobs twice. A remix goes to the channel that made its source ({@link #remixOn}).
 *
 * <p>An accepted job holds a place in its channel's {@code maxInFlight} until it ends.
 */
final class Submitter {
    private static final Logger log = LoggerFactory.getLogger(Submitter.class);
    private static final Duration TAINT = Duration.ofHours(1);
    private static final int ATTEMPTS_PER_CHANNEL = 3;
    /** Between two rounds over the channels while every one that could take the job is full or its circuit open. */
    static final Duration ROUND_PAUSE = Duration.ofMillis(200);
    /** The least time a job waits in the queue after every channel answered with backpressure. */
    static final Duration BUSY_RETRY = Duration.ofSeconds(5);

    sealed interface Outcome {}

    /** The upstream took the job. */
    record Accepted(Channel channel, UpstreamVideo video) implements Outcome {}

    /** No upstream took it. */
    record Refused(EngineStatus.Failed failure) implements Outcome {}

    /** Every channel that could take it is at its provider's limit (backpressure): try again later, nothing failed. */
    record Busy(EngineStatus.Waiting waiting) implements Outcome {}

    /** What one channel's attempt came to. */
    private sealed interface Attempt {}

    private record Took(UpstreamVideo video) implements Attempt {}

    private record RefusedRequest(UpstreamException cause) implements Attempt {}

    private record Next(UpstreamException cause) implements Attempt {}

    /** How long a channel whose account ran out stays out of the rotation. */
    static final Duration EXHAUSTED_PAUSE = Duration.ofMinutes(10);

    private final RelaySettings settings;
    private final ChannelRouter router;
    private final InstantSource clock;
    private final Function<String, Optional<ModelSpec>> catalog;
    private final Submission.ImageLinks links;
    private final ClusterFigures load;
    private final Map<String, Tainted> tainted = new ConcurrentHashMap<>();

    private record Tainted(Set<String> channels, Instant since) {}

    /**
     * @param catalog finds the catalog's entry of an upstream model (its formats), by the provider's model id
     * @param links   publishes images for providers that take only URLs
     * @param load    the jobs all nodes run on each channel (a channel's max-in-flight holds for the cluster)
     */
    Submitter(RelaySettings settings, ChannelRouter router, InstantSource clock, Function<String, Optional<ModelSpec>> catalog,
              Submission.ImageLinks links, RelayServices.ClusterLoad load) {
        this.settings = settings;
        this.router = router;
        this.clock = clock;
        this.catalog = catalog;
        this.links = links;
        this.load = new ClusterFigures(load, ROUND_PAUSE, com.github.benmanes.caffeine.cache.Ticker.systemTicker());
    }

    /** Creates the job on the first channel that takes it. {@code reference} and {@code callbackUrl} may be null. */
    Outcome create(GenerationRequest request, byte[] reference, String callbackUrl) throws InterruptedException {
        if (!router.anyServes(request.model())) {
            return refused("model_unavailable", "No upstream provider is configured for the model '" + request.model() + "'.", false);
        }
        Set<String> skip = taintedFor(request.jobId());
        long deadline = System.nanoTime() + settings.submitWait().toNanos();
        UpstreamException last = null;
        Duration busyFor = null;
        while (true) {
            boolean waiting = false;
            boolean untried = false;
            for (Channel channel : router.order(request.model())) {
                if (skip.contains(channel.name()) || !channel.inRotation()) continue;
                untried = true;
                // the cluster is counted only for a channel with room on this node (which the count includes)
                if (!channel.breaker().admitsSubmits() || !channel.tryReserve()) {
                    waiting = true;
                    continue;
                }
                if (clusterFull(channel) || !channel.breaker().tryAcquireSubmit()) {
                    channel.jobEnded();
                    waiting = true;
                    continue;
                }
                Attempt attempt = createOn(channel, request, reference, callbackUrl);
                if (!(attempt instanceof Took)) channel.jobEnded();
                switch (attempt) {
                    case Took took -> {
                        return new Accepted(channel, took.video());
                    }
                    case RefusedRequest r -> {
                        String code = r.cause().upstreamCode() != null ? r.cause().upstreamCode() : "upstream_rejected";
                        return refused(code, r.cause().getMessage(), false);
                    }
                    case Next next -> {
                        last = next.cause();
                        skip.add(channel.name());
                        if (last.kind() == Kind.RATE_LIMITED) {
                            Duration pause = last.retryAfter() != null ? last.retryAfter() : BUSY_RETRY;
                            busyFor = busyFor == null || pause.compareTo(busyFor) < 0 ? pause : busyFor;
                        }
                        log.info("job {}: channel {} did not take it ({}); trying the next channel", request.jobId(),
                                channel.name(), last.getMessage());
                    }
                }
            }
            if (!untried || !waiting) break;
            if (System.nanoTime() > deadline) {
                // every channel that could take it stayed full: that is backpressure too, so the job waits in the queue
                if (busyFor == null && last == null) {
                    return new Busy(new EngineStatus.Waiting(BUSY_RETRY, "every channel for the model has its most jobs in flight"));
                }
                break;
            }
            Thread.sleep(ROUND_PAUSE);
        }
        if (busyFor != null) {
            // backpressure is a provider saying "not now", never a reason to fail the job: wait for the busy one
            return new Busy(new EngineStatus.Waiting(busyFor.compareTo(BUSY_RETRY) < 0 ? BUSY_RETRY : busyFor,
                    "the providers for the model are at their limits (" + last.getMessage() + ")"));
        }
        String why = last != null ? last.getMessage() : "every provider for the model is busy or failing.";
        return refused("upstream_unavailable", "No upstream provider accepted the video: " + why, true);
    }

    /**
     * Whether the channel's jobs across the cluster already reach its max-in-flight (a failing count does not block); the
     * figure is at most one round old and shared by the jobs waiting meanwhile.
     */
    private boolean clusterFull(Channel channel) {
        try {
            return load.inProgress(channel.name()) >= channel.settings().maxInFlight();
        } catch (RuntimeException e) {
            log.warn("channel {}: cannot count the cluster's jobs on it ({}); going by this node's count", channel.name(), e.getMessage());
            return false;
        }
    }

    private Attempt createOn(Channel channel, GenerationRequest request, byte[] reference, String callbackUrl)
            throws InterruptedException {
        String model = channel.settings().upstreamModel(request.model()).orElseThrow();
        boolean keyed = channel.settings().idempotencyKeys();
        long since = clock.instant().getEpochSecond();
        int generation = 0;
        UpstreamException last = null;
        for (int attempt = 0; attempt < ATTEMPTS_PER_CHANNEL; attempt++) {
            String key = !keyed ? null : generation == 0 ? request.jobId() : request.jobId() + "~" + generation;
            try (Channel.Permit ignored = channel.pace()) {
                Submission submission = new Submission(request, model, catalog.apply(model).orElse(null), reference, key, links,
                        callbackUrl);
                UpstreamVideo video = start(channel.client(), submission);
                if (keyed && !video.phase().working() && video.phase() != UpstreamPhase.SUCCEEDED && generation < 2) {
                    // the key answered an earlier attempt of this job that ended badly: ask for a fresh one
                    generation++;
                    continue;
                }
                return new Took(video);
            } catch (UpstreamException e) {
                last = e;
                switch (e.kind()) {
                    case REJECTED -> {
                        return new RefusedRequest(e);
                    }
                    case RATE_LIMITED -> {
                        channel.pause(e.retryAfter() != null ? e.retryAfter() : Duration.ofSeconds(1));
                        return new Next(e);
                    }
                    case EXHAUSTED -> {
                        channel.leaveRotation(EXHAUSTED_PAUSE, e.getMessage());
                        return new Next(e);
                    }
                    case TIMEOUT, BROKEN, SERVER -> {
                        if (keyed) {
                            Thread.sleep(backoff(attempt));
                            continue; // the same key again: the upstream answers the job it may have made
                        }
                        UpstreamVideo landed = landed(channel, request, since);
                        if (landed != null) return new Took(landed);
                        taint(request.jobId(), channel.name());
                        return new Next(e);
                    }
                    default -> {
                        return new Next(e);
                    }
                }
            }
        }
        return new Next(last != null ? last : new UpstreamException(Kind.BROKEN, "The provider kept answering with ended jobs."));
    }

    /** A create, or the edit or extension of the request's footage. */
    private static UpstreamVideo start(ProviderClient client, Submission submission) throws UpstreamException, InterruptedException {
        var footage = submission.request().footage();
        if (footage == null) return client.create(submission);
        return footage.extension() ? client.extend(submission) : client.edit(submission);
    }

    /** The job an ambiguous create made, found in the upstream's list by its prompt; null if not found or not knowable. */
    private UpstreamVideo landed(Channel channel, GenerationRequest request, long since) throws InterruptedException {
        try (Channel.Permit ignored = channel.pace()) {
            List<UpstreamVideo> recent = channel.client().list();
            if (recent == null) recent = List.of(); // the provider cannot list: cannot tell
            for (UpstreamVideo v : recent) {
                boolean recentEnough = v.createdAt() == null || v.createdAt() >= since - 120;
                if (request.prompt().equals(v.prompt()) && recentEnough) {
                    log.info("job {}: channel {} had created it despite the failed answer; following that job",
                            request.jobId(), channel.name());
                    return v;
                }
            }
        } catch (UpstreamException e) {
            // cannot tell
        }
        log.warn("job {}: channel {} may or may not have created it; not sending it there again", request.jobId(), channel.name());
        return null;
    }

    /** Remix on the source's channel; {@code null} when the source is gone there (the caller falls back). */
    Outcome remixOn(Channel channel, String sourceId, GenerationRequest request) throws InterruptedException {
        boolean keyed = channel.settings().idempotencyKeys();
        long deadline = System.nanoTime() + settings.submitWait().toNanos();
        long since = clock.instant().getEpochSecond();
        UpstreamException last = null;
        for (int attempt = 0; System.nanoTime() < deadline && attempt < 2 * ATTEMPTS_PER_CHANNEL; attempt++) {
            if (!channel.breaker().tryAcquireSubmit()) {
                Thread.sleep(backoff(attempt));
                continue;
            }
            channel.jobStarted(); // a remix must run here, room or not
            try (Channel.Permit ignored = channel.pace()) {
                return new Accepted(channel, channel.client().remix(sourceId, request.prompt(), keyed ? request.jobId() : null));
            } catch (UpstreamException e) {
                channel.jobEnded();
                last = e;
                if (e.kind() == Kind.NOT_FOUND || e.kind() == Kind.REJECTED) {
                    log.info("job {}: channel {} cannot remix the source ({}); generating from its first frame instead",
                            request.jobId(), channel.name(), e.getMessage());
                    return null;
                }
                if (e.kind() == Kind.RATE_LIMITED) channel.pause(e.retryAfter() != null ? e.retryAfter() : Duration.ofSeconds(1));
                if (e.kind().ambiguous() && !keyed) {
                    UpstreamVideo landed = landed(channel, request, since);
                    if (landed != null) {
                        channel.jobStarted();
                        return new Accepted(channel, landed);
                    }
                    break;
                }
                Thread.sleep(backoff(attempt));
            }
        }
        String why = last != null ? last.getMessage() : "its circuit is open.";
        return refused("upstream_unavailable", "The provider that made the source video did not take the remix: " + why, true);
    }

    private static Duration backoff(int attempt) {
        return Duration.ofMillis(Math.min(2000, 100L << Math.min(attempt, 5)));
    }

    private static Refused refused(String code, String message, boolean retryable) {
        return new Refused(new EngineStatus.Failed(code, message, retryable));
    }

    private void taint(String jobId, String channel) {
        Instant now = clock.instant();
        tainted.values().removeIf(t -> t.since().plus(TAINT).isBefore(now));
        tainted.computeIfAbsent(jobId, id -> new Tainted(ConcurrentHashMap.newKeySet(), now)).channels().add(channel);
    }

    private Set<String> taintedFor(String jobId) {
        Tainted t = tainted.get(jobId);
        if (t == null || t.since().plus(TAINT).isBefore(clock.instant())) return new HashSet<>();
        return new HashSet<>(t.channels());
    }
}

package dev.vidgate.engine.relay;

import dev.vidgate.video.Adjustment;
import dev.vidgate.video.Variant;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * One channel's connection to its provider, made by {@link Provider#open}. Every method is one logical
 * call (a create may take more than one request), runs inside {@link Transport#observed} so the channel's
 * health hears of it, and fails only with an {@link UpstreamException} whose {@link UpstreamException.Kind}
 * tells the relay what to do and whose message is safe for clients (no upstream id, URL or key).
 *
 * <p>Contract, checked for every adapter by the shared {@code EngineContract} and its fake upstream:
 * <ul>
 *   <li>{@link #create} translates the Sora-shaped {@link Submission} into the provider's request and
 *       answers the provider's job. A request the provider refuses is {@code REJECTED} (or a moderation
 *       code, see {@link UpstreamException#MODERATION}); provider backpressure (a concurrency or rate
 *       limit) is {@code RATE_LIMITED}; an exhausted account or quota is {@code EXHAUSTED}.</li>
 *   <li>{@link #retrieve} answers the job's state in the provider-neutral {@link UpstreamVideo}: a status
 *       the relay knows ({@link UpstreamPhase}), progress 0..100 when the provider reports one, and once
 *       succeeded what {@link #download} needs ({@link UpstreamVideo#locator}), the reported length and
 *       usage. A finished job without a result (a filtered video, a success without a URL) is
 *       {@code FAILED} with a code and message, never {@code SUCCEEDED}.</li>
 *   <li>{@link #download} streams the finished MP4 into {@code target}, never holding it whole in memory,
 *       within {@code maxBytes} and {@code timeout} ({@link Transport#download} does this for a URL).</li>
 *   <li>{@link #cancel} stops a job where the provider can; where it cannot, it does nothing. An unknown job
 *       is {@code NOT_FOUND}.</li>
 *   <li>{@link #probe} makes one cheap request that creates nothing and spends nothing, and answers only when the
 *       provider answered and took the channel's credentials.</li>
 * </ul>
 */
public interface ProviderClient extends AutoCloseable {

    /** Creates the provider's job for {@code submission}. */
    UpstreamVideo create(Submission submission) throws UpstreamException, InterruptedException;

    /** The provider's job {@code upstreamId} now, and how soon it suggests asking again. */
    Polled retrieve(String upstreamId) throws UpstreamException, InterruptedException;

    /** Streams the finished video of {@code finished} (as {@link #retrieve} last described it) into {@code target}. */
    long download(UpstreamVideo finished, Path target, long maxBytes, Duration timeout) throws UpstreamException, InterruptedException;

    /**
     * {@link #download}, and what the adapter changed of the provider's output on the way to fit the job (an adapter
     * that conforms the output, such as ComfyUI's, overrides this); by default nothing changed.
     */
    default Downloaded fetch(UpstreamVideo finished, Path target, long maxBytes, Duration timeout) throws UpstreamException, InterruptedException {
        return new Downloaded(download(finished, target, maxBytes, timeout), List.of());
    }

    /** Stops the job where the provider can. */
    void cancel(String upstreamId) throws UpstreamException, InterruptedException;

    /** The job id the default {@link #probe} asks about: made up, in the UUID form most providers give their ids. */
    String PROBE_ID = "00000000-0000-4000-8000-000000000000";

    /**
     * One cheap request without side effects that shows whether the provider answers and takes this channel's
     * credentials, for the operator's channel test: answers the HTTP status of an answer that shows both, and otherwise
     * fails as any call does ({@code DENIED} for refused credentials, {@code RATE_LIMITED} for a 429, {@code UNREACHABLE}
     * or {@code TIMEOUT} when nothing answers in the channel's time). It must create nothing, spend nothing and send one
     * request through the channel's {@link Transport} (its auth, timeouts and size bounds). The relay runs it outside the
     * channel's health ({@link Transport#unobserved}), so an adapter need not care about its circuit.
     *
     * <p>By default it asks for the made-up job {@link #PROBE_ID}: a provider checks the key before it looks the job
     * up, so its not-found (404, or a 400 for an id it reads as malformed) means reachable and authorised. A not-found
     * decided here without asking (status 0) proves nothing and is passed on. An adapter whose {@link #retrieve} cannot
     * ask about a made-up id, or whose provider has a cheaper read (a model list), overrides this.
     */
    default int probe() throws UpstreamException, InterruptedException {
        return probeAsking(PROBE_ID);
    }

    /** The default {@link #probe} with a made-up id in the form this adapter's {@link #retrieve} takes. */
    default int probeAsking(String madeUpId) throws UpstreamException, InterruptedException {
        try {
            retrieve(madeUpId);
            return 200;
        } catch (UpstreamException e) {
            boolean notFound = e.kind() == UpstreamException.Kind.NOT_FOUND || e.kind() == UpstreamException.Kind.REJECTED;
            if (notFound && e.httpStatus() > 0) return e.httpStatus();
            throw e;
        }
    }

    /** Deletes the provider's copy of a finished job where it keeps one; by default nothing to do. */
    default void delete(String upstreamId) throws UpstreamException, InterruptedException {}

    /**
     * The provider's most recent jobs, to find a job an ambiguous create made; {@code null} when the provider
     * cannot list (then that channel is not used for the job again rather than risk running it twice).
     */
    default List<UpstreamVideo> list() throws UpstreamException, InterruptedException {
        return null;
    }

    /** Whether the provider remixes its own jobs ({@link #remix}). */
    default boolean remixes() {
        return false;
    }

    /** Asks the provider to remix its job {@code sourceId} with a new prompt. */
    default UpstreamVideo remix(String sourceId, String prompt, String idempotencyKey) throws UpstreamException, InterruptedException {
        throw new UpstreamException(UpstreamException.Kind.NOT_FOUND, "The provider does not remix videos.");
    }

    /**
     * Starts an edit of the footage the submission's request carries ({@link dev.vidgate.engine.GenerationRequest#footage()}):
     * the same size and length, the new prompt. By default the provider has none: {@code REJECTED}, the job fails saying so.
     */
    default UpstreamVideo edit(Submission submission) throws UpstreamException, InterruptedException {
        throw new UpstreamException(UpstreamException.Kind.REJECTED, "This provider does not edit videos.");
    }

    /** Starts an extension of the request's footage by its added seconds (the request's seconds are the stitched total); by default {@code REJECTED}. */
    default UpstreamVideo extend(Submission submission) throws UpstreamException, InterruptedException {
        throw new UpstreamException(UpstreamException.Kind.REJECTED, "This provider does not extend videos.");
    }

    /** Whether the provider serves the thumbnail and spritesheet ({@link #downloadVariant}); else they are made locally. */
    default boolean servesVariants() {
        return false;
    }

    /** Streams a thumbnail or spritesheet of {@code upstreamId} into {@code target}. */
    default long downloadVariant(String upstreamId, Variant variant, Path target, long maxBytes, Duration timeout)
            throws UpstreamException, InterruptedException {
        throw new UpstreamException(UpstreamException.Kind.NOT_FOUND, "The provider has no " + variant.wireName() + ".");
    }

    /**
     * What the provider reports of itself for the channel report and the metrics ({@code vram_free_bytes}), by name, as
     * last fetched; never blocks (an adapter refreshes in the background); the same names every time, NaN while unknown.
     */
    default java.util.Map<String, Double> figures() {
        return java.util.Map.of();
    }

    @Override
    default void close() {}

    /** A poll's answer and how soon the provider suggests asking again ({@code null} when it did not say). */
    record Polled(UpstreamVideo video, Duration pollAfter) {}

    /** A downloaded video's size and what the adapter changed of it, which the job lists in its {@code adjustments}. */
    record Downloaded(long bytes, List<Adjustment> adjustments) {
        public Downloaded {
            adjustments = List.copyOf(adjustments);
        }
    }
}

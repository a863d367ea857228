package dev.vidgate.engine;

import java.time.Duration;
import java.util.List;

/**
 * A generation engine: the built-in offline renderer or a remote provider.
 *
 * <p>Contract, shared by every adapter and checked for each by the abstract {@code EngineContract} test
 * (run by {@code BuiltinEngineContractTest}, {@code RelayEngineContractTest} and the tests' scripted fake,
 * {@code ScriptedEngineContractTest}):
 * <ul>
 *   <li>{@link #start} returns quickly (it never blocks for the length of a generation) with a
 *       handle, a short string the caller persists with the job. Generation proceeds in the
 *       background; CPU-heavy work is bounded by the engine itself.</li>
 *   <li>{@link #check} is cheap and may be called any number of times, from any thread. Progress of
 *       one handle never decreases. After a process restart an engine that cannot resume a handle
 *       answers {@link EngineStatus.Lost}, and the caller starts the request again.</li>
 *   <li>{@link #cancel} stops the work as soon as possible and frees its resources; cancelling an
 *       unknown or finished handle is a no-op.</li>
 *   <li>{@link #release} frees what a finished handle still holds (temporary files) once the caller
 *       has copied the output; afterwards the output no longer opens and {@link #check} answers
 *       {@link EngineStatus.Lost}; releasing twice is a no-op.</li>
 *   <li>{@link #discard} is told when the caller deleted the finished video, so that a remote engine
 *       deletes the copy its upstream still keeps; it never blocks for long and an unknown handle is a
 *       no-op.</li>
 *   <li>{@link #capacity} bounds how many jobs one node runs on this engine at once; the dispatcher
 *       claims no more. A renderer sizes it to the CPU, a remote engine to what its upstreams
 *       accept.</li>
 *   <li>A request that is a remix carries its {@link GenerationRequest.RemixSource}: the source's
 *       engine and handle (a remote engine sends the remix where the source was made) and a way to
 *       read the source video (a renderer starts from its first frame).</li>
 *   <li>No method throws for a problem of the work itself: such problems are reported as
 *       {@link EngineStatus.Failed}.</li>
 * </ul>
 */
public interface Engine {

    /** The engine's configured name, e.g. {@code builtin}. */
    String name();

    /** How many jobs this node may run on this engine at once; at least 1. */
    int capacity();

    /** How often a running job asks {@link #check}: often for a local renderer, less for a remote one. */
    default Duration checkInterval() {
        return Duration.ofMillis(250);
    }

    /** Starts generating {@code request} and returns the handle to check it by. */
    String start(GenerationRequest request);

    /** Reports the state of the work behind {@code handle}, started earlier for {@code request}. */
    EngineStatus check(GenerationRequest request, String handle);

    /** Stops the work behind {@code handle}. */
    void cancel(String handle);

    /** Frees what the finished work behind {@code handle} still holds. */
    void release(String handle);

    /** The video made under {@code handle} was deleted: drop any copy kept elsewhere (best effort). */
    default void discard(String handle) {}

    /** The name of the upstream channel the work behind {@code handle} went to (never its upstream id); null for a local engine. */
    default String channelOf(String handle) {
        return null;
    }

    /** The upstream channels this engine sends work to, with their health; empty for a local engine. */
    default List<ChannelStatus> channels() {
        return List.of();
    }

    /**
     * Makes one cheap call without side effects to the upstream of {@code channel} and says what it found; empty when
     * the engine has no such channel. Bounded by the channel's timeouts; creates no job and spends nothing.
     */
    default java.util.Optional<ChannelProbe> probe(String channel) {
        return java.util.Optional.empty();
    }
}

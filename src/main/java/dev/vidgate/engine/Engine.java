package dev.vidgate.engine;

/**
 * A generation engine: the built-in offline renderer or a remote provider.
 *
 * <p>Contract, shared by every adapter (the built-in engine checks it in {@code BuiltinEngineLifecycleTest};
 * it becomes an abstract contract test once a second adapter exists):
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
 *       has copied the output; releasing twice is a no-op.</li>
 *   <li>No method throws for a problem of the work itself: such problems are reported as
 *       {@link EngineStatus.Failed}.</li>
 * </ul>
 */
public interface Engine {

    /** The engine's configured name, e.g. {@code builtin}. */
    String name();

    /** Starts generating {@code request} and returns the handle to check it by. */
    String start(GenerationRequest request);

    /** Reports the state of the work behind {@code handle}, started earlier for {@code request}. */
    EngineStatus check(GenerationRequest request, String handle);

    /** Stops the work behind {@code handle}. */
    void cancel(String handle);

    /** Frees what the finished work behind {@code handle} still holds. */
    void release(String handle);
}

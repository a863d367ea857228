package dev.vidgate.testsupport;

import dev.vidgate.engine.Engine;
import dev.vidgate.engine.EngineOutput;
import dev.vidgate.engine.EngineStatus;
import dev.vidgate.engine.GenerationRequest;
import dev.vidgate.testsupport.media.TestImages;
import dev.vidgate.video.Adjustment;
import dev.vidgate.video.Variant;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A fake {@link Engine} that answers from scripts, for the tests of what drives engines. Each {@link #start} takes
 * the next script queued for the request's job ({@link #script}), or else the default one ({@link #byDefault}); each
 * {@link #check} of the handle answers the script's next status, and the last one repeats. It keeps the port's
 * promises ({@code ScriptedEngineContractTest} runs the engine contract on it): cancel turns unfinished work into
 * a permanent failure, release forgets a handle and closes its output, a handle it does not know is lost. It
 * records every start, cancel and release, and the most handles it held at once.
 */
public final class ScriptedEngine implements Engine {
    private final String name;
    private final int capacity;
    private final Map<String, Queue<Script>> scripts = new HashMap<>();
    private Script byDefault = new Script(List.of(new EngineStatus.Running(0), new EngineStatus.Running(50), done(4)), null);
    private final Map<String, Work> work = new HashMap<>();
    private final List<GenerationRequest> started = new ArrayList<>();
    private final List<String> cancelled = new ArrayList<>();
    private final List<String> released = new ArrayList<>();
    private int sequence;
    private int mostHeldAtOnce;

    public ScriptedEngine(String name, int capacity) {
        this.name = name;
        this.capacity = capacity;
    }

    /** The statuses of every start that has no script of its own. */
    public synchronized ScriptedEngine byDefault(EngineStatus... statuses) {
        byDefault = new Script(List.of(statuses), null);
        return this;
    }

    /** The statuses of the next start of {@code jobId}; scripts of one job are used in the order given. */
    public synchronized ScriptedEngine script(String jobId, EngineStatus... statuses) {
        scripts.computeIfAbsent(jobId, id -> new ArrayDeque<>()).add(new Script(List.of(statuses), null));
        return this;
    }

    /** The next start of {@code jobId} gets a handle whose every check throws, as an engine with a bug would. */
    public synchronized ScriptedEngine crashing(String jobId) {
        scripts.computeIfAbsent(jobId, id -> new ArrayDeque<>()).add(new Script(List.of(new EngineStatus.Running(0)), new IllegalStateException("engine bug")));
        return this;
    }

    /** A finished generation of {@code seconds}, with small but recognisable renditions. */
    public static EngineStatus.Done done(int seconds) {
        return done(seconds, () -> {});
    }

    /** A finished generation of {@code seconds} for which the provider reported {@code usage}. */
    public static EngineStatus.Done done(int seconds, EngineOutput.Usage usage) {
        return new EngineStatus.Done(new Output(seconds, () -> {}, usage, List.of()));
    }

    /** A finished generation of {@code seconds} whose engine changed its output to fit the job ({@code adjustments}). */
    public static EngineStatus.Done doneAdjusting(int seconds, Adjustment... adjustments) {
        return new EngineStatus.Done(new Output(seconds, () -> {}, EngineOutput.Usage.NONE, List.of(adjustments)));
    }

    /** As {@link #done(int)}, running {@code whileStored} once, when the first rendition is opened (to act while it is stored). */
    public static EngineStatus.Done done(int seconds, Runnable whileStored) {
        return new EngineStatus.Done(new Output(seconds, whileStored, EngineOutput.Usage.NONE, List.of()));
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public int capacity() {
        return capacity;
    }

    @Override
    public synchronized String start(GenerationRequest request) {
        Queue<Script> queued = scripts.get(request.jobId());
        Script script = queued == null || queued.isEmpty() ? byDefault : queued.remove();
        String handle = "scripted-" + (++sequence);
        work.put(handle, new Work(script));
        started.add(request);
        mostHeldAtOnce = Math.max(mostHeldAtOnce, held());
        return handle;
    }

    @Override
    public synchronized EngineStatus check(GenerationRequest request, String handle) {
        Work w = work.get(handle);
        if (w == null) return new EngineStatus.Lost();
        if (w.script.crash != null) throw w.script.crash;
        return w.next();
    }

    @Override
    public synchronized void cancel(String handle) {
        Work w = work.get(handle);
        if (w == null) return;
        cancelled.add(handle);
        if (w.current() instanceof EngineStatus.Running) {
            w.end(new EngineStatus.Failed("cancelled", "The work was cancelled.", false));
        }
    }

    @Override
    public synchronized void release(String handle) {
        Work w = work.remove(handle);
        if (w == null) return;
        released.add(handle);
        w.released = true;
    }

    /** The requests started so far, in order. */
    public synchronized List<GenerationRequest> started() {
        return List.copyOf(started);
    }

    /** The handles cancelled so far (those it knew), in order. */
    public synchronized List<String> cancelled() {
        return List.copyOf(cancelled);
    }

    /** The handles released so far (those it knew), in order. */
    public synchronized List<String> released() {
        return List.copyOf(released);
    }

    /** How many handles are started and not yet released. */
    public synchronized int held() {
        return (int) work.values().stream().filter(w -> !w.ended()).count();
    }

    /** The most handles that were started and not yet ended (released, cancelled, or failed) at once. */
    public synchronized int mostHeldAtOnce() {
        return mostHeldAtOnce;
    }

    private record Script(List<EngineStatus> statuses, RuntimeException crash) {}

    /** One handle's place in its script. */
    private static final class Work {
        private final Script script;
        private int next;
        private EngineStatus ending;
        private EngineStatus.Done done;
        private volatile boolean released;

        Work(Script script) {
            this.script = script;
        }

        EngineStatus next() {
            EngineStatus status = current();
            if (ending == null && next < script.statuses.size() - 1) next++;
            return status;
        }

        EngineStatus current() {
            if (ending != null) return ending;
            EngineStatus status = script.statuses.get(next);
            if (!(status instanceof EngineStatus.Done scripted)) return status;
            // This handle's own view of the output, which stops opening once the handle is released.
            if (done == null) done = new EngineStatus.Done(new EngineOutput() {
                @Override
                public int deliveredSeconds() {
                    return scripted.output().deliveredSeconds();
                }

                @Override
                public Usage usage() {
                    return scripted.output().usage();
                }

                @Override
                public List<Adjustment> adjustments() {
                    return scripted.output().adjustments();
                }

                @Override
                public InputStream open(Variant variant) throws IOException {
                    if (released) throw new IOException("the output was released");
                    return scripted.output().open(variant);
                }
            });
            return done;
        }

        void end(EngineStatus status) {
            ending = status;
        }

        boolean ended() {
            return current() instanceof EngineStatus.Failed || current() instanceof EngineStatus.Lost;
        }
    }

    /** Renditions with the right magic numbers: an MP4 ftyp box, a WebP, a JPEG sprite sheet of a few tens of KiB. */
    private static final class Output implements EngineOutput {
        /** Larger than the room a {@link NearlyFullContentStore} leaves, so that a full disk fails it part way. */
        private static final byte[] SPRITESHEET = TestImages.jpeg(640, 360);

        private final int seconds;
        private final Runnable whileStored;
        private final EngineOutput.Usage usage;
        private final List<Adjustment> adjustments;
        private final AtomicBoolean opened = new AtomicBoolean();

        Output(int seconds, Runnable whileStored, EngineOutput.Usage usage, List<Adjustment> adjustments) {
            this.seconds = seconds;
            this.whileStored = whileStored;
            this.usage = usage;
            this.adjustments = adjustments;
        }

        @Override
        public List<Adjustment> adjustments() {
            return adjustments;
        }

        @Override
        public int deliveredSeconds() {
            return seconds;
        }

        @Override
        public EngineOutput.Usage usage() {
            return usage;
        }

        @Override
        public InputStream open(Variant variant) throws IOException {
            if (!opened.getAndSet(true)) whileStored.run();
            return new ByteArrayInputStream(switch (variant) {
                case VIDEO -> ftyp();
                case THUMBNAIL -> TestImages.losslessWebp(64, 36);
                case SPRITESHEET -> SPRITESHEET.clone();
            });
        }

        private static byte[] ftyp() {
            byte[] box = new byte[24];
            box[3] = 24;
            byte[] body = "ftypisom\0\0\2\0isom".getBytes(StandardCharsets.US_ASCII);
            System.arraycopy(body, 0, box, 4, body.length);
            return Arrays.copyOf(box, 1024);
        }
    }
}

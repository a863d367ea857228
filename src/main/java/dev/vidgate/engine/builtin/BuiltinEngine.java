package dev.vidgate.engine.builtin;

import dev.vidgate.engine.Engine;
import dev.vidgate.engine.EngineStatus;
import dev.vidgate.common.FileTrees;
import dev.vidgate.engine.GenerationRequest;
import dev.vidgate.engine.builtin.encode.H264Library;
import dev.vidgate.engine.builtin.encode.VideoEncoder;
import dev.vidgate.engine.builtin.prompt.PromptReader;
import dev.vidgate.video.Variant;
import org.bytedeco.javacv.FrameRecorder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BiConsumer;

/**
 * The offline renderer: turns a request into an MP4 (H.264 + AAC), a WebP thumbnail and a JPEG
 * spritesheet on local disk, with no network access. The prompt directs it (see {@link PromptReader}):
 * text-to-video paints a procedural scene, image-to-video starts on the reference image, a remix on the
 * source video's first frame; the camera moves, looks and sound bed follow the prompt's words
 * (docs/renderer.md). Each render spreads over the cores by itself (see {@link ClipRenderer}).
 *
 * <p>Renders run on a pool of {@code maxConcurrentRenders} threads; further requests wait in a queue.
 * The handle is the job id. Files live in {@code workDir/<jobId>/} and are renamed into place only
 * when complete. Job state is kept in memory, so after a restart every handle is
 * {@link EngineStatus.Lost}; starting it again first deletes what the earlier process left behind.
 */
public final class BuiltinEngine implements Engine, AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(BuiltinEngine.class);
    private static final Duration CANCEL_WAIT = Duration.ofSeconds(5);
    private static final Duration KEEP_ENDED = Duration.ofHours(1);

    private final Path workDir;
    private final ThreadPoolExecutor pool;
    private final Map<String, RenderJob> jobs = new ConcurrentHashMap<>();
    private final Object lifecycle = new Object();
    private final int capacity;
    /** Frame buffers kept between renders: as many as the concurrent renders use at most. */
    private final FrameBufferPool buffers;
    private final VideoEncoder.Factory encoders;
    private final BiConsumer<String, String> readings;

    /** An engine whose node capacity equals its render threads, on the {@link H264Library#AUTO} encoder. */
    public BuiltinEngine(Path workDir, int maxConcurrentRenders) {
        this(workDir, maxConcurrentRenders, maxConcurrentRenders, H264Library.AUTO);
    }

    /**
     * @param capacity jobs a node runs on this engine at once; beyond {@code maxConcurrentRenders}
     *                 they wait in the render queue
     * @param h264     which OpenH264 encodes; {@link H264Library#SYSTEM} without the machine's library is an
     *                 {@link IllegalStateException}
     */
    public BuiltinEngine(Path workDir, int maxConcurrentRenders, int capacity, H264Library h264) {
        this(workDir, maxConcurrentRenders, capacity, h264, (jobId, reading) -> { });
    }

    /**
     * As {@link #BuiltinEngine(Path, int, int, H264Library)}, telling {@code readings} what each render read in its prompt
     * (the job id and one line, see {@link Shot#reading}) before its first frame; a failure there does not stop the render.
     */
    public BuiltinEngine(Path workDir, int maxConcurrentRenders, int capacity, H264Library h264, BiConsumer<String, String> readings) {
        this.readings = Objects.requireNonNull(readings, "readings");
        if (capacity < 1) throw new IllegalArgumentException("capacity must be at least 1");
        this.capacity = capacity;
        Objects.requireNonNull(workDir, "workDir");
        if (maxConcurrentRenders < 1) throw new IllegalArgumentException("maxConcurrentRenders must be at least 1");
        this.workDir = workDir.toAbsolutePath();
        try {
            Files.createDirectories(this.workDir);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the work directory " + this.workDir, e);
        }
        this.encoders = Objects.requireNonNull(h264, "h264").encoders();
        log.info("built-in engine: H.264 by {}", encoders.description());
        this.buffers = new FrameBufferPool(maxConcurrentRenders * ClipRenderer.BUFFERS_PER_RENDER);
        this.pool = new ThreadPoolExecutor(maxConcurrentRenders, maxConcurrentRenders, 0, TimeUnit.MILLISECONDS,
                new LinkedBlockingQueue<>(), daemonThreads());
    }

    private static ThreadFactory daemonThreads() {
        AtomicInteger count = new AtomicInteger();
        return task -> {
            Thread t = new Thread(task, "builtin-render-" + count.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }

    @Override
    public String name() { return "builtin"; }

    @Override
    public int capacity() { return capacity; }

    @Override
    public String start(GenerationRequest request) {
        String handle = request.jobId();
        synchronized (lifecycle) {
            evictEnded();
            RenderJob existing = jobs.get(handle);
            if (existing != null && existing.isActive()) return handle;
            RenderJob job = new RenderJob(handle, JobFiles.of(workDir, handle), ClipRenderer.frameCount(request));
            jobs.put(handle, job);
            try {
                job.files().deleteAll(); // leftovers of an earlier run or an earlier process
                job.future(pool.submit(() -> run(job, request)));
                log.info("job {}: queued {} {}s {} render", handle, request.size(), request.seconds(),
                        request.hasReference() ? "image-to-video" : "text-to-video");
            } catch (UncheckedIOException | RejectedExecutionException e) {
                log.error("job {}: could not start the render", handle, e);
                job.fail(new EngineStatus.Failed("render_failed", "the built-in engine could not start the render", true));
                job.finished();
            }
            return handle;
        }
    }

    @Override
    public EngineStatus check(GenerationRequest request, String handle) {
        RenderJob job = handle == null ? null : jobs.get(handle);
        return job == null ? new EngineStatus.Lost() : job.status();
    }

    @Override
    public void cancel(String handle) {
        RenderJob job = handle == null ? null : jobs.get(handle);
        if (job == null || !requestCancel(job)) return;
        try {
            if (!job.awaitFinished(CANCEL_WAIT)) log.warn("job {}: render did not stop within {}", handle, CANCEL_WAIT);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Flags the job to stop; true if its render task is running and will clean up when it notices. */
    private boolean requestCancel(RenderJob job) {
        if (!job.requestCancel()) return false;
        log.info("job {}: cancel requested", job.handle());
        var future = job.future();
        if (future != null && future.cancel(false)) {
            // it never got a thread: nothing is writing its files
            job.markCancelled();
            deleteQuietly(job);
            job.finished();
            return false;
        }
        return true;
    }

    @Override
    public void release(String handle) {
        if (handle == null) return;
        cancel(handle);
        synchronized (lifecycle) {
            RenderJob job = jobs.get(handle);
            if (job != null && job.isActive()) return; // restarted meanwhile: not ours to delete
            if (job != null) jobs.remove(handle, job);
            JobFiles files = job != null ? job.files() : JobFiles.of(workDir, handle);
            try {
                files.deleteAll();
            } catch (UncheckedIOException e) {
                log.warn("job {}: could not delete its files", handle, e);
            }
        }
    }

    /**
     * Deletes what no render of this engine owns in the work directory and was last modified before
     * {@code olderThan}: the folders a crash left behind, or of jobs that went on on another node. Answers
     * how many it deleted.
     */
    public int deleteStrayFiles(Instant olderThan) {
        int deleted = 0;
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(workDir)) {
            for (Path entry : entries) {
                if (deleteIfStray(entry, olderThan)) {
                    deleted++;
                    log.info("deleted the stray render files {}", entry.getFileName());
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("could not sweep the work directory " + workDir, e);
        }
        return deleted;
    }

    private boolean deleteIfStray(Path entry, Instant olderThan) throws IOException {
        try {
            if (isOwned(entry) || !FileTrees.lastModified(entry).isBefore(olderThan)) return false;
            synchronized (lifecycle) { // a start() registers its job under this lock before writing anything
                if (isOwned(entry)) return false;
                FileTrees.deleteTree(entry);
                return true;
            }
        } catch (NoSuchFileException gone) {
            return false; // deleted meanwhile
        }
    }

    private boolean isOwned(Path entry) {
        return jobs.values().stream().anyMatch(job -> job.files().dir().equals(entry));
    }

    /** Stops all renders (their partial files are deleted) and the worker threads. */
    @Override
    public void close() {
        jobs.values().forEach(this::requestCancel);
        pool.shutdown();
        try {
            if (!pool.awaitTermination(10, TimeUnit.SECONDS)) log.warn("render threads did not stop within 10 s");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void run(RenderJob job, GenerationRequest request) {
        String handle = job.handle();
        try {
            if (!job.markRunning()) { // cancelled while it waited for a thread
                cancelled(job);
                return;
            }
            long started = System.nanoTime();
            tellReading(handle, request);
            new ClipRenderer(request, job.files(), buffers, encoders, job::isCancelRequested, job::framesDone).render();
            JobFiles files = job.files();
            job.complete(() -> {
                files.commit(Variant.SPRITESHEET);
                files.commit(Variant.THUMBNAIL);
                files.commit(Variant.VIDEO);
            }, new JobOutput(files, request.seconds()));
            log.info("job {}: rendered {} x {}s ({} frames) in {} ms", handle, request.size(), request.seconds(),
                    ClipRenderer.frameCount(request), (System.nanoTime() - started) / 1_000_000);
        } catch (RenderCancelledException e) {
            cancelled(job);
        } catch (Throwable t) {
            if (job.isCancelRequested()) {
                // Stopping a render part-way (a cancel, a shutdown) can make its last step fail, e.g. on a file the
                // cancelled pipeline already removed: that is the cancel taking effect, not a renderer fault.
                log.debug("job {}: render stopped by its cancel with {}", handle, t.toString());
                cancelled(job);
            } else {
                failed(job, t);
            }
        } finally {
            job.finished();
        }
    }

    private void tellReading(String handle, GenerationRequest request) {
        String reading = Shot.reading(request);
        log.info("job {}: prompt read as {}", handle, reading);
        try {
            readings.accept(handle, reading);
        } catch (RuntimeException e) {
            log.warn("job {}: could not record the prompt's reading ({}); rendering on", handle, e.toString());
        }
    }

    private void cancelled(RenderJob job) {
        job.markCancelled();
        deleteQuietly(job);
        log.info("job {}: render cancelled", job.handle());
    }

    private void failed(RenderJob job, Throwable t) {
        String handle = job.handle();
        if (t instanceof BadInputException e) {
            job.fail(new EngineStatus.Failed("render_failed", e.getMessage(), false));
            deleteQuietly(job);
            log.warn("job {}: cannot render: {}", handle, e.getMessage(), e.getCause());
            return;
        }
        boolean retryable = isTransient(t);
        job.fail(new EngineStatus.Failed("render_failed", "the built-in renderer failed", retryable));
        deleteQuietly(job);
        log.error("job {}: render failed (retryable={})", handle, retryable, t);
    }

    /** Disk and memory trouble may pass; encoder errors and bugs would repeat. */
    private static boolean isTransient(Throwable t) {
        if (t instanceof FrameRecorder.Exception) return false;
        return t instanceof IOException || t instanceof UncheckedIOException || t instanceof OutOfMemoryError;
    }

    private static void deleteQuietly(RenderJob job) {
        try {
            job.files().deleteAll();
        } catch (RuntimeException e) {
            log.warn("job {}: could not delete partial files", job.handle(), e);
        }
    }

    private void evictEnded() {
        long now = System.nanoTime();
        jobs.values().removeIf(job -> job.endedUnsuccessfullyBefore(now, KEEP_ENDED));
    }
}

package dev.vidgate.video;

import dev.vidgate.catalog.ModelSpec;
import dev.vidgate.catalog.ModelCatalog;
import dev.vidgate.catalog.VideoSize;
import dev.vidgate.policy.ContentCheck;
import dev.vidgate.storage.ContentStore;
import dev.vidgate.tenancy.Principal;
import dev.vidgate.tenancy.TenancyErrors;
import dev.vidgate.video.reference.ReferenceImages;
import dev.vidgate.video.footage.FootageScreens;
import dev.vidgate.video.footage.FrameCheck;
import dev.vidgate.video.reference.ReferenceScreen;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.net.URI;
import java.time.Duration;
import java.time.InstantSource;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Consumer;

/** The use cases of the videos API, for one authenticated principal at a time. */
public final class VideoService {
    private final JobStore jobs;
    private final ContentStore content;
    private final ModelCatalog catalog;
    private final VideoPolicy policy;
    private final ReferenceImages references;
    private final InstantSource clock;
    private final Runnable newWork;
    private final Consumer<Video> deleted;
    private final Runnable admitCreate;
    private final ContentCheck contentCheck;
    private final CompletedVideos completed;

    /**
     * @param newWork     called after a job was queued, to wake the dispatcher
     * @param deleted     called after a video was deleted (its engine may keep a copy elsewhere); must not block
     * @param admitCreate called before a new job (create, remix) is stored; throws to refuse it (the node's storage
     *                    cannot take it)
     */
    public VideoService(JobStore jobs, ContentStore content, ModelCatalog catalog, VideoPolicy policy,
                        ReferenceImages references, InstantSource clock, Runnable newWork,
                        Consumer<Video> deleted, Runnable admitCreate) {
        this(jobs, content, catalog, policy, references, clock, newWork, deleted, admitCreate, ContentCheck.NONE);
    }

    /** @param contentCheck the content policy, run on every new job before anything is stored or held */
    public VideoService(JobStore jobs, ContentStore content, ModelCatalog catalog, VideoPolicy policy,
                        ReferenceImages references, InstantSource clock, Runnable newWork,
                        Consumer<Video> deleted, Runnable admitCreate, ContentCheck contentCheck) {
        this.contentCheck = contentCheck;
        this.admitCreate = admitCreate;
        this.deleted = deleted;
        this.jobs = jobs;
        this.content = content;
        this.catalog = catalog;
        this.policy = policy;
        this.references = references;
        this.clock = clock;
        this.newWork = newWork;
        this.completed = new CompletedVideos(clock, CompletedVideos.TTL);
    }

    public Video create(Principal who, CreateVideoRequest request) {
        String prompt = CreateChecks.prompt(request.prompt());
        String modelName = request.model() == null ? policy.defaultModel() : request.model();
        if (modelName.isEmpty()) throw VideoErrors.emptyModel();
        ModelSpec model = catalog.find(modelName).orElseThrow(() -> VideoErrors.unknownModel(modelName));
        if (!who.mayUse(model.name())) throw TenancyErrors.modelNotAllowed(who, modelName);
        CreateChecks.promptFits(prompt, model);
        CreateChecks.Chosen seconds = CreateChecks.seconds(request.seconds(), model, policy);
        CreateChecks.inputs(request, model);
        VideoSize size = request.size() == null && request.referenceImage() != null
                ? CreateChecks.sizeOfReference(references.pixels(request.referenceImage()), model, policy)
                : CreateChecks.size(request.size(), model, policy);
        VideoOptions options = CreateChecks.options(request, model);
        var subject = ContentCheck.Subject.prompt(who.tenantId(), who.keyId(), model.name(), prompt);
        // the prompt first: cheap, and before any image's face check, which runs at the level read for it
        ContentCheck.Images images = contentCheck.screen(subject);
        if (request.referenceImage() != null) {
            references.check(request.referenceImage(), size.width(), size.height(), screen(images, "input_reference"));
        }
        if (request.lastFrame() != null) {
            ReferenceImages.named("last_frame", () -> references.check(request.lastFrame(), size.width(), size.height(),
                    screen(images, "last_frame")));
        }
        return enqueue(who, new Draft(modelName, model, prompt, size, seconds.seconds(), request.referenceImage(), null, options,
                request.lastFrame(), seconds.adjustment().stream().toList(), options.seed() != null ? options.seed() : drawSeed(),
                null, null), request.idempotencyKey());
    }

    /** A new job from a completed one: same model, size and duration, a new prompt. */
    public Video remix(Principal who, String sourceId, CreateVideoRequest request) {
        Video source = get(who, sourceId);
        String prompt = CreateChecks.prompt(request.prompt());
        if (source.status() != VideoStatus.COMPLETED) {
            throw VideoErrors.invalidState("Video " + source.id() + " is " + source.status().wireName()
                    + "; only completed videos can be remixed.");
        }
        ModelSpec model = catalog.find(source.model()).orElseThrow(() -> VideoErrors.unknownModel(source.model()));
        if (!who.mayUse(model.name())) throw TenancyErrors.modelNotAllowed(who, source.model());
        // The expiry sweep deletes the reference with the video: an expired source cannot be remixed.
        if (source.contentExpired()) throw VideoErrors.expired(source);
        byte[] reference = source.hasReference() ? readAll(source.referenceKey()) : null;
        byte[] lastFrame = source.options().hasLastFrame() ? readAll(source.lastFrameKey()) : null;
        screenPrompt(who, model, prompt);
        // a take of its own: the source's seed would make two remixes with one prompt the same video
        return enqueue(who, new Draft(source.model(), model, prompt, source.size(), source.seconds(), reference, source.id(),
                source.options(), lastFrame, List.of(), drawSeed(), null, null), request.idempotencyKey());
    }

    /** The content policy's check of a new job's prompt (a create's images are screened as their check decodes them). */
    void screenPrompt(Principal who, ModelSpec model, String prompt) {
        contentCheck.screen(ContentCheck.Subject.prompt(who.tenantId(), who.keyId(), model.name(), prompt));
    }

    /**
     * Stores a checked (and screened) job, its images and footage first, and wakes the dispatcher; an earlier job of the
     * same Idempotency-Key answers instead.
     */
    Video enqueue(Principal who, Draft d, String idempotencyKey) {
        admitCreate.run();
        var now = clock.instant();
        String id = VideoIds.next(clock);
        var draft = new NewVideo(id, who.tenantId(), who.keyId(), d.modelName, d.model.quality(), d.prompt, d.size, d.seconds,
                d.reference != null, d.remixedFrom, d.model.engine(), now, idempotencyKey, d.options, d.adjustments, d.seed,
                d.source);
        String prefix = "videos/" + id;
        boolean staged = d.reference != null || d.lastFrame != null || d.footage != null;
        // The images are stored before the job exists, so a worker never sees a job without them.
        if (d.reference != null) content.put(prefix + "/reference", new ByteArrayInputStream(d.reference));
        if (d.lastFrame != null) content.put(prefix + "/last_frame", new ByteArrayInputStream(d.lastFrame));
        if (d.footage != null) content.put(prefix + "/source", new ByteArrayInputStream(d.footage));
        Video stored;
        try {
            stored = jobs.insert(draft, now.minus(policy.idempotencyWindow()));
        } catch (RuntimeException e) {
            if (staged) content.deleteAll(prefix);
            throw e;
        }
        if (!stored.id().equals(id)) {
            // An earlier job answered this Idempotency-Key: drop what was staged for the new one.
            if (staged) content.deleteAll(prefix);
            return stored;
        }
        newWork.run();
        return stored;
    }

    VideoPolicy policy() {
        return policy;
    }

    ModelCatalog catalog() {
        return catalog;
    }

    public Video get(Principal who, String id) {
        if (!VideoIds.isWellFormed(id)) throw VideoErrors.notFound(id);
        return jobs.find(who.tenantId(), id).orElseThrow(() -> VideoErrors.notFound(id));
    }

    public List<Video> list(Principal who, String afterId, int limit, boolean ascending) {
        if (afterId != null) get(who, afterId);
        return jobs.list(who.tenantId(), afterId, limit, ascending);
    }

    /** Cancels a queued or running job; cancelling a cancelled job answers it unchanged. */
    public Video cancel(Principal who, String id) {
        for (int attempt = 0; attempt < 5; attempt++) {
            Video current = get(who, id);
            if (current.status() == VideoStatus.CANCELLED) return current;
            if (current.status().isFinished()) {
                throw VideoErrors.invalidState("Video " + id + " is already " + current.status().wireName() + " and cannot be cancelled.");
            }
            Optional<Video> cancelled = jobs.cancel(current, clock.instant());
            if (cancelled.isPresent()) return cancelled.get();
        }
        throw VideoErrors.invalidState("Video " + id + " changed state while being cancelled; try again.");
    }

    /** Deletes a finished job and its files. */
    public void delete(Principal who, String id) {
        for (int attempt = 0; attempt < 5; attempt++) {
            Video current = get(who, id);
            if (!current.status().isFinished()) {
                throw VideoErrors.invalidState("Video " + id + " is " + current.status().wireName()
                        + "; cancel it or wait until it finishes before deleting it.");
            }
            // Files first: if the store fails, the record stays and the client's retry finishes the job;
            // the other way round would leave files that no record points to.
            content.deleteAll(current.storagePrefix());
            if (jobs.delete(current)) {
                completed.forget(id);
                deleted.accept(current);
                return;
            }
        }
        throw VideoErrors.invalidState("Video " + id + " changed state while being deleted; try again.");
    }

    /** Where a finished video's rendition is, checked to be downloadable now. */
    public DownloadableContent content(Principal who, String id, Variant variant) {
        Optional<Video> remembered = completed.find(who.tenantId(), id);
        if (remembered.isPresent()) {
            checkDownloadable(remembered.get());
            Optional<DownloadableContent> found = stored(remembered.get(), variant);
            if (found.isPresent()) return found.get();
            completed.forget(id); // deleted or swept elsewhere: the job's record says what happened
        }
        Video video = get(who, id);
        DownloadableContent found = downloadable(video, variant);
        completed.remember(video);
        return found;
    }

    /** The operator's: a finished video's rendition, of any tenant. */
    public DownloadableContent contentOfAnyTenant(String id, Variant variant) {
        if (!VideoIds.isWellFormed(id)) throw VideoErrors.notFound(id);
        return downloadable(jobs.findById(id).orElseThrow(() -> VideoErrors.notFound(id)), variant);
    }

    private DownloadableContent downloadable(Video video, Variant variant) {
        checkDownloadable(video);
        return stored(video, variant).orElseThrow(() -> VideoErrors.expired(video));
    }

    private void checkDownloadable(Video video) {
        if (video.status() != VideoStatus.COMPLETED) throw VideoErrors.notReady(video);
        if (video.contentExpired() || (video.expiresAt() != null && !clock.instant().isBefore(video.expiresAt()))) {
            throw VideoErrors.expired(video);
        }
    }

    /** The rendition as the store holds it now; empty when its file is gone. */
    private Optional<DownloadableContent> stored(Video video, Variant variant) {
        String key = video.storageKey(variant);
        return content.size(key).map(size -> new DownloadableContent(video, variant, key, size));
    }

    public InputStream open(DownloadableContent c, long offset, long length) {
        return content.open(c.key(), offset, length);
    }

    /** The rendition's local file, to send without copying it through the JVM (sendfile); empty if the store has none. */
    public Optional<java.nio.file.Path> localFile(DownloadableContent c) {
        return content.localFile(c.key());
    }

    /** A URL that serves the rendition straight from the store for {@code ttl}, if the store can make one. */
    public Optional<URI> directUrl(DownloadableContent c, Duration ttl, String contentDisposition) {
        return content.presignedUrl(c.key(), ttl, c.variant().mediaType(), contentDisposition);
    }

    /** The content policy's checks of an input image sent as {@code param}, on the picture the reference check decodes. */
    private static ReferenceScreen screen(ContentCheck.Images images, String param) {
        return images.active() ? picture -> images.check(param, picture) : ReferenceScreen.NONE;
    }

    /**
     * The content policy's look at an uploaded clip (an edit's or extension's, a character's; made by the default model):
     * both end frames, as {@code video}, when the caller's level covers input images ({@link FootageScreens}).
     */
    public FrameCheck footageScreen(Principal who, String text) {
        var subject = ContentCheck.Subject.prompt(who.tenantId(), who.keyId(), policy.defaultModel(), text);
        ContentCheck.Images images = contentCheck.images(subject);
        if (!images.active()) return FrameCheck.NONE;
        return footage -> {
            images.check("video", footage.firstFrame());
            images.check("video", footage.lastFrame());
        };
    }

    byte[] readAll(String key) {
        long size = content.size(key).orElseThrow(() -> new IllegalStateException("reference image missing: " + key));
        try (InputStream in = content.open(key, 0, size)) {
            return in.readAllBytes();
        } catch (java.io.IOException e) {
            throw new dev.vidgate.storage.StorageException("cannot read " + key, e);
        }
    }

    /**
     * A checked job; {@code seed} its own seed; {@code source} and {@code footage} (its MP4) for an edit or an extension,
     * else null.
     */
    record Draft(String modelName, ModelSpec model, String prompt, VideoSize size, int seconds, byte[] reference,
                 String remixedFrom, VideoOptions options, byte[] lastFrame, List<Adjustment> adjustments, long seed,
                 SourceClip source, byte[] footage) {}

    /** A job seed of the range a client may send ({@code 0} to {@link VideoErrors#MAX_SEED}). */
    static long drawSeed() {
        return ThreadLocalRandom.current().nextLong(VideoErrors.MAX_SEED + 1);
    }

    /** A rendition that can be streamed now. */
    public record DownloadableContent(Video video, Variant variant, String key, long size) {}
}

package dev.vidgate.testsupport;

import dev.vidgate.video.Adjustment;
import dev.vidgate.video.NewVideo;
import dev.vidgate.video.VideoOptions;
import dev.vidgate.video.SourceClip;
import dev.vidgate.catalog.VideoSize;

import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Test data: a {@link NewVideo} to insert, with sensible defaults (tenant {@code ten_a}, key {@code key_a},
 * sora-2 720p for 4 seconds on the built-in engine); change only what a test is about.
 */
public final class VideoBuilder {
    private static final AtomicLong SEQUENCE = new AtomicLong();

    private final String id = String.format("video_%032x", SEQUENCE.incrementAndGet());
    private String tenantId = "ten_a";
    private String keyId = "key_a";
    private String model = "sora-2";
    private VideoSize size = new VideoSize(1280, 720);
    private int seconds = 4;
    private String prompt = "a calm sea at dawn";
    private Instant createdAt = Instant.parse("2026-11-01T10:00:00Z");
    private String idempotencyKey;
    private String engine = "builtin";
    private boolean hasReference;
    private VideoOptions options = VideoOptions.NONE;
    private List<Adjustment> adjustments = List.of();
    private Long jobSeed;
    private SourceClip source;

    private VideoBuilder() {}

    public static VideoBuilder aVideo() {
        return new VideoBuilder();
    }

    public VideoBuilder tenant(String tenantId) {
        this.tenantId = tenantId;
        return this;
    }

    public VideoBuilder key(String keyId) {
        this.keyId = keyId;
        return this;
    }

    public VideoBuilder model(String model, int width, int height) {
        this.model = model;
        this.size = new VideoSize(width, height);
        return this;
    }

    public VideoBuilder seconds(int seconds) {
        this.seconds = seconds;
        return this;
    }

    public VideoBuilder prompt(String prompt) {
        this.prompt = prompt;
        return this;
    }

    public VideoBuilder createdAt(Instant createdAt) {
        this.createdAt = createdAt;
        return this;
    }

    public VideoBuilder idempotencyKey(String idempotencyKey) {
        this.idempotencyKey = idempotencyKey;
        return this;
    }

    public VideoBuilder engine(String engine) {
        this.engine = engine;
        return this;
    }

    /** A job with an uploaded reference image (stored under its {@code Video#referenceKey()}). */
    public VideoBuilder withReference() {
        this.hasReference = true;
        return this;
    }

    /** A job with the optional create fields of other providers (a last frame stored under its {@code Video#lastFrameKey()}). */
    public VideoBuilder options(VideoOptions options) {
        this.options = options;
        return this;
    }

    /** A job whose request the gateway changed, e.g. {@code new Adjustment("seconds", "12", "8")}. */
    /** The job's own seed (by default none, as for a job from before seeds were recorded). */
    public VideoBuilder jobSeed(long jobSeed) {
        this.jobSeed = jobSeed;
        return this;
    }

    public VideoBuilder adjustments(Adjustment... adjustments) {
        this.adjustments = List.of(adjustments);
        return this;
    }

    /** An edit or an extension of {@code source} (its MP4 stored under {@code Video#sourceKey()}). */
    public VideoBuilder source(SourceClip source) {
        this.source = source;
        return this;
    }

    public NewVideo build() {
        return new NewVideo(id, tenantId, keyId, model, "standard", prompt, size, seconds, hasReference, null, engine, createdAt,
                idempotencyKey, options, adjustments, jobSeed, source);
    }
}

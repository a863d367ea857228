package dev.vidgate.video;


import java.time.Instant;
import java.util.concurrent.atomic.AtomicLong;

/** Test data: a queued job with sensible defaults; change only what a test is about. */
public final class VideoBuilder {
    private static final AtomicLong SEQUENCE = new AtomicLong();

    private String id = String.format("video_%032x", SEQUENCE.incrementAndGet());
    private String tenantId = "ten_a";
    private String keyId = "key_a";
    private String prompt = "a calm sea at dawn";
    private Instant createdAt = Instant.parse("2026-11-01T10:00:00Z");
    private String idempotencyKey;
    private String engine = "builtin";
    private boolean hasReference;

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

    /** A job whose reference image was uploaded (stored under its {@code referenceKey}). */
    public VideoBuilder withReference() {
        this.hasReference = true;
        return this;
    }

    public NewVideo build() {
        return new NewVideo(id, tenantId, keyId, "sora-2", "standard", prompt, new VideoSize(1280, 720), 4, hasReference, null,
                engine, createdAt, idempotencyKey);
    }
}

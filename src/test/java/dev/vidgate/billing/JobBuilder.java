package dev.vidgate.billing;

import dev.vidgate.video.NewVideo;
import dev.vidgate.video.VideoSize;

import java.time.Instant;
import java.util.concurrent.atomic.AtomicLong;

/** Test data: a job to insert, sora-2 720p for 4 seconds unless a test says otherwise. */
public final class JobBuilder {
    private static final AtomicLong SEQUENCE = new AtomicLong();

    private final String id = String.format("video_%032x", SEQUENCE.incrementAndGet() + System.nanoTime() % 1_000_000 * 1_000_000L);
    private String tenantId;
    private String keyId;
    private String model = "sora-2";
    private VideoSize size = new VideoSize(1280, 720);
    private int seconds = 4;
    private Instant createdAt = Instant.parse("2026-11-05T10:00:00Z");

    private JobBuilder(String tenantId, String keyId) {
        this.tenantId = tenantId;
        this.keyId = keyId;
    }

    public static JobBuilder aJob(String tenantId, String keyId) {
        return new JobBuilder(tenantId, keyId);
    }

    public JobBuilder model(String model, int width, int height) {
        this.model = model;
        this.size = new VideoSize(width, height);
        return this;
    }

    public JobBuilder seconds(int seconds) {
        this.seconds = seconds;
        return this;
    }

    public JobBuilder createdAt(Instant createdAt) {
        this.createdAt = createdAt;
        return this;
    }

    public NewVideo build() {
        return new NewVideo(id, tenantId, keyId, model, "standard", "a calm sea at dawn", size, seconds, false, null, "builtin",
                createdAt, null);
    }
}

package dev.vidgate.video;

import com.github.benmanes.caffeine.cache.Cache;
import dev.vidgate.common.ClockedCaches;

import java.time.Duration;
import java.time.InstantSource;
import java.util.Optional;

/**
 * Completed videos whose content this node served, remembered for a short time so that a client downloading the same
 * video again (or range after range of it) costs no database round trip. A completed job's content does not change
 * until it expires or is deleted: its expiry time is checked on every download, a delete on this node forgets it at
 * once ({@link #forget}), and a delete or expiry sweep on another node shows when the file is found gone (the caller
 * then looks the job up again), at the latest after {@code ttl}.
 *
 * <p>Bounded (least recently used entries leave first); an entry answers only to its own tenant, so another tenant
 * still gets the database's answer (not found).
 */
final class CompletedVideos {
    /** How long this node trusts a remembered completed video without asking the database again. */
    static final Duration TTL = Duration.ofSeconds(5);
    private static final int MAX_ENTRIES = 10_000;

    private final Cache<String, Video> cache;

    CompletedVideos(InstantSource clock, Duration ttl) {
        this.cache = ClockedCaches.bounded(clock, MAX_ENTRIES).expireAfterWrite(ttl).build();
    }

    /** The remembered completed video {@code id} of this tenant; empty when not remembered. */
    Optional<Video> find(String tenantId, String id) {
        Video video = cache.getIfPresent(id);
        return video != null && video.tenantId().equals(tenantId) ? Optional.of(video) : Optional.empty();
    }

    /** Remembers a video whose content was just found downloadable. */
    void remember(Video video) {
        if (video.status() == VideoStatus.COMPLETED && !video.contentExpired()) cache.put(video.id(), video);
    }

    void forget(String id) {
        cache.invalidate(id);
    }
}

package dev.vidgate.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import dev.vidgate.video.Adjustment;
import dev.vidgate.video.Video;
import dev.vidgate.video.VideoError;

import java.time.Instant;
import java.util.List;

/**
 * The wire form of a Video object (SPEC section 5): every key present, null where unset. Our one extension,
 * {@code adjustments} (what the gateway changed of the request, such as a snapped {@code seconds}, or
 * the engine of its output, such as a padded length), appears only when
 * there is one, so a Sora client sees the object it knows.
 */
@JsonInclude(JsonInclude.Include.ALWAYS)
public record VideoJson(
        String id,
        String object,
        String model,
        String status,
        int progress,
        @JsonProperty("created_at") long createdAt,
        @JsonProperty("completed_at") Long completedAt,
        @JsonProperty("expires_at") Long expiresAt,
        String prompt,
        String size,
        String seconds,
        String quality,
        @JsonProperty("remixed_from_video_id") String remixedFromVideoId,
        VideoError error,
        @JsonInclude(JsonInclude.Include.NON_EMPTY) List<Adjustment> adjustments) {

    public static VideoJson of(Video v) {
        return new VideoJson(v.id(), "video", v.model(), v.status().wireName(), v.progress(), v.createdAt().getEpochSecond(),
                seconds(v.completedAt()), seconds(v.expiresAt()), v.prompt(), v.size().toString(), Integer.toString(v.seconds()),
                v.quality(), v.remixedFromVideoId(), v.error(), v.adjustments());
    }

    private static Long seconds(Instant t) {
        return t == null ? null : t.getEpochSecond();
    }

    record Deleted(String id, String object, boolean deleted) {}
}

package dev.vidgate.video.jdbc;

import dev.vidgate.video.ProviderUsage;
import dev.vidgate.video.SourceClip;
import dev.vidgate.video.Video;
import dev.vidgate.video.VideoError;
import dev.vidgate.video.VideoOptions;
import dev.vidgate.catalog.VideoSize;
import dev.vidgate.video.VideoStatus;
import org.springframework.jdbc.core.RowMapper;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;

/** Maps a {@code videos} row to a {@link Video}. */
final class VideoRowMapper implements RowMapper<Video> {
    static final VideoRowMapper INSTANCE = new VideoRowMapper();

    static final String COLUMNS = "id, tenant_id, key_id, model, quality, status, progress, prompt, width, height, seconds, delivered_seconds, "
            + "usage_tokens, usage_seconds, "
            + "has_reference, remixed_from_video_id, engine, engine_handle, error_code, error_message, created_at, "
            + "started_at, completed_at, expires_at, content_expired, attempts, version, negative_prompt, seed, generate_audio, has_last_frame, "
            + "adjustments, job_seed, prompt_reading, source_kind, source_video_id, source_seconds";

    @Override
    public Video mapRow(ResultSet rs, int rowNum) throws SQLException {
        String errorCode = rs.getString("error_code");
        return new Video(
                rs.getString("id"),
                rs.getString("tenant_id"),
                rs.getString("key_id"),
                rs.getString("model"),
                rs.getString("quality"),
                VideoStatus.valueOf(rs.getString("status")),
                rs.getInt("progress"),
                rs.getString("prompt"),
                new VideoSize(rs.getInt("width"), rs.getInt("height")),
                rs.getInt("seconds"),
                rs.getInt("delivered_seconds"),
                usage(rs),
                rs.getBoolean("has_reference"),
                rs.getString("remixed_from_video_id"),
                rs.getString("engine"),
                rs.getString("engine_handle"),
                errorCode == null ? null : new VideoError(errorCode, rs.getString("error_message")),
                instant(rs, "created_at"),
                instant(rs, "started_at"),
                instant(rs, "completed_at"),
                instant(rs, "expires_at"),
                rs.getBoolean("content_expired"),
                rs.getInt("attempts"),
                rs.getLong("version"),
                new VideoOptions(rs.getString("negative_prompt"), rs.getObject("seed", Long.class),
                        rs.getObject("generate_audio", Boolean.class), rs.getBoolean("has_last_frame")),
                Adjustments.read(rs.getString("adjustments")),
                rs.getObject("job_seed", Long.class),
                rs.getString("prompt_reading"),
                source(rs));
    }

    private static SourceClip source(ResultSet rs) throws SQLException {
        String kind = rs.getString("source_kind");
        return kind == null ? null : new SourceClip(SourceClip.Kind.fromWire(kind), rs.getString("source_video_id"), rs.getInt("source_seconds"));
    }

    private static ProviderUsage usage(ResultSet rs) throws SQLException {
        long tokens = rs.getLong("usage_tokens");
        boolean noTokens = rs.wasNull();
        double seconds = rs.getDouble("usage_seconds");
        boolean noSeconds = rs.wasNull();
        return noTokens && noSeconds ? ProviderUsage.NONE : new ProviderUsage(noTokens ? null : tokens, noSeconds ? null : seconds);
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        long millis = rs.getLong(column);
        return rs.wasNull() ? null : Instant.ofEpochMilli(millis);
    }
}

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
import java.util.List;

/** Maps a {@code videos} row to a {@link Video}. */
final class VideoRowMapper implements RowMapper<Video> {
    static final VideoRowMapper INSTANCE = new VideoRowMapper();

    /**
     * The columns every query mapped here selects first, in this order: the one place that defines it. The row is read by
     * position (a lookup by name was a measurable share of a GET of one job on H2); extra columns may follow.
     */
    private static final List<String> ORDER = List.of(
            "id", "tenant_id", "key_id", "model", "quality", "status", "progress", "prompt", "width", "height",
            "seconds", "delivered_seconds", "usage_tokens", "usage_seconds", "has_reference", "remixed_from_video_id",
            "engine", "engine_handle", "error_code", "error_message", "created_at", "started_at", "completed_at",
            "expires_at", "content_expired", "attempts", "version", "negative_prompt", "seed", "generate_audio",
            "has_last_frame", "adjustments", "job_seed", "prompt_reading", "source_kind", "source_video_id",
            "source_seconds");
    static final String COLUMNS = String.join(", ", ORDER);

    private static final int ID = at("id");
    private static final int TENANT_ID = at("tenant_id");
    private static final int KEY_ID = at("key_id");
    private static final int MODEL = at("model");
    private static final int QUALITY = at("quality");
    private static final int STATUS = at("status");
    private static final int PROGRESS = at("progress");
    private static final int PROMPT = at("prompt");
    private static final int WIDTH = at("width");
    private static final int HEIGHT = at("height");
    private static final int SECONDS = at("seconds");
    private static final int DELIVERED_SECONDS = at("delivered_seconds");
    private static final int USAGE_TOKENS = at("usage_tokens");
    private static final int USAGE_SECONDS = at("usage_seconds");
    private static final int HAS_REFERENCE = at("has_reference");
    private static final int REMIXED_FROM_VIDEO_ID = at("remixed_from_video_id");
    private static final int ENGINE = at("engine");
    private static final int ENGINE_HANDLE = at("engine_handle");
    private static final int ERROR_CODE = at("error_code");
    private static final int ERROR_MESSAGE = at("error_message");
    private static final int CREATED_AT = at("created_at");
    private static final int STARTED_AT = at("started_at");
    private static final int COMPLETED_AT = at("completed_at");
    private static final int EXPIRES_AT = at("expires_at");
    private static final int CONTENT_EXPIRED = at("content_expired");
    private static final int ATTEMPTS = at("attempts");
    private static final int VERSION = at("version");
    private static final int NEGATIVE_PROMPT = at("negative_prompt");
    private static final int SEED = at("seed");
    private static final int GENERATE_AUDIO = at("generate_audio");
    private static final int HAS_LAST_FRAME = at("has_last_frame");
    private static final int ADJUSTMENTS = at("adjustments");
    private static final int JOB_SEED = at("job_seed");
    private static final int PROMPT_READING = at("prompt_reading");
    private static final int SOURCE_KIND = at("source_kind");
    private static final int SOURCE_VIDEO_ID = at("source_video_id");
    private static final int SOURCE_SECONDS = at("source_seconds");

    private static int at(String column) {
        return ORDER.indexOf(column) + 1;
    }

    @Override
    public Video mapRow(ResultSet rs, int rowNum) throws SQLException {
        String errorCode = rs.getString(ERROR_CODE);
        return new Video(
                rs.getString(ID),
                rs.getString(TENANT_ID),
                rs.getString(KEY_ID),
                rs.getString(MODEL),
                rs.getString(QUALITY),
                VideoStatus.valueOf(rs.getString(STATUS)),
                rs.getInt(PROGRESS),
                rs.getString(PROMPT),
                new VideoSize(rs.getInt(WIDTH), rs.getInt(HEIGHT)),
                rs.getInt(SECONDS),
                rs.getInt(DELIVERED_SECONDS),
                usage(rs),
                rs.getBoolean(HAS_REFERENCE),
                rs.getString(REMIXED_FROM_VIDEO_ID),
                rs.getString(ENGINE),
                rs.getString(ENGINE_HANDLE),
                errorCode == null ? null : new VideoError(errorCode, rs.getString(ERROR_MESSAGE)),
                instant(rs, CREATED_AT),
                instant(rs, STARTED_AT),
                instant(rs, COMPLETED_AT),
                instant(rs, EXPIRES_AT),
                rs.getBoolean(CONTENT_EXPIRED),
                rs.getInt(ATTEMPTS),
                rs.getLong(VERSION),
                new VideoOptions(rs.getString(NEGATIVE_PROMPT), rs.getObject(SEED, Long.class),
                        rs.getObject(GENERATE_AUDIO, Boolean.class), rs.getBoolean(HAS_LAST_FRAME)),
                Adjustments.read(rs.getString(ADJUSTMENTS)),
                rs.getObject(JOB_SEED, Long.class),
                rs.getString(PROMPT_READING),
                source(rs));
    }

    private static SourceClip source(ResultSet rs) throws SQLException {
        String kind = rs.getString(SOURCE_KIND);
        return kind == null ? null : new SourceClip(SourceClip.Kind.fromWire(kind), rs.getString(SOURCE_VIDEO_ID), rs.getInt(SOURCE_SECONDS));
    }

    private static ProviderUsage usage(ResultSet rs) throws SQLException {
        long tokens = rs.getLong(USAGE_TOKENS);
        boolean noTokens = rs.wasNull();
        double seconds = rs.getDouble(USAGE_SECONDS);
        boolean noSeconds = rs.wasNull();
        return noTokens && noSeconds ? ProviderUsage.NONE : new ProviderUsage(noTokens ? null : tokens, noSeconds ? null : seconds);
    }

    private static Instant instant(ResultSet rs, int column) throws SQLException {
        long millis = rs.getLong(column);
        return rs.wasNull() ? null : Instant.ofEpochMilli(millis);
    }
}

package dev.vidgate.engine.builtin.encode;

import static org.bytedeco.ffmpeg.global.avutil.AV_LOG_ERROR;
import static org.bytedeco.ffmpeg.global.avutil.AV_LOG_INFO;
import static org.bytedeco.ffmpeg.global.avutil.av_log_get_level;
import static org.bytedeco.ffmpeg.global.avutil.av_log_set_level;

/** One-time FFmpeg setup shared by the writers. */
public final class FfmpegSupport {
    private static volatile boolean initialised;

    private FfmpegSupport() {}

    /**
     * Quiets FFmpeg's per-stream informational chatter on stderr (encoder banners, statistics).
     * A level somebody else chose explicitly is left alone.
     */
    public static void init() {
        if (initialised) return;
        synchronized (FfmpegSupport.class) {
            if (initialised) return;
            if (av_log_get_level() == AV_LOG_INFO) av_log_set_level(AV_LOG_ERROR);
            initialised = true;
        }
    }
}

package dev.vidgate.billing;

import dev.vidgate.catalog.VideoSize;

/** The price class of a size: its shorter side, as in "720p" for 1280x720 and 720x1280, "1024p" for 1792x1024. */
public final class Resolution {
    private Resolution() {}

    public static String of(VideoSize size) {
        return Math.min(size.width(), size.height()) + "p";
    }
}

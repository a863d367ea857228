package dev.vidgate.video;

import java.security.SecureRandom;
import java.time.InstantSource;
import java.util.HexFormat;
import java.util.regex.Pattern;

/** Makes and recognises video ids: {@code video_} and 32 hex digits, time-prefixed like OpenAI's. */
public final class VideoIds {
    private static final Pattern ID = Pattern.compile("video_[0-9a-f]{32}");
    private static final SecureRandom RANDOM = new SecureRandom();

    private VideoIds() {}

    public static String next(InstantSource clock) {
        byte[] random = new byte[12];
        RANDOM.nextBytes(random);
        return "video_" + String.format("%08x", clock.instant().getEpochSecond()) + HexFormat.of().formatHex(random);
    }

    public static boolean isWellFormed(String id) {
        return id != null && ID.matcher(id).matches();
    }
}

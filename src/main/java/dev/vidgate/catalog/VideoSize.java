package dev.vidgate.catalog;

import java.util.Optional;
import java.util.regex.Pattern;

/** Output frame size in pixels, written {@code WxH} on the wire (exactly: ASCII digits, no spaces). */
public record VideoSize(int width, int height) {
    private static final Pattern WIRE = Pattern.compile("([1-9][0-9]{0,4})x([1-9][0-9]{0,4})");

    public VideoSize {
        if (width <= 0 || height <= 0) throw new IllegalArgumentException("size must be positive: " + width + "x" + height);
    }

    public static Optional<VideoSize> parse(String wire) {
        if (wire == null) return Optional.empty();
        var m = WIRE.matcher(wire);
        if (!m.matches()) return Optional.empty();
        return Optional.of(new VideoSize(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2))));
    }

    @Override
    public String toString() { return width + "x" + height; }
}

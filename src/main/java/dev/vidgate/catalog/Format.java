package dev.vidgate.catalog;

import java.util.Objects;

/**
 * One output size a model makes, as the provider asks for it: an aspect ratio ({@code 16:9}) and a
 * resolution tier ({@code 720p}). The tier is also the price class of the size.
 */
public record Format(VideoSize size, String aspectRatio, String resolution) {
    public Format {
        Objects.requireNonNull(size, "size");
        Objects.requireNonNull(aspectRatio, "aspectRatio");
        Objects.requireNonNull(resolution, "resolution");
    }

    /** The size with its reduced ratio ({@code 1280x720} is {@code 16:9}) and its shorter side as tier. */
    public static Format of(VideoSize size) {
        return new Format(size, ratio(size), Math.min(size.width(), size.height()) + "p");
    }

    /** The size written {@code WxH}, with the given ratio and tier. */
    static Format of(int width, int height, String aspectRatio, String resolution) {
        return new Format(new VideoSize(width, height), aspectRatio, resolution);
    }

    static String ratio(VideoSize size) {
        int d = gcd(size.width(), size.height());
        return size.width() / d + ":" + size.height() / d;
    }

    private static int gcd(int a, int b) {
        return b == 0 ? a : gcd(b, a % b);
    }
}

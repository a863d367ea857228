package dev.vidgate.billing;

/**
 * The price of one second of video of a model at a resolution, in micro-credits.
 *
 * @param resolution {@code 720p}, {@code 1024p}, {@code 1080p}: the shorter side of the size
 * @param overridden true when set by the operator (admin API or command), false for a configured default
 */
public record Price(String model, String resolution, long pricePerSecond, boolean overridden) {}

package dev.vidgate.video.footage;

import java.awt.image.BufferedImage;

/**
 * An uploaded clip that passed the checks: its picture size, its length as played, and its first and last frames
 * (upright RGB copies at the clip's size), which an edit and an extension start from.
 */
public record Footage(int width, int height, double seconds, BufferedImage firstFrame, BufferedImage lastFrame) {

    /** The length in whole seconds, at least 1, as a job's {@code seconds} shows it. */
    public int wholeSeconds() {
        return Math.max(1, (int) Math.round(seconds));
    }
}

package dev.vidgate.video;

import java.util.Optional;

/** The downloadable renditions of a finished video, as named by the {@code variant} query parameter. */
public enum Variant {
    VIDEO("video", "video/mp4", "video.mp4"),
    THUMBNAIL("thumbnail", "image/webp", "thumbnail.webp"),
    SPRITESHEET("spritesheet", "image/jpeg", "spritesheet.jpg");

    private final String wireName;
    private final String mediaType;
    private final String fileName;

    Variant(String wireName, String mediaType, String fileName) {
        this.wireName = wireName;
        this.mediaType = mediaType;
        this.fileName = fileName;
    }

    public String wireName() { return wireName; }

    public String mediaType() { return mediaType; }

    /** The file name used for this rendition inside a video's storage folder. */
    public String fileName() { return fileName; }

    public static Optional<Variant> fromWire(String name) {
        for (Variant v : values()) {
            if (v.wireName.equals(name)) return Optional.of(v);
        }
        return Optional.empty();
    }
}

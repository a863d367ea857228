package dev.vidgate.media;

import java.util.Optional;

/** The reference image formats the API accepts, recognised only by their leading magic bytes. */
public enum ImageFormat {
    JPEG("image/jpeg", "jpg"),
    PNG("image/png", "png"),
    WEBP("image/webp", "webp");

    private static final byte[] PNG_MAGIC = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'};

    private final String mediaType;
    private final String extension;

    ImageFormat(String mediaType, String extension) {
        this.mediaType = mediaType;
        this.extension = extension;
    }

    public String mediaType() { return mediaType; }

    /** The usual file name extension, without the dot: {@code jpg}, {@code png}, {@code webp}. */
    public String extension() { return extension; }

    /**
     * The format named by the first bytes of {@code bytes}: JPEG {@code FF D8 FF}, PNG
     * {@code 89 50 4E 47 0D 0A 1A 0A}, WebP {@code RIFF????WEBP}. Labels and file names are never consulted.
     */
    public static Optional<ImageFormat> detect(byte[] bytes) {
        if (bytes == null) return Optional.empty();
        if (bytes.length >= 3 && (bytes[0] & 0xFF) == 0xFF && (bytes[1] & 0xFF) == 0xD8 && (bytes[2] & 0xFF) == 0xFF) {
            return Optional.of(JPEG);
        }
        if (startsWith(bytes, 0, PNG_MAGIC)) return Optional.of(PNG);
        if (bytes.length >= 12 && startsWith(bytes, 0, new byte[] {'R', 'I', 'F', 'F'})
                && startsWith(bytes, 8, new byte[] {'W', 'E', 'B', 'P'})) {
            return Optional.of(WEBP);
        }
        return Optional.empty();
    }

    /**
     * {@code image} as a {@code data:} URI ({@code data:image/png;base64,...}), the inline form providers take where they
     * also take an image URL; an unrecognised image is labelled {@code application/octet-stream}.
     */
    public static String dataUri(byte[] image) {
        String type = detect(image).map(ImageFormat::mediaType).orElse("application/octet-stream");
        return "data:" + type + ";base64," + java.util.Base64.getEncoder().encodeToString(image);
    }

    private static boolean startsWith(byte[] bytes, int at, byte[] magic) {
        if (bytes.length < at + magic.length) return false;
        for (int i = 0; i < magic.length; i++) {
            if (bytes[at + i] != magic[i]) return false;
        }
        return true;
    }
}

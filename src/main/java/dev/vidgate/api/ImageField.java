package dev.vidgate.api;

import dev.vidgate.common.ApiException;
import dev.vidgate.video.VideoErrors;
import dev.vidgate.video.reference.ReferenceImages;
import jakarta.servlet.http.Part;

import java.io.IOException;
import java.io.InputStream;

/**
 * One image field of a multipart create ({@code input_reference}, {@code last_frame}): a file part of that name, or the
 * text parts {@code name[image_url]} and {@code name[file_id]}; one of them, once. Its errors name the field.
 */
final class ImageField {
    private final String name;
    private byte[] file;
    private String imageUrl;
    private String fileId;

    ImageField(String name) {
        this.name = name;
    }

    /** Reads {@code part} if it belongs to this field; false if it does not. */
    boolean read(Part part, String partName) throws IOException {
        if (partName.equals(name)) {
            if (file != null) throw VideoErrors.tooManyImages(name);
            file = readFile(part);
        } else if (partName.equals(name + "[image_url]")) {
            if (imageUrl == null) imageUrl = CreateRequestParser.readText(part);
        } else if (partName.equals(name + "[file_id]")) {
            if (fileId == null) fileId = CreateRequestParser.readText(part);
        } else {
            return false;
        }
        return true;
    }

    /** The image's bytes, however it was sent, or null when it was not. */
    byte[] resolve(ReferenceResolver references) {
        if (file != null && (imageUrl != null || fileId != null)) throw VideoErrors.tooManyImages(name);
        if (file != null) return file;
        return ReferenceImages.named(name, () -> imageUrl != null ? references.fromImageUrl(imageUrl)
                : fileId != null ? references.fromFileId(fileId) : null);
    }

    private byte[] readFile(Part part) throws IOException {
        if (part.getSize() > RequestLimits.MAX_FILE_BYTES) {
            throw ApiException.tooLarge(name + " is larger than the " + RequestLimits.describe(RequestLimits.MAX_FILE_BYTES)
                    + " limit", name);
        }
        try (InputStream in = part.getInputStream()) {
            return in.readAllBytes();
        }
    }
}

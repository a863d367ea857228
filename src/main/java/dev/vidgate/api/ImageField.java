package dev.vidgate.api;

import dev.vidgate.video.VideoErrors;
import dev.vidgate.video.reference.ReferenceImages;

/**
 * One image field of a form create ({@code input_reference}, {@code last_frame}): a file part of that name, or the text
 * fields {@code name[image_url]} and {@code name[file_id]} (multipart or urlencoded); one of them, once. Its errors name
 * the field.
 */
final class ImageField {
    private final String name;
    private byte[] file;
    private String imageUrl;
    private String fileId;

    ImageField(String name) {
        this.name = name;
    }

    /**
     * Reads {@code field} if it belongs to this image; false if it does not. An urlencoded body carries no file: text under
     * the image's own name is the wrong type, as in OpenAI's answer to a string where a file belongs.
     */
    boolean read(FormField field) {
        String partName = field.name();
        if (partName.equals(name)) {
            if (!field.isPart()) throw VideoErrors.wrongType(name, "a file", "a string");
            if (file != null) throw VideoErrors.tooManyImages(name);
            file = field.file(name);
        } else if (partName.equals(name + "[image_url]")) {
            if (imageUrl == null) imageUrl = CreateRequestParser.readText(field);
        } else if (partName.equals(name + "[file_id]")) {
            if (fileId == null) fileId = CreateRequestParser.readText(field);
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
}

package dev.vidgate.api;

import dev.vidgate.common.ApiException;
import jakarta.servlet.http.Part;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * One field of a form body: a multipart part, read only when asked and within its limit, or an urlencoded pair (text).
 * Whether a part is text or a file is the route's business (the Java SDK sends files without a name and text labelled
 * {@code application/octet-stream}); {@link #looksLikeFile} is what a client clearly meant as an upload.
 */
final class FormField {
    private static final int MAX_TEXT_BYTES = 512 * 1024;

    private final String name;
    private final Part part;
    private final String value;

    private FormField(String name, Part part, String value) {
        this.name = name == null ? "" : name;
        this.part = part;
        this.value = value;
    }

    static FormField part(Part part) {
        return new FormField(part.getName(), part, null);
    }

    static FormField text(String name, String value) {
        return new FormField(name, null, value);
    }

    String name() {
        return name;
    }

    /** The name before any bracket: {@code input_reference} of {@code input_reference[image_url]}. */
    String base() {
        int bracket = name.indexOf('[');
        return bracket < 0 ? name : name.substring(0, bracket);
    }

    /** Whether this is a multipart part (a file may be one); an urlencoded field is always text. */
    boolean isPart() {
        return part != null;
    }

    /** A part sent with a file name, or labelled as an image or a video: an upload, whatever its field's name. */
    boolean looksLikeFile() {
        if (part == null) return false;
        String type = part.getContentType() == null ? "" : part.getContentType().toLowerCase(Locale.ROOT);
        return part.getSubmittedFileName() != null || type.startsWith("image/") || type.startsWith("video/");
    }

    /** The field's text (UTF-8), unchecked; 400 {@code string_above_max_length} over 512 KiB. */
    String text() {
        if (part == null) return value;
        if (part.getSize() > MAX_TEXT_BYTES) {
            throw ApiException.invalid("The form field '" + ApiException.echo(name, 64) + "' is too long.", name, "string_above_max_length");
        }
        return new String(read(), StandardCharsets.UTF_8);
    }

    /** The part's bytes, as an upload to {@code param}: 413 over {@link RequestLimits#MAX_FILE_BYTES}. */
    byte[] file(String param) {
        if (part == null) throw new IllegalStateException("an urlencoded field has no file");
        if (part.getSize() > RequestLimits.MAX_FILE_BYTES) {
            throw ApiException.tooLarge(param + " is larger than the " + RequestLimits.describe(RequestLimits.MAX_FILE_BYTES) + " limit",
                    param);
        }
        return read();
    }

    private byte[] read() {
        try (InputStream in = part.getInputStream()) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw ApiException.invalid("The multipart/form-data body could not be read completely.", null, "invalid_multipart");
        }
    }
}

package dev.vidgate.engine.relay;

import tools.jackson.databind.JsonNode;

import java.nio.charset.StandardCharsets;
import java.util.Set;

/**
 * What OpenAI checks of {@code POST /videos/edits} and {@code /videos/extensions} (March 2026): a prompt; for an
 * extension {@code seconds} of 4, 8, 12, 16 or 20; and {@code video}, an uploaded MP4 file (multipart) or
 * {@code {"id"}} of a job the upstream knows.
 */
final class FakeFootageCheck {
    private static final Set<String> EXTENSION_SECONDS = Set.of("4", "8", "12", "16", "20");

    private FakeFootageCheck() {}

    /** The 400 message, or null when the request is sound. */
    static String problem(boolean extension, JsonNode body, FormParts form, Set<String> known) {
        String prompt = FakeUpstream.field(body, form, "prompt");
        String seconds = FakeUpstream.field(body, form, "seconds");
        if (prompt == null || prompt.isBlank()) return "Missing required parameter: prompt";
        if (extension && !EXTENSION_SECONDS.contains(String.valueOf(seconds))) return "seconds must be one of 4, 8, 12, 16, 20";
        byte[] file = form == null ? null : form.parts().get("video");
        boolean mp4 = file != null && file.length > 12 && form.fileNames().containsKey("video")
                && new String(file, 4, 4, StandardCharsets.ISO_8859_1).equals("ftyp");
        JsonNode ref = body == null ? null : body.get("video");
        if (!mp4 && (ref == null || !known.contains(ref.path("id").asString()))) return "Invalid video";
        return null;
    }
}

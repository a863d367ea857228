package dev.vidgate.engine.relay;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

import java.time.Instant;
import java.time.format.DateTimeParseException;

/** What provider adapters with their own answer shapes share: reading a JSON object, and a result link's failure. */
public final class AdapterAnswers {
    private AdapterAnswers() {}

    /**
     * The JSON object of a 2xx answer; a non-2xx answer is {@code failure}'s exception, and anything that is not a JSON
     * object is {@code BROKEN}, described without repeating it.
     */
    public static JsonNode object(ObjectMapper json, Answer answer, Transport.FailureReader failure) throws UpstreamException {
        if (!answer.ok()) throw failure.failure(answer);
        return UpstreamAnswers.jsonObject(json, answer, null);
    }

    /** An ISO-8601 instant ({@code 2026-01-02T03:04:05.678Z}) as Unix seconds, or {@code null} when absent or unreadable. */
    public static Long epochSeconds(String iso) {
        if (iso == null) return null;
        try {
            return Instant.parse(iso).getEpochSecond();
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}

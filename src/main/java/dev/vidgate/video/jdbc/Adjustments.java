package dev.vidgate.video.jdbc;

import dev.vidgate.video.Adjustment;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import java.util.List;

/** The {@code adjustments} column: a JSON array of {@link Adjustment}s, or NULL for none. */
final class Adjustments {
    private static final TypeReference<List<Adjustment>> LIST = new TypeReference<>() {};

    private Adjustments() {}

    static String write(List<Adjustment> adjustments) {
        return adjustments.isEmpty() ? null : JsonMapper.shared().writeValueAsString(adjustments);
    }

    static List<Adjustment> read(String column) {
        return column == null ? List.of() : JsonMapper.shared().readValue(column, LIST);
    }
}

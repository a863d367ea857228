package dev.vidgate.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

import java.util.List;
import java.util.function.Function;

/** A cursor page, the shape of {@code GET /v1/videos}: {@code object, data, first_id, last_id, has_more}. */
@JsonInclude(JsonInclude.Include.ALWAYS)
public record PageJson<T>(String object, List<T> data, @JsonProperty("first_id") String firstId,
                          @JsonProperty("last_id") String lastId, @JsonProperty("has_more") boolean hasMore) {

    /**
     * A page from rows read with one extra row beyond {@code limit} (which tells whether there are more).
     */
    public static <R, T> PageJson<T> of(List<R> rowsPlusOne, int limit, Function<R, T> toJson, Function<T, String> id) {
        List<T> data = rowsPlusOne.stream().limit(limit).map(toJson).toList();
        return new PageJson<>("list", data, data.isEmpty() ? null : id.apply(data.getFirst()),
                data.isEmpty() ? null : id.apply(data.getLast()), rowsPlusOne.size() > limit);
    }
}

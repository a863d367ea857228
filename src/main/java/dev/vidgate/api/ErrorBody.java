package dev.vidgate.api;

import com.fasterxml.jackson.annotation.JsonInclude;

/** The OpenAI error envelope: {@code {"error":{"message","type","param","code"}}}; nulls are written. */
record ErrorBody(Detail error) {
    @JsonInclude(JsonInclude.Include.ALWAYS)
    record Detail(String message, String type, String param, String code) {}
}

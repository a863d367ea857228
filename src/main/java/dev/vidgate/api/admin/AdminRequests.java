package dev.vidgate.api.admin;

import dev.vidgate.api.TextFields;
import dev.vidgate.common.ApiException;
import dev.vidgate.common.Change;
import jakarta.servlet.http.HttpServletRequest;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * Reading admin request bodies strictly: amounts and limits are JSON integers (never strings or
 * fractions), text holds no control characters ({@link TextFields}), a field that is absent is left
 * alone and {@code null} clears it.
 */
final class AdminRequests {
    private static final int MAX_BODY = 64 * 1024;

    private final ObjectMapper json;

    AdminRequests(ObjectMapper json) {
        this.json = json;
    }

    JsonNode body(HttpServletRequest request) {
        byte[] bytes;
        try {
            bytes = request.getInputStream().readNBytes(MAX_BODY + 1);
        } catch (IOException e) {
            // the body ended before its Content-Length or its last chunk: the client's doing
            throw ApiException.invalid("The request body could not be read completely.", null, "invalid_body");
        }
        if (bytes.length > MAX_BODY) throw ApiException.tooLarge("An admin request body is at most 64 KiB.", null);
        if (bytes.length == 0) return json.createObjectNode();
        try {
            JsonNode node = json.readTree(bytes);
            if (node != null && node.isObject()) return node;
        } catch (JacksonException ignored) {
            // answered below
        }
        throw ApiException.invalid("The body must be a JSON object.", null, "invalid_json");
    }

    static String text(JsonNode body, String field) {
        JsonNode node = body.get(field);
        if (node == null || node.isNull()) return null;
        if (!node.isString()) throw wrongType(field, "a string", node);
        return TextFields.singleLine(node.asString(), field);
    }

    static Change<String> textChange(JsonNode body, String field) {
        if (!body.has(field)) return Change.keep();
        return Change.to(text(body, field));
    }

    static String requiredText(JsonNode body, String field) {
        String value = text(body, field);
        if (value == null || value.isBlank()) {
            throw ApiException.invalid("Missing required parameter: " + field, field, "missing_required_parameter");
        }
        return value;
    }

    /** A whole number that fits a long: micro-credits. */
    static Change<Long> amount(JsonNode body, String field) {
        JsonNode node = body.get(field);
        if (node == null) return Change.keep();
        if (node.isNull()) return Change.to(null);
        if (!node.isIntegralNumber() || !node.canConvertToLong()) {
            throw ApiException.invalid("'" + field + "' must be a whole number of micro-credits (1 credit = 1000000), not "
                    + describe(node) + ".", field, "invalid_amount");
        }
        return Change.to(node.asLong());
    }

    static long requiredAmount(JsonNode body, String field) {
        Long value = amount(body, field).orElse(null);
        if (value == null) throw ApiException.invalid("Missing required parameter: " + field, field, "missing_required_parameter");
        return value;
    }

    static Change<Integer> integer(JsonNode body, String field) {
        JsonNode node = body.get(field);
        if (node == null) return Change.keep();
        if (node.isNull()) return Change.to(null);
        if (!node.isIntegralNumber() || !node.canConvertToInt()) throw wrongType(field, "a whole number", node);
        return Change.to(node.asInt());
    }

    static Change<Boolean> bool(JsonNode body, String field) {
        JsonNode node = body.get(field);
        if (node == null) return Change.keep();
        if (!node.isBoolean()) throw wrongType(field, "true or false", node);
        return Change.to(node.asBoolean());
    }

    /** Unix seconds, or null for never. */
    static Change<Instant> time(JsonNode body, String field) {
        JsonNode node = body.get(field);
        if (node == null) return Change.keep();
        if (node.isNull()) return Change.to(null);
        if (!node.isIntegralNumber() || !node.canConvertToLong() || node.asLong() < 0 || node.asLong() > 253402300799L) {
            throw wrongType(field, "a Unix time in seconds", node);
        }
        return Change.to(Instant.ofEpochSecond(node.asLong()));
    }

    /** An array of strings; null means none (for models: every model). */
    static Change<Set<String>> strings(JsonNode body, String field) {
        JsonNode node = body.get(field);
        if (node == null) return Change.keep();
        if (node.isNull()) return Change.to(Set.of());
        if (!node.isArray() || node.size() > 100) throw wrongType(field, "an array of at most 100 strings", node);
        Set<String> values = new LinkedHashSet<>();
        for (JsonNode item : node) {
            if (!item.isString()) throw wrongType(field, "an array of strings", node);
            values.add(TextFields.singleLine(item.asString(), field));
        }
        return Change.to(values);
    }

    private static ApiException wrongType(String field, String expected, JsonNode got) {
        return ApiException.invalid("Invalid type for '" + field + "': expected " + expected + ", but got " + describe(got) + " instead.",
                field, "invalid_type");
    }

    private static String describe(JsonNode node) {
        if (node.isString()) return "a string";
        if (node.isIntegralNumber()) return "an integer out of range";
        if (node.isNumber()) return "a decimal number";
        if (node.isBoolean()) return "a boolean";
        if (node.isArray()) return "an array";
        if (node.isObject()) return "an object";
        return "null";
    }
}

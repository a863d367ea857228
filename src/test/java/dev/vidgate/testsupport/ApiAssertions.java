package dev.vidgate.testsupport;

import dev.vidgate.common.ApiException;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import tools.jackson.databind.JsonNode;

import java.net.http.HttpResponse;

import static dev.vidgate.testsupport.ApiCalls.json;
import static org.assertj.core.api.Assertions.assertThat;

/** What every answer of the API promises: the OpenAI error envelope, and a request id; and the refusals of its use cases. */
public final class ApiAssertions {
    private ApiAssertions() {}

    /** The {@link ApiException} that {@code call} refuses with; fails if it throws none. */
    public static ApiException refusal(ThrowingCallable call) {
        ApiException e = org.assertj.core.api.Assertions.catchThrowableOfType(ApiException.class, call);
        assertThat(e).as("refused").isNotNull();
        return e;
    }

    /**
     * An error answer: {@code status}, JSON, and the OpenAI envelope with every member present and no
     * stack trace; {@code message}, {@code param} and {@code code} are checked where not null.
     */
    public static void assertError(HttpResponse<String> r, int status, String message, String param, String code) {
        assertThat(r.statusCode()).as(r.body()).isEqualTo(status);
        assertThat(r.headers().firstValue("Content-Type").orElse("")).startsWith("application/json");
        JsonNode error = json(r).get("error");
        assertThat(error).as(r.body()).isNotNull();
        assertThat(error.get("message").asString()).isNotBlank();
        assertThat(error.get("type").asString()).isNotBlank();
        assertThat(error.has("param")).isTrue();
        assertThat(error.has("code")).isTrue();
        if (message != null) assertThat(error.get("message").asString()).isEqualTo(message);
        if (param != null) assertThat(error.get("param").asString()).isEqualTo(param);
        if (code != null) assertThat(error.get("code").asString()).isEqualTo(code);
        assertThat(r.body()).doesNotContain("Exception").doesNotContain("\tat ");
    }

    /** The answer carries the {@code x-request-id} header. */
    public static void assertRequestId(HttpResponse<?> r) {
        assertThat(r.headers().firstValue("x-request-id")).as("x-request-id").isPresent();
    }
}

package dev.vidgate.testsupport;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.function.Function;
import java.util.function.Predicate;

import static org.assertj.core.api.Assertions.assertThat;

/** The API as the tests call it: answers read as JSON, and waiting for a video, through raw HTTP or any SDK. */
public final class ApiCalls {
    /** The statuses of a video on its way: waiting goes on through these and fails at once on any other. */
    public static final Set<String> UNFINISHED = Set.of("queued", "in_progress");
    /** How often a video is retrieved while waiting (the test server hints 200 ms). */
    public static final Duration POLL = Duration.ofMillis(100);

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private ApiCalls() {}

    public static JsonNode json(HttpResponse<String> r) {
        return JSON.readTree(r.body());
    }

    /** The JSON of an answer that must be 200. */
    public static JsonNode ok(HttpResponse<String> r) {
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        return json(r);
    }

    /**
     * Retrieves video {@code id} with {@code retrieve} until {@code wanted} holds for it, for at most
     * {@code atMost}, and answers the last retrieval. A video that is neither wanted nor still queued or
     * in progress fails the wait at once.
     */
    public static <V> V awaitVideo(String id, Duration atMost, Callable<V> retrieve, Function<V, String> status, Predicate<V> wanted) {
        return Waits.await("video " + id, atMost, POLL).until(retrieve, v -> {
            if (wanted.test(v)) return true;
            assertThat(status.apply(v)).as("status of " + id + " while waiting").isIn(UNFINISHED);
            return false;
        });
    }

    /** Polls {@code GET /v1/videos/{id}} until the video is completed, for at most {@link Waits#RENDER}; answers it. */
    public static JsonNode awaitCompleted(RawHttp http, String id) {
        return awaitVideo(id, Waits.RENDER, () -> json(http.get("/v1/videos/" + id)), v -> v.get("status").asString(),
                v -> v.get("status").asString().equals("completed"));
    }
}

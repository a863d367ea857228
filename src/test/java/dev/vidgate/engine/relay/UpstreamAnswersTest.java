package dev.vidgate.engine.relay;

import dev.vidgate.engine.relay.UpstreamException.Kind;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import tools.jackson.databind.json.JsonMapper;

import java.net.http.HttpHeaders;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** Status spellings, Video shapes and error shapes of every flavour, read into one model. */
class UpstreamAnswersTest {
    private static final String KEY = "sk-secret-channel-key-123456";
    private final UpstreamAnswers answers = new UpstreamAnswers(JsonMapper.builder().build(), KEY);

    private static Answer answer(int status, String body, String... headers) {
        Map<String, List<String>> map = new java.util.HashMap<>();
        for (int i = 0; i < headers.length; i += 2) map.put(headers[i], List.of(headers[i + 1]));
        return new Answer(status, HttpHeaders.of(map, (a, b) -> true), body.getBytes(StandardCharsets.UTF_8));
    }

    @ParameterizedTest
    @CsvSource({"queued,QUEUED", "pending,QUEUED", "Submitted,QUEUED", "in_progress,RUNNING", "in-progress,RUNNING",
            "processing,RUNNING", "generating,RUNNING", "postprocessing,RUNNING", "Post Processing,RUNNING",
            "completed,SUCCEEDED", "succeeded,SUCCEEDED", "SUCCESS,SUCCEEDED", "failed,FAILED", "error,FAILED",
            "cancelled,CANCELLED", "canceled,CANCELLED", "cancelling,CANCELLED", "deleted,DELETED", "hatching,UNKNOWN"})
    void everyKnownSpellingOfAStatusHasItsPhase(String raw, UpstreamPhase phase) {
        assertThat(UpstreamPhase.of(raw)).isEqualTo(phase);
    }

    @Test
    void theOpenAiShapeIsRead() throws Exception {
        UpstreamVideo v = answers.video(answer(200, "{\"id\":\"video_1\",\"object\":\"video\",\"status\":\"in_progress\","
                + "\"progress\":42,\"created_at\":1712697600,\"seconds\":\"8\",\"size\":\"1280x720\",\"error\":null}"));
        assertThat(v).isEqualTo(new UpstreamVideo("video_1", "in_progress", UpstreamPhase.RUNNING, 42, 8.0, 1712697600L, null, null, null));
    }

    @Test
    void trtllmsShapeWithNoProgressAStringErrorAndADurationIsRead() throws Exception {
        UpstreamVideo v = answers.video(answer(202, "{\"id\":\"video_ab\",\"status\":\"failed\",\"progress\":null,"
                + "\"duration\":4.0,\"error\":\"Video generation failed: CUDA out of memory\",\"prompt\":\"p\"}"));
        assertThat(v.phase()).isEqualTo(UpstreamPhase.FAILED);
        assertThat(v.progress()).isNull();
        assertThat(v.seconds()).isEqualTo(4.0);
        assertThat(v.errorMessage()).isEqualTo("Video generation failed: CUDA out of memory");
        assertThat(v.prompt()).isEqualTo("p");
    }

    @Test
    void progressAsTextOrOutOfRangeIsBroughtInRangeAndAMissingStatusWithAnErrorIsAFailure() throws Exception {
        assertThat(answers.video(answer(200, "{\"id\":\"a\",\"status\":\"running\",\"progress\":\"55%\"}")).progress()).isEqualTo(55);
        assertThat(answers.video(answer(200, "{\"id\":\"a\",\"status\":\"running\",\"progress\":250}")).progress()).isEqualTo(100);
        assertThat(answers.video(answer(200, "{\"id\":\"a\",\"status\":\"running\",\"progress\":\"lots\"}")).progress()).isNull();
        UpstreamVideo v = answers.video(answer(200, "{\"id\":\"a\",\"error\":{\"code\":\"Moderation_Blocked\",\"message\":\"no\"}}"));
        assertThat(v.phase()).isEqualTo(UpstreamPhase.FAILED);
        assertThat(v.errorCode()).isEqualTo("moderation_blocked");
    }

    @Test
    void azuresInputAndOutputModerationVerdictsAreModerationBlocked() throws Exception {
        UpstreamVideo coded = answers.video(answer(200, "{\"id\":\"video_a\",\"status\":\"failed\","
                + "\"error\":{\"code\":\"input_moderation\",\"message\":\"The prompt was blocked.\"}}"));
        assertThat(coded.phase()).isEqualTo(UpstreamPhase.FAILED);
        assertThat(coded.errorCode()).isEqualTo("moderation_blocked");
        UpstreamVideo reason = answers.video(answer(200, "{\"id\":\"task_b\",\"status\":\"failed\",\"failure_reason\":\"output_moderation\"}"));
        assertThat(reason.phase()).isEqualTo(UpstreamPhase.FAILED);
        assertThat(reason.errorCode()).isEqualTo("moderation_blocked");
        assertThat(reason.errorMessage()).contains("output_moderation");
        UpstreamVideo internal = answers.video(answer(200, "{\"id\":\"task_c\",\"status\":\"failed\",\"failure_reason\":\"internal_error\"}"));
        assertThat(internal.errorCode()).isEqualTo("internal_error");
    }

    @Test
    void errorShapesOfEveryFlavourGiveTheirMessage() {
        assertThat(rejected("{\"error\":{\"message\":\"bad size\",\"code\":\"invalid_parameter\"}}").getMessage()).isEqualTo("bad size");
        assertThat(rejected("{\"detail\":\"prompt is required\"}").getMessage()).isEqualTo("prompt is required");
        assertThat(rejected("{\"detail\":[{\"loc\":[\"body\",\"seconds\"],\"msg\":\"Input should be a valid integer\"}]}").getMessage())
                .isEqualTo("Input should be a valid integer");
        assertThat(rejected("{\"object\":\"error\",\"message\":\"'prompt' is required\",\"type\":\"BadRequestError\",\"code\":400}").getMessage())
                .isEqualTo("'prompt' is required");
        assertThat(rejected("plain words").getMessage()).isEqualTo("plain words");
        assertThat(rejected("").getMessage()).isEqualTo("The provider refused the request (HTTP 400).");
    }

    private UpstreamException rejected(String body) {
        UpstreamException e = answers.failure(answer(400, body));
        assertThat(e.kind()).isEqualTo(Kind.REJECTED);
        return e;
    }

    @Test
    void statusCodesSayWhatToDoNext() {
        assertThat(answers.failure(answer(401, "{}")).kind()).isEqualTo(Kind.DENIED);
        assertThat(answers.failure(answer(404, "{}")).kind()).isEqualTo(Kind.NOT_FOUND);
        assertThat(answers.failure(answer(408, "{}")).kind()).isEqualTo(Kind.TIMEOUT);
        assertThat(answers.failure(answer(503, "{}")).kind()).isEqualTo(Kind.SERVER);
        UpstreamException limited = answers.failure(answer(429, "{}", "retry-after", "7"));
        assertThat(limited.kind()).isEqualTo(Kind.RATE_LIMITED);
        assertThat(limited.retryAfter()).hasSeconds(7);
        assertThat(answers.failure(answer(429, "{}", "retry-after-ms", "250")).retryAfter()).hasMillis(250);
    }

    @Test
    void unreadableSuccessfulAnswersAreBrokenNotVideos() {
        assertThat(catchThrowableOfType(UpstreamException.class, () -> answers.video(answer(200, "{\"id\":\"x\",\"sta"))).kind())
                .isEqualTo(Kind.BROKEN);
        assertThat(catchThrowableOfType(UpstreamException.class, () -> answers.video(answer(200, "<html><body>ok</body></html>"))).getMessage())
                .isEqualTo("The provider answered HTTP 200 with an HTML page instead of a video.");
        assertThat(catchThrowableOfType(UpstreamException.class, () -> answers.video(answer(200, "{\"status\":\"queued\"}"))).kind())
                .isEqualTo(Kind.BROKEN);
        assertThat(catchThrowableOfType(UpstreamException.class, () -> answers.video(answer(200, "{\"id\":\"" + "x".repeat(401) + "\"}"))).getMessage())
                .isEqualTo("The provider answered with an unusable video id.");
    }

    @Test
    void anErrorInASuccessfulAnswerIsRefusedWhenItBlamesTheRequestElseATransientFailure() {
        assertThat(catchThrowableOfType(UpstreamException.class, () -> answers.video(answer(200,
                "{\"error\":{\"message\":\"prompt too long\",\"type\":\"invalid_request_error\"}}"))).kind()).isEqualTo(Kind.REJECTED);
        assertThat(catchThrowableOfType(UpstreamException.class, () -> answers.video(answer(200,
                "{\"code\":500,\"message\":\"busy\"}"))).kind()).isEqualTo(Kind.ERROR_ANSWER);
    }

    @Test
    void messagesNeverCarryTheKeyAddressesOrMarkup() {
        String message = answers.failure(answer(400, "{\"error\":{\"message\":\"key " + KEY + " at https://up.example/v1 from 10.1.2.3:8080 "
                + "with Bearer abc.def rejected\"}}")).getMessage();
        assertThat(message).doesNotContain(KEY).doesNotContain("up.example").doesNotContain("10.1.2.3").doesNotContain("abc.def")
                .contains("[url]").contains("[redacted]");
        assertThat(answers.failure(answer(502, "<!DOCTYPE html><html>nginx</html>")).getMessage())
                .isEqualTo("The provider failed (HTTP 502): The provider answered HTTP 502 with an HTML page.");
        assertThat(ErrorText.clean("a\u0000b\u0007c " + "long ".repeat(200))).hasSizeLessThanOrEqualTo(ErrorText.MAX_LENGTH).startsWith("abc");
        assertThatThrownBy(() -> { throw answers.failure(answer(500, "x")).withoutId("x"); }).hasMessage("The provider failed (HTTP 500): [id]");
    }

    @Test
    void aFailedJobsMessageNamesNeitherTheKeyNorTheUpstreamsJobIdAndTheChannelsSecretsJoinAnAnswersOwn() throws Exception {
        UpstreamVideo v = answers.video(answer(200, "{\"id\":\"task_0042\",\"status\":\"failed\",\"error\":{\"message\":"
                + "\"task_0042 failed for key " + KEY + "\"}}"));
        assertThat(v.errorMessage()).isEqualTo("[redacted] failed for key [redacted]");
        assertThat(ErrorText.clean("req r-77 of account acct-9 ended", new String[] {"acct-9"}, "r-77", null))
                .isEqualTo("req [redacted] of account [redacted] ended");
    }
}

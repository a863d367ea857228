package dev.vidgate.fuzz;

import dev.vidgate.testsupport.LogCapture;
import ch.qos.logback.classic.Level;
import dev.vidgate.fuzz.Wire.Answer;
import dev.vidgate.testsupport.TestServer;
import dev.vidgate.testsupport.TestServerExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import tools.jackson.databind.json.JsonMapper;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The defects the fuzz suite found beyond those known when it was written, one test each, so a fix shows on its own. */
class FoundByFuzzingTest {
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @RegisterExtension
    static final TestServerExtension server = TestServerExtension.h2();

    @Test
    void anAcceptHeaderTheApiCannotMeetOrCannotParseStillGetsJsonAndLogsNoError() {
        for (String accept : List.of("text/event-stream", "application/xml", ";;;", "*/*;q=abc")) {
            try (LogCapture log = new LogCapture()) {
                Answer list = send(new Draft("GET", "/v1/videos").header("Authorization", "Bearer " + TestServer.API_KEY).header("Accept", accept));
                assertThat(list.status()).as(accept + ": " + list.bodyText()).isEqualTo(200);
                assertThat(JSON.readTree(list.body()).path("object").asString()).isEqualTo("list");

                Answer unknown = send(new Draft("GET", "/v1/videos/video_unknown").header("Authorization", "Bearer " + TestServer.API_KEY)
                        .header("Accept", accept));
                assertThat(unknown.status()).as(accept + ": " + unknown.bodyText()).isEqualTo(404);
                assertThat(Verdicts.isEnvelope(unknown)).isTrue();
                assertThat(log.since(0)).as(accept).noneMatch(e -> e.getLevel().isGreaterOrEqual(Level.ERROR) || e.getThrowableProxy() != null);
            }
        }
    }

    @Test
    void anAdminBodyThatEndsBeforeItsContentLengthIsAClientErrorAndLogsNoError() {
        Draft cutShort = new Draft("POST", "/admin/v1/tenants").header("Authorization", "Bearer " + TestServer.ADMIN_KEY)
                .header("Content-Type", "application/json").header("Content-Length", "100");
        cutShort.body = Draft.Raw.of(null, "{\"name\":");
        try (LogCapture log = new LogCapture()) {
            Answer answer = send(cutShort);
            assertThat(answer.status()).as(answer.bodyText()).isEqualTo(400);
            assertThat(Verdicts.isEnvelope(answer)).as(answer.bodyText()).isTrue();
            assertThat(answer.header("x-request-id")).isPresent();
            assertThat(log.since(0)).noneMatch(e -> e.getLevel().isGreaterOrEqual(Level.ERROR) || e.getThrowableProxy() != null);
        }
    }

    private static Answer send(Draft d) {
        return Wire.exchange(server.port(), d.render(server.port()), HostileRequests.ANSWER_TIMEOUT);
    }
}

package dev.vidgate.engine.relay.google;

import dev.vidgate.engine.relay.UpstreamException;
import dev.vidgate.engine.relay.UpstreamPhase;
import dev.vidgate.engine.relay.UpstreamVideo;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Google's long-running operations read as the relay needs them, from the answers Google gives. */
class OperationsTest {
    private final JsonMapper json = JsonMapper.builder().build();

    @Test
    void anOperationWithoutDoneIsStillRunningWithItsProgressWhenItHasOne() {
        var op = json.readTree("{\"name\":\"models/m/operations/a1\",\"metadata\":{\"progressPercent\":40}}");
        UpstreamVideo video = Operations.video("models/m/operations/a1", op, null, null);
        assertThat(video.phase()).isEqualTo(UpstreamPhase.RUNNING);
        assertThat(video.progress()).isEqualTo(40);
    }

    @Test
    void anErrorCitingResponsibleAiIsModerationAndNeverRepeatsTheOperationName() {
        var op = json.readTree("{\"name\":\"models/m/operations/a1\",\"done\":true,\"error\":{\"code\":3,\"status\":\"INVALID_ARGUMENT\","
                + "\"message\":\"models/m/operations/a1: the prompt violates Google's Responsible AI practices.\"}}");
        UpstreamVideo video = Operations.video("models/m/operations/a1", op, null, null);
        assertThat(video.phase()).isEqualTo(UpstreamPhase.FAILED);
        assertThat(video.errorCode()).isEqualTo(UpstreamException.MODERATION);
        assertThat(video.errorMessage()).doesNotContain("operations/a1");
    }

    @Test
    void doneWithoutAVideoOrAFilterCountFailsRatherThanSucceeding() {
        var op = json.readTree("{\"name\":\"n\",\"done\":true,\"response\":{}}");
        UpstreamVideo video = Operations.video("n", op, op.path("response"), null);
        assertThat(video.phase()).isEqualTo(UpstreamPhase.FAILED);
        assertThat(video.errorCode()).isEqualTo("upstream_no_result");
    }

    @Test
    void anOperationNameThatWouldLeaveThePathIsRefused() {
        assertThatThrownBy(() -> Operations.checkName("models/m/../../files/x")).isInstanceOf(UpstreamException.class);
        assertThatThrownBy(() -> Operations.checkName("models/m/operations/a?key=1")).isInstanceOf(UpstreamException.class);
    }
}

package dev.vidgate.api;

import dev.vidgate.testsupport.RawHttp;
import dev.vidgate.testsupport.RawHttp.Multipart;
import dev.vidgate.testsupport.TestServerExtension;
import dev.vidgate.testsupport.media.TestImages;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import tools.jackson.databind.JsonNode;

import java.nio.charset.StandardCharsets;

import static dev.vidgate.testsupport.ApiAssertions.assertError;
import static dev.vidgate.testsupport.ApiCalls.ok;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * With {@code vidgate.request.unknown-parameters=ignore} a parameter the route does not take is skipped, in every body;
 * an image uploaded under another name is still refused, since skipping it would make another video than asked.
 */
class UnknownParametersIgnoredTest {
    @RegisterExtension
    static final TestServerExtension server = TestServerExtension.h2().with("vidgate.request.unknown-parameters", "ignore");
    static final RawHttp http = server.http();

    private void cancel(JsonNode video) {
        ok(http.post("/v1/videos/" + video.get("id").asString() + "/cancel", null, new byte[0]));
    }

    @Test
    void unknownParametersAreSkippedAndTheKnownOnesStillCount() {
        JsonNode json = ok(http.postJson("/v1/videos", "{\"prompt\":\"p\",\"second\":\"8\",\"size\":\"1280x720\",\"user\":{\"id\":1}}"));
        assertThat(json.get("seconds").asString()).isEqualTo("4");
        assertThat(json.get("size").asString()).isEqualTo("1280x720");
        JsonNode multipart = ok(http.postMultipart("/v1/videos", new Multipart().text("prompt", "p").text("second", "8")));
        JsonNode form = ok(http.post("/v1/videos", "application/x-www-form-urlencoded", "prompt=p&second=8".getBytes(StandardCharsets.UTF_8)));
        for (JsonNode video : new JsonNode[]{json, multipart, form}) {
            assertThat(video.get("seconds").asString()).isEqualTo("4");
            cancel(video);
        }
    }

    @Test
    void anImageUnderAnotherNameIsStillAMissingInputReference() {
        assertError(http.postMultipart("/v1/videos", new Multipart().text("prompt", "p").file("image", "ref.png", "image/png",
                TestImages.png(720, 1280))), 400, "Missing required parameter: input_reference", "input_reference", "missing_required_parameter");
    }
}

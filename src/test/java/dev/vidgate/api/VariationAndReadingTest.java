package dev.vidgate.api;

import dev.vidgate.testsupport.RawHttp;
import dev.vidgate.testsupport.TestServer;
import dev.vidgate.testsupport.TestServerExtension;
import dev.vidgate.testsupport.media.Mp4Probe;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import tools.jackson.databind.JsonNode;

import java.util.List;

import static dev.vidgate.testsupport.ApiCalls.awaitCompleted;
import static dev.vidgate.testsupport.ApiCalls.ok;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Each job gets a seed (the client's {@code seed}, else a random one), which the built-in renderer varies its video by:
 * two creates of one request differ, two with one seed are the same bytes. What the renderer read in the prompt is in
 * the admin job view and in one log line. Checked by decoding the downloads of real jobs (small Seedance clips, which the
 * built-in engine renders like any model).
 */
@ExtendWith(OutputCaptureExtension.class)
class VariationAndReadingTest {
    private static final String PROMPT = "A red fox walks past a lighthouse by the stormy sea at night, slow pan left";
    @RegisterExtension
    static final TestServerExtension server = TestServerExtension.h2();
    static final RawHttp http = server.http();

    private static String create(String seed) {
        return ok(http.postJson("/v1/videos", "{\"model\":\"seedance-1-0-pro-250528\",\"size\":\"854x480\",\"seconds\":\"2\",\"prompt\":\""
                + PROMPT + "\"" + (seed == null ? "" : ",\"seed\":" + seed) + "}")).get("id").asString();
    }

    private static JsonNode admin(String id) {
        return ok(new RawHttp(server.baseUrl(), TestServer.ADMIN_KEY).get("/admin/v1/videos/" + id));
    }

    private static byte[] download(String id) {
        var r = http.getBytes("/v1/videos/" + id + "/content");
        assertThat(r.statusCode()).isEqualTo(200);
        return r.body();
    }

    private static List<String> frames(String id) {
        awaitCompleted(http, id);
        return Mp4Probe.of(download(id)).frameHashes();
    }

    @Test
    void twoCreatesWithoutASeedDifferAndTwoWithOneSeedAreTheSameBytes() {
        String seven = create("7");
        String sevenAgain = create("7");
        String one = create(null);
        String another = create(null);

        assertThat(admin(seven).get("seed").asLong()).isEqualTo(7);
        assertThat(admin(one).get("seed").isIntegralNumber()).isTrue();
        assertThat(admin(one).get("seed").asLong()).isNotEqualTo(admin(another).get("seed").asLong()).isBetween(0L, 4_294_967_295L);

        List<String> sevenFrames = frames(seven);
        assertThat(frames(sevenAgain)).isEqualTo(sevenFrames);
        assertThat(download(sevenAgain)).isEqualTo(download(seven));
        List<String> oneFrames = frames(one);
        assertThat(frames(another)).isNotEqualTo(oneFrames);
        assertThat(oneFrames).isNotEqualTo(sevenFrames);
    }

    @Test
    void theAdminJobViewAndOneLogLineSayHowThePromptWasRead(CapturedOutput log) {
        String id = create("11");
        awaitCompleted(http, id);
        String reading = admin(id).get("prompt_reading").asString();
        assertThat(reading).startsWith("draws: a fox (walk) in a procedural sea scene; camera: slow pan left;")
                .contains("ignored: past");
        assertThat(ok(http.get("/v1/videos/" + id)).has("prompt_reading")).as("clients see nothing new").isFalse();
        assertThat(log.getOut().lines().filter(line -> line.contains("job " + id + ": prompt read as " + reading))).hasSize(1);
    }
}

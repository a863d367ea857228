package dev.vidgate.api;

import dev.vidgate.testsupport.RawHttp.Multipart;
import dev.vidgate.testsupport.TestServerExtension;
import dev.vidgate.testsupport.media.TestImages;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import tools.jackson.databind.JsonNode;

import static dev.vidgate.testsupport.ApiAssertions.assertError;
import static dev.vidgate.testsupport.ApiCalls.ok;
import static org.assertj.core.api.Assertions.assertThat;

/** A create is checked against its model's sizes, durations and inputs before anything is held or stored (SPEC section 9). */
class ModelLimitsAtCreateTest {
    private static final long FUNDS = FundedTenant.FUNDS;
    @RegisterExtension
    static final TestServerExtension server = TestServerExtension.h2();
    static final FundedTenant studio = new FundedTenant(server, "studio");

    private static void assertRefused(String json, String message, String param, String code) {
        assertError(studio.http().postJson("/v1/videos", json), 400, message, param, code);
    }

    private static void assertNothingHeldOrStored() {
        studio.assertNothingHeldOrStored();
    }

    @Test
    void aDurationTheModelCannotMakeIs400NamingItsDurations() {
        assertRefused("{\"prompt\":\"p\",\"model\":\"veo-3.1-generate-001\",\"seconds\":\"12\"}",
                "seconds must be one of \"4\", \"6\", \"8\" for veo-3.1-generate-001", "seconds", "invalid_value");
        assertRefused("{\"prompt\":\"p\",\"model\":\"kling-v2-6\",\"seconds\":\"4\"}",
                "seconds must be one of \"5\", \"10\" for kling-v2-6", "seconds", "invalid_value");
        assertRefused("{\"prompt\":\"p\",\"model\":\"kling-v2-6\",\"seconds\":5}",
                "seconds must be one of \"5\", \"10\" for kling-v2-6", "seconds", "invalid_value");
        assertNothingHeldOrStored();
    }

    @Test
    void aSizeTheModelCannotMakeIs400InvalidValueNamingItsSizes() {
        assertRefused("{\"prompt\":\"p\",\"model\":\"kling-v2-1-master\",\"size\":\"1280x720\",\"seconds\":\"5\"}",
                "Invalid parameter: size must be one of 1920x1080, 1080x1920, or 1080x1080 for kling-v2-1-master", "size", "invalid_value");
        assertNothingHeldOrStored();
    }

    @Test
    void aReferenceImageOnAModelWithoutAFirstFrameIs400BeforeTheImageIsDecoded() {
        for (byte[] image : new byte[][]{TestImages.png(1280, 720), "not an image at all".getBytes()}) {
            var form = new Multipart().text("prompt", "p").text("model", "seedance-1-0-lite-t2v-250428").text("size", "1280x720")
                    .text("seconds", "5").file("input_reference", "ref.png", "image/png", image);
            assertError(studio.http().postMultipart("/v1/videos", form), 400, "Invalid parameter: seedance-1-0-lite-t2v-250428 takes no "
                    + "input_reference (its inputs: text)", "input_reference", "invalid_value");
        }
        assertNothingHeldOrStored();
    }

    @Test
    void theSoraModelsKeepTheSeedsMessagesAndCodes() {
        assertRefused("{\"prompt\":\"p\",\"model\":\"sora-2-pro\",\"seconds\":\"6\"}",
                "seconds must be one of \"4\", \"8\", \"12\"", "seconds", "invalid_value");
        assertRefused("{\"prompt\":\"p\",\"model\":\"sora-2\",\"size\":\"1920x1080\"}",
                "Invalid parameter: size must be 720x1280 or 1280x720", "size", "invalid_parameter");
        assertNothingHeldOrStored();
    }

    @Test
    void aModelWithoutTheDefaultSizeAndDurationGetsItsOwnFirstAndIsHeldAtItsPrice() {
        JsonNode video = ok(studio.http().postJson("/v1/videos", "{\"prompt\":\"a lighthouse\",\"model\":\"kling-v2-1-master\"}"));
        assertThat(video.get("size").asString()).isEqualTo("1920x1080");
        assertThat(video.get("seconds").asString()).isEqualTo("5");
        assertThat(video.get("quality").asString()).isEqualTo("high");
        assertThat(studio.balance()).isEqualTo(FUNDS - 5 * 280_000);
        cancel(video);
    }

    @Test
    void aModelPricedPerThousandTokensIsHeldAtItsEstimatedTokensPerSecond() {
        JsonNode video = ok(studio.http().postJson("/v1/videos",
                "{\"prompt\":\"a harbour\",\"model\":\"seedance-1-0-pro-250528\",\"size\":\"1280x720\",\"seconds\":\"5\"}"));
        // 1280 x 720 x 24 / 1024 = 21,600 tokens a second at 2,500 micro-credits per 1,000 tokens: 54,000 a second
        assertThat(studio.balance()).isEqualTo(FUNDS - 5 * 54_000);
        cancel(video);
    }

    private static void cancel(JsonNode video) {
        ok(studio.http().post("/v1/videos/" + video.get("id").asString() + "/cancel", null, new byte[0]));
        assertThat(studio.balance()).isEqualTo(FUNDS);
        ok(studio.http().delete("/v1/videos/" + video.get("id").asString()));
    }
}

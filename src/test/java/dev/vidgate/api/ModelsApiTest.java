package dev.vidgate.api;

import dev.vidgate.testsupport.RawHttp;
import dev.vidgate.testsupport.TestServer;
import dev.vidgate.testsupport.TestServerExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import tools.jackson.databind.JsonNode;

import java.util.List;
import java.util.stream.StreamSupport;

import static dev.vidgate.testsupport.ApiAssertions.assertError;
import static dev.vidgate.testsupport.ApiCalls.ok;
import static org.assertj.core.api.Assertions.assertThat;

/** {@code GET /v1/models}, {@code /v1/models/{id}} and {@code /v1/videos/models} over raw HTTP, on a catalog changed by configuration. */
class ModelsApiTest {
    @RegisterExtension
    static final TestServerExtension server = TestServerExtension.h2()
            .with("vidgate.models[0].id", "kling-v2-1-master").with("vidgate.models[0].enabled", "false")
            .with("vidgate.models[1].id", "house-model").with("vidgate.models[1].owned-by", "acme")
            .with("vidgate.models[1].created", "1767225600").with("vidgate.models[1].sizes", "640x480,480x640=3:4@480p")
            .with("vidgate.models[1].durations", "3,6").with("vidgate.models[1].prices.480p", "20000");
    static final RawHttp http = server.http();
    static final AdminCalls admin = new AdminCalls(server.http(TestServer.ADMIN_KEY));

    private static List<String> ids(JsonNode list) {
        return StreamSupport.stream(list.get("data").spliterator(), false).map(m -> m.get("id").asString()).toList();
    }

    @Test
    void theModelListHasOpenAisShapeWithEveryModelAndAlias() {
        JsonNode list = ok(http.get("/v1/models"));
        assertThat(list.get("object").asString()).isEqualTo("list");
        assertThat(ids(list)).contains("sora-2", "sora-2-2025-10-06", "sora-2-pro", "veo-3.1-generate-001", "seedance-1-0-pro-250528",
                "kling-v2-6", "house-model").doesNotContain("kling-v2-1-master");
        JsonNode veo = list.get("data").valueStream().filter(m -> m.get("id").asString().equals("veo-3.1-fast-generate-001"))
                .findFirst().orElseThrow();
        assertThat(veo.propertyNames()).containsExactly("id", "object", "created", "owned_by");
        assertThat(veo.get("object").asString()).isEqualTo("model");
        assertThat(veo.get("owned_by").asString()).isEqualTo("google");
        assertThat(veo.get("created").asLong()).isEqualTo(1760486400L);
        assertThat(ids(ok(http.get("/openai/v1/models")))).isEqualTo(ids(list));
    }

    @Test
    void aModelIsRetrievedByIdOrAliasAndAnUnknownOneAnswers404InTheEnvelope() {
        JsonNode house = ok(http.get("/v1/models/house-model"));
        assertThat(house.get("owned_by").asString()).isEqualTo("acme");
        assertThat(house.get("created").asLong()).isEqualTo(1767225600L);
        assertThat(ok(http.get("/v1/models/sora-2-2025-12-08")).get("id").asString()).isEqualTo("sora-2-2025-12-08");
        assertThat(ok(http.get("/v1/models/veo-3.0-generate-001")).get("owned_by").asString()).isEqualTo("google");
        assertError(http.get("/v1/models/kling-v2-1-master"), 404, "The model 'kling-v2-1-master' does not exist", "model", "model_not_found");
        assertError(http.get("/v1/models/gpt-video-9"), 404, "The model 'gpt-video-9' does not exist", "model", "model_not_found");
    }

    @Test
    void grokImagineAndOpenRoutersModelsAreListedWithTheirCapabilities() {
        assertThat(ids(ok(http.get("/v1/models")))).contains("grok-imagine-video", "google/veo-3.1", "alibaba/wan-2.6");
        JsonNode models = ok(http.get("/v1/videos/models"));
        JsonNode veo = models.get("data").valueStream().filter(m -> m.get("id").asString().equals("google/veo-3.1")).findFirst().orElseThrow();
        assertThat(veo.get("seconds").valueStream().map(JsonNode::asString)).containsExactly("4", "6", "8");
        assertThat(ok(http.get("/v1/models/grok-imagine-video")).get("owned_by").asString()).isEqualTo("xai");
        // an id with a slash is one path segment only when encoded, as SDKs encode it
        assertThat(ok(http.get("/v1/models/google%2Fveo-3.1")).get("id").asString()).isEqualTo("google/veo-3.1");
        assertThat(http.get("/v1/models/google/veo-3.1").statusCode()).isEqualTo(404);
    }

    @Test
    void theModelRoutesNeedAnApiKeyLikeTheOtherV1Routes() {
        var anonymous = new RawHttp(server.baseUrl(), null);
        for (String path : List.of("/v1/models", "/v1/models/sora-2", "/v1/videos/models")) {
            assertError(anonymous.get(path), 401, null, null, "invalid_api_key");
            assertError(new RawHttp(server.baseUrl(), "sk-wrong-0123456789abcdefghij").get(path), 401, null, null, "invalid_api_key");
        }
    }

    @Test
    void aKeyLimitedToSomeModelsSeesOnlyThose() {
        var limited = new RawHttp(server.baseUrl(), admin.fundedKey("narrow", 0, "\"allowed_models\":[\"sora-2\"]"));
        assertThat(ids(ok(limited.get("/v1/models")))).containsExactly("sora-2", "sora-2-2025-10-06", "sora-2-2025-12-08");
        assertThat(ids(ok(limited.get("/v1/videos/models")))).containsExactly("sora-2");
        assertError(limited.get("/v1/models/sora-2-pro"), 404, null, "model", "model_not_found");
    }

    @Test
    void theVideoModelsListShowsCapabilitiesAndThePriceInForce() {
        JsonNode models = ok(http.get("/v1/videos/models"));
        JsonNode veo = find(models, "veo-3.1-generate-001");
        assertThat(veo.get("object").asString()).isEqualTo("video.model");
        assertThat(veo.get("seconds").valueStream().map(JsonNode::asString)).containsExactly("4", "6", "8");
        assertThat(veo.get("sizes").get(0).toString()).isEqualTo("{\"size\":\"1280x720\",\"aspect_ratio\":\"16:9\",\"resolution\":\"720p\"}");
        assertThat(veo.get("inputs").valueStream().map(JsonNode::asString))
                .containsExactly("text", "first_frame", "last_frame", "reference_images");
        assertThat(veo.get("audio").asString()).isEqualTo("always");
        assertThat(veo.get("price_unit").asString()).isEqualTo("per_second");
        assertThat(find(models, "seedance-1-0-lite-t2v-250428").get("price_unit").asString()).isEqualTo("per_1k_tokens");
        assertThat(find(models, "kling-v2-6").get("audio").asString()).isEqualTo("optional");
        JsonNode house = find(models, "house-model");
        assertThat(house.get("sizes").get(1).toString()).isEqualTo("{\"size\":\"480x640\",\"aspect_ratio\":\"3:4\",\"resolution\":\"480p\"}");
        assertThat(house.get("prices").toString()).isEqualTo("[{\"resolution\":\"480p\",\"price_unit\":\"per_second\",\"price\":20000}]");

        ok(admin.http().postJson("/admin/v1/prices", "{\"model\":\"veo-3.1-generate-001\",\"resolution\":\"4k\",\"price_per_second\":650000}"));
        JsonNode repriced = find(ok(http.get("/v1/videos/models")), "veo-3.1-generate-001");
        assertThat(repriced.get("prices").toString())
                .isEqualTo("[{\"resolution\":\"720p\",\"price_unit\":\"per_second\",\"price\":400000},{\"resolution\":\"1080p\","
                        + "\"price_unit\":\"per_second\",\"price\":400000},{\"resolution\":\"4k\",\"price_unit\":\"per_second\",\"price\":650000}]");
    }

    private static JsonNode find(JsonNode list, String id) {
        return list.get("data").valueStream().filter(m -> m.get("id").asString().equals(id)).findFirst().orElseThrow();
    }
}

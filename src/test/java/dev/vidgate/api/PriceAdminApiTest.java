package dev.vidgate.api;

import dev.vidgate.testsupport.RawHttp;
import dev.vidgate.testsupport.TestServer;
import dev.vidgate.testsupport.TestServerExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import tools.jackson.databind.JsonNode;

import static dev.vidgate.testsupport.ApiAssertions.assertError;
import static dev.vidgate.testsupport.ApiCalls.ok;
import static org.assertj.core.api.Assertions.assertThat;

/** {@code /admin/v1/prices} with units and audio surcharges over raw HTTP, and the prices it sets at work in holds and the model list. */
class PriceAdminApiTest {
    @RegisterExtension
    static final TestServerExtension server = TestServerExtension.h2();
    static final AdminCalls admin = new AdminCalls(server.http(TestServer.ADMIN_KEY));
    static final RawHttp http = admin.http();

    @Test
    void aUnitAndAnAudioSurchargeAreSetPerModelAndTierKeptWhenLeftOutAndShownByTheModelList() {
        assertThat(price(ok(http.get("/admin/v1/prices")), "kling-v2-6", "720p").toString()).isEqualTo("{\"object\":\"price\","
                + "\"model\":\"kling-v2-6\",\"resolution\":\"720p\",\"price_unit\":\"per_second\",\"price\":42000,\"audio_surcharge\":42000,"
                + "\"price_per_second\":42000,\"source\":\"default\"}");

        JsonNode set = ok(http.postJson("/admin/v1/prices", "{\"model\":\"kling-v2-6\",\"resolution\":\"1280x720\","
                + "\"price_unit\":\"per_clip\",\"price\":250000,\"audio_surcharge\":200000}"));
        assertThat(set.get("price_unit").asString()).isEqualTo("per_clip");
        assertThat(set.get("source").asString()).isEqualTo("operator");
        JsonNode repriced = ok(http.postJson("/admin/v1/prices", "{\"model\":\"kling-v2-6\",\"resolution\":\"720p\",\"price\":260000}"));
        assertThat(repriced.get("price_unit").asString()).as("the unit in force stays").isEqualTo("per_clip");
        assertThat(repriced.get("audio_surcharge").asLong()).as("the surcharge in force stays").isEqualTo(200_000);

        var user = new RawHttp(server.baseUrl(), admin.fundedKey("viewer", 0, ""));
        JsonNode kling = ok(user.get("/v1/videos/models")).get("data").valueStream()
                .filter(m -> m.get("id").asString().equals("kling-v2-6")).findFirst().orElseThrow();
        assertThat(kling.get("price_unit").asString()).isEqualTo("per_clip");
        assertThat(kling.get("prices").toString()).isEqualTo("[{\"resolution\":\"720p\",\"price_unit\":\"per_clip\",\"price\":260000,"
                + "\"audio_surcharge\":200000},{\"resolution\":\"1080p\",\"price_unit\":\"per_second\",\"price\":70000,\"audio_surcharge\":70000}]");

        JsonNode silent = ok(http.postJson("/admin/v1/prices", "{\"model\":\"kling-v2-6\",\"resolution\":\"720p\",\"price\":260000,"
                + "\"audio_surcharge\":null}"));
        assertThat(silent.get("audio_surcharge").isNull()).isTrue();
        JsonNode reset = ok(http.delete("/admin/v1/prices/kling-v2-6/720p"));
        assertThat(reset.get("price_unit").asString() + " " + reset.get("price").asLong() + " " + reset.get("audio_surcharge").asLong())
                .isEqualTo("per_second 42000 42000");
    }

    @Test
    void aTokenPricedModelHoldsTheTokensItsFramesCountAtTheOperatorsPriceAndACancelGivesItAllBack() {
        ok(http.postJson("/admin/v1/prices", "{\"model\":\"seedance-1-0-pro-250528\",\"resolution\":\"720p\",\"price\":2000}"));
        var user = new RawHttp(server.baseUrl(), admin.fundedKey("tokenco", 1_000_000, ""));
        String video = ok(user.postJson("/v1/videos", "{\"model\":\"seedance-1-0-pro-250528\",\"prompt\":\"waves\",\"size\":\"1280x720\","
                + "\"seconds\":\"5\"}")).get("id").asString();
        // 1280 x 720 x 24 / 1024 = 21,600 tokens a second, 108,000 for 5 s, at 2,000 per 1,000 tokens
        assertThat(admin.account("tokenco").get("balance").asLong()).isEqualTo(1_000_000 - 216_000);
        JsonNode hold = ok(http.get("/admin/v1/ledger?tenant=tokenco&order=asc")).get("data").get(1);
        assertThat(hold.get("price_unit").asString() + " " + hold.get("quantity").asLong() + " " + hold.get("unit_price").asLong())
                .isEqualTo("per_1k_tokens 108000 2000");

        ok(user.post("/v1/videos/" + video + "/cancel", null, new byte[0]));
        assertThat(admin.account("tokenco").get("balance").asLong()).isEqualTo(1_000_000);
    }

    @Test
    void aBadPriceIsA400NamingTheField() {
        assertError(http.postJson("/admin/v1/prices", "{\"model\":\"sora-9\",\"resolution\":\"720p\",\"price\":1}"), 400, null,
                "model", "model_not_found");
        assertError(http.postJson("/admin/v1/prices", "{\"model\":\"sora-2\",\"resolution\":\"720p\",\"price_unit\":\"per_minute\","
                + "\"price\":1}"), 400, "price_unit must be per_second, per_clip or per_1k_tokens; got 'per_minute'.", "price_unit", "invalid_value");
        assertError(http.postJson("/admin/v1/prices", "{\"model\":\"sora-2\",\"resolution\":\"720p\",\"price_unit\":7,\"price\":1}"), 400,
                null, "price_unit", "invalid_type");
        assertError(http.postJson("/admin/v1/prices", "{\"model\":\"sora-2\",\"resolution\":\"720p\",\"price\":-1}"), 400, null,
                "price", "invalid_amount");
        assertError(http.postJson("/admin/v1/prices", "{\"model\":\"sora-2\",\"resolution\":\"720p\"}"), 400, null,
                "price", "missing_required_parameter");
        assertError(http.postJson("/admin/v1/prices", "{\"model\":\"kling-v2-6\",\"resolution\":\"720p\",\"price\":1,"
                + "\"audio_surcharge\":-5}"), 400, null, "audio_surcharge", "invalid_amount");
        assertError(http.postJson("/admin/v1/prices", "{\"model\":\"sora-2\",\"resolution\":\"720p\",\"price\":1,\"audio_surcharge\":5}"),
                400, "audio_surcharge applies only to a model whose sound is optional; sora-2's audio is always.", "audio_surcharge",
                "invalid_value");
        assertThat(price(ok(http.get("/admin/v1/prices")), "sora-2", "720p").get("source").asString()).as("nothing was set")
                .isEqualTo("default");
    }

    private static JsonNode price(JsonNode list, String model, String resolution) {
        return list.get("data").valueStream().filter(p -> p.get("model").asString().equals(model)
                && p.get("resolution").asString().equals(resolution)).findFirst().orElseThrow();
    }
}

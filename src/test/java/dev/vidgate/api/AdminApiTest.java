package dev.vidgate.api;

import dev.vidgate.billing.Money;
import dev.vidgate.testsupport.ApiCalls;
import dev.vidgate.testsupport.RawHttp;
import dev.vidgate.testsupport.TestClock;
import dev.vidgate.testsupport.TestServer;
import dev.vidgate.testsupport.TestServerExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import tools.jackson.databind.JsonNode;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;

import static dev.vidgate.testsupport.ApiAssertions.assertError;
import static dev.vidgate.testsupport.ApiCalls.json;
import static dev.vidgate.testsupport.ApiCalls.ok;
import static org.assertj.core.api.Assertions.assertThat;

/** The admin API over raw HTTP: tenants, keys, money, prices, usage, the ledger and jobs, and every bad input a clear 4xx. */
class AdminApiTest {
    static final TestClock clock = new TestClock();
    @RegisterExtension
    static final TestServerExtension server = TestServerExtension.h2().clock(clock);
    static final AdminCalls admin = new AdminCalls(server.http(TestServer.ADMIN_KEY));
    static final RawHttp http = admin.http();

    @Test
    void tenantsAreMadeListedShownAndChangedAndBadNamesAndDuplicatesAreClearErrors() {
        JsonNode made = admin.tenant("globex", "\"daily_limit\":5000000,\"default_max_concurrent\":3");
        assertThat(made.get("object").asString()).isEqualTo("tenant");
        assertThat(made.get("account").get("balance").asLong()).isZero();
        assertThat(made.get("account").get("credit_limit").asLong()).isZero();
        assertThat(made.get("account").get("daily_limit").asLong()).isEqualTo(5_000_000);
        assertThat(made.get("account").get("monthly_limit").isNull()).isTrue();
        assertThat(admin.key("globex", "").get("key").get("max_concurrent").asInt()).isEqualTo(3);

        JsonNode byId = ok(http.get("/admin/v1/tenants/" + made.get("id").asString()));
        assertThat(byId.get("name").asString()).isEqualTo("globex");
        JsonNode changed = ok(http.postJson("/admin/v1/tenants/globex", "{\"daily_limit\":null,\"credit_limit\":2000000,\"disabled\":true}"));
        assertThat(changed.get("disabled").asBoolean()).isTrue();
        assertThat(changed.get("account").get("daily_limit").isNull()).isTrue();
        assertThat(changed.get("account").get("credit_limit").asLong()).isEqualTo(2_000_000);
        assertThat(ok(http.get("/admin/v1/tenants?limit=100")).get("data")).extracting(t -> t.get("name").asString()).contains("globex", "default");

        assertError(http.postJson("/admin/v1/tenants", "{\"name\":\"globex\"}"), 400, null, "name", "duplicate_name");
        assertError(http.postJson("/admin/v1/tenants", "{\"name\":\"Not A Slug!\"}"), 400, null, "name", "invalid_value");
        assertError(http.postJson("/admin/v1/tenants", "{}"), 400, null, "name", "missing_required_parameter");
        assertError(http.postJson("/admin/v1/tenants", "{\"name\":\"neg\",\"daily_limit\":-1}"), 400, null, "daily_limit", "invalid_amount");
        assertError(http.postJson("/admin/v1/tenants", "{\"name\":\"frac\",\"credit_limit\":1.5}"), 400, null, "credit_limit", "invalid_amount");
        assertError(http.get("/admin/v1/tenants/frac"), 404, null, "tenant", "tenant_not_found");
        assertError(http.get("/admin/v1/tenants/nobody"), 404, null, "tenant", "tenant_not_found");
        assertError(http.postJson("/admin/v1/keys", "{\"tenant\":\"nobody\"}"), 404, null, "tenant", "tenant_not_found");
        assertError(http.postJson("/admin/v1/keys", "{\"tenant\":\"globex\"}"), 400, null, "tenant", "tenant_disabled");
    }

    @Test
    void aKeysSecretIsShownOnceAndOnlyMaskedAfterwards() {
        admin.tenant("initech", "");
        JsonNode created = admin.key("initech", "\"name\":\"ci\",\"requests_per_minute\":30,\"max_queued\":5,\"allowed_models\":[\"sora-2-pro-2025-10-06\"]");
        String secret = created.get("secret").asString();
        assertThat(secret).startsWith("sk-vg-");
        JsonNode key = created.get("key");
        assertThat(key.get("secret_hint").asString()).isEqualTo(secret.substring(0, 5) + "..." + secret.substring(secret.length() - 4));
        assertThat(key.get("allowed_models")).extracting(JsonNode::asString).containsExactly("sora-2-pro");
        assertThat(key.get("requests_per_minute").asInt()).isEqualTo(30);

        String id = created.get("id").asString();
        var shown = http.get("/admin/v1/keys/" + id);
        var listed = http.get("/admin/v1/keys?tenant=initech");
        assertThat(shown.body()).doesNotContain(secret).doesNotContain("\"secret\"");
        assertThat(listed.body()).doesNotContain(secret).contains(id);
        JsonNode defaults = admin.key("initech", "").get("key");
        assertThat(defaults.get("requests_per_minute").asInt()).isEqualTo(600);
        assertThat(defaults.get("max_queued").asInt()).isEqualTo(50);
        assertThat(defaults.get("max_concurrent").asInt()).isEqualTo(2);
        JsonNode unlimited = admin.key("initech", "\"requests_per_minute\":null,\"max_queued\":null").get("key");
        assertThat(unlimited.get("requests_per_minute").isNull()).isTrue();

        assertError(http.postJson("/admin/v1/keys", "{\"tenant\":\"initech\",\"allowed_models\":[\"sora-9\"]}"), 400, null,
                "allowed_models", "model_not_found");
        assertError(http.postJson("/admin/v1/keys", "{\"tenant\":\"initech\",\"max_concurrent\":0}"), 400, null, "max_concurrent", "invalid_value");
        assertError(http.postJson("/admin/v1/keys", "{\"tenant\":\"initech\",\"max_concurrent\":\"2\"}"), 400, null, "max_concurrent", "invalid_type");
        assertError(http.postJson("/admin/v1/keys", "{\"tenant\":\"initech\",\"expires_at\":1}"), 400, null, "expires_at", "invalid_value");
        assertError(http.postJson("/admin/v1/keys/" + id, "{\"name\":null}"), 400, null, "name", "invalid_value");
        assertError(http.get("/admin/v1/keys/key_nobody"), 404, null, "key_id", "key_not_found");
    }

    @Test
    void disabledAndExpiredKeysAndKeysOfADisabledTenantAreRefusedWithClearMessages() {
        admin.tenant("hooli", "");
        JsonNode created = admin.key("hooli", "\"expires_at\":" + clock.instant().plus(Duration.ofHours(1)).getEpochSecond());
        String secret = created.get("secret").asString();
        String id = created.get("id").asString();
        var user = new RawHttp(server.baseUrl(), secret);
        assertThat(user.get("/v1/videos").statusCode()).isEqualTo(200);

        ok(http.postJson("/admin/v1/keys/" + id, "{\"disabled\":true}"));
        assertError(user.get("/v1/videos"), 401, null, null, "invalid_api_key");
        assertThat(json(user.get("/v1/videos")).get("error").get("message").asString()).contains("disabled").doesNotContain(secret);
        ok(http.postJson("/admin/v1/keys/" + id, "{\"disabled\":false}"));
        assertThat(user.get("/v1/videos").statusCode()).isEqualTo(200);

        ok(http.postJson("/admin/v1/tenants/hooli", "{\"disabled\":true}"));
        assertThat(json(user.get("/v1/videos")).get("error").get("message").asString()).contains("account").contains("disabled");
        ok(http.postJson("/admin/v1/tenants/hooli", "{\"disabled\":false}"));
        assertThat(user.get("/v1/videos").statusCode()).isEqualTo(200);

        clock.advance(Duration.ofHours(2));
        var expired = user.get("/v1/videos");
        assertError(expired, 401, null, null, "invalid_api_key");
        assertThat(json(expired).get("error").get("message").asString()).contains("expired");
    }

    @Test
    void rotatingAKeyKeepsItsIdAndVideosAndRetiresTheOldSecret() {
        admin.tenant("umbrella", "");
        admin.topUp("umbrella", 10_000_000);
        JsonNode created = admin.key("umbrella", "");
        String old = created.get("secret").asString();
        String id = created.get("id").asString();
        String video = ok(new RawHttp(server.baseUrl(), old).postJson("/v1/videos", "{\"prompt\":\"kept\"}")).get("id").asString();

        JsonNode rotated = ok(http.post("/admin/v1/keys/" + id + "/rotate", null, new byte[0]));
        assertThat(rotated.get("id").asString()).isEqualTo(id);
        String fresh = rotated.get("secret").asString();
        assertThat(fresh).isNotEqualTo(old);
        assertError(new RawHttp(server.baseUrl(), old).get("/v1/videos"), 401, null, null, "invalid_api_key");
        var user = new RawHttp(server.baseUrl(), fresh);
        assertThat(ok(user.get("/v1/videos/" + video)).get("id").asString()).isEqualTo(video);
        ok(user.post("/v1/videos/" + video + "/cancel", null, new byte[0]));
    }

    @Test
    void moneyMovesOnlyByWholePositiveTopUpsOrReasonedAdjustmentsAndNeverHalfway() {
        admin.tenant("wonka", "");
        String path = "/admin/v1/tenants/wonka/";
        assertError(http.postJson(path + "topups", "{\"amount\":-5,\"reason\":\"x\"}"), 400, null, "amount", "invalid_amount");
        assertError(http.postJson(path + "topups", "{\"amount\":0,\"reason\":\"x\"}"), 400, null, "amount", "invalid_amount");
        assertError(http.postJson(path + "topups", "{\"amount\":1.5,\"reason\":\"x\"}"), 400, null, "amount", "invalid_amount");
        assertError(http.postJson(path + "topups", "{\"amount\":\"100\",\"reason\":\"x\"}"), 400, null, "amount", "invalid_amount");
        assertError(http.postJson(path + "topups", "{\"amount\":1e3,\"reason\":\"x\"}"), 400, null, "amount", "invalid_amount");
        assertError(http.postJson(path + "topups", "{\"amount\":99999999999999999999999,\"reason\":\"x\"}"), 400, null, "amount", "invalid_amount");
        assertError(http.postJson(path + "topups", "{\"amount\":100}"), 400, null, "reason", "missing_required_parameter");
        assertError(http.postJson(path + "topups", "{\"reason\":\"x\"}"), 400, null, "amount", "missing_required_parameter");
        assertError(http.postJson(path + "adjustments", "{\"amount\":0,\"reason\":\"x\"}"), 400, null, "amount", "invalid_amount");
        assertError(http.postJson("/admin/v1/tenants/nobody/topups", "{\"amount\":5,\"reason\":\"x\"}"), 404, null, "tenant", "tenant_not_found");
        assertError(http.postJson(path + "topups", "[1]"), 400, null, null, "invalid_json");

        JsonNode first = ok(http.postJson(path + "topups", "{\"amount\":" + Money.MAX_AMOUNT + ",\"reason\":\"invoice 1\"}",
                "Idempotency-Key", "inv-1"));
        JsonNode again = ok(http.postJson(path + "topups", "{\"amount\":" + Money.MAX_AMOUNT + ",\"reason\":\"invoice 1\"}",
                "Idempotency-Key", "inv-1"));
        assertThat(again.get("id").asString()).isEqualTo(first.get("id").asString());
        assertError(http.postJson(path + "topups", "{\"amount\":1,\"reason\":\"one too many\"}"), 400, null, "amount", "invalid_amount");
        JsonNode adjusted = ok(http.postJson(path + "adjustments", "{\"amount\":-250,\"reason\":\"refund of a duplicate invoice\"}"));
        assertThat(adjusted.get("kind").asString()).isEqualTo("adjustment");
        assertThat(adjusted.get("balance_after").asLong()).isEqualTo(Money.MAX_AMOUNT - 250);

        JsonNode ledger = ok(http.get("/admin/v1/ledger?tenant=wonka"));
        assertThat(ledger.get("data")).hasSize(2);
        assertThat(ledger.get("data").get(0).get("reason").asString()).isEqualTo("refund of a duplicate invoice");
        assertThat(admin.account("wonka").get("balance").asLong()).isEqualTo(Money.MAX_AMOUNT - 250);
        assertThat(ok(http.get("/admin/v1/reconciliation")).get("balanced").asBoolean()).isTrue();
    }

    @Test
    void pricesAreListedSetAndResetAndANewPriceAppliesToTheNextJob() {
        JsonNode prices = ok(http.get("/admin/v1/prices"));
        assertThat(prices.get("data")).extracting(p -> p.get("model").asString() + " " + p.get("resolution").asString() + " "
                + p.get("price_per_second").asLong()).contains("sora-2 720p 100000", "sora-2-pro 720p 300000",
                "sora-2-pro 1024p 500000", "sora-2-pro 1080p 700000");

        JsonNode set = ok(http.postJson("/admin/v1/prices", "{\"model\":\"sora-2\",\"resolution\":\"1280x720\",\"price_per_second\":125000}"));
        assertThat(set.get("resolution").asString()).isEqualTo("720p");
        assertThat(set.get("source").asString()).isEqualTo("operator");
        var user = new RawHttp(server.baseUrl(), admin.fundedKey("acmecorp", 1_000_000, ""));
        String video = ok(user.postJson("/v1/videos", "{\"prompt\":\"priced\",\"seconds\":\"8\",\"size\":\"1280x720\"}")).get("id").asString();
        assertThat(admin.account("acmecorp").get("balance").asLong()).isEqualTo(1_000_000 - 8 * 125_000);
        ok(user.post("/v1/videos/" + video + "/cancel", null, new byte[0]));

        JsonNode reset = ok(http.delete("/admin/v1/prices/sora-2/720p"));
        assertThat(reset.get("price_per_second").asLong()).isEqualTo(100_000);
        assertThat(reset.get("source").asString()).isEqualTo("default");

        assertError(http.postJson("/admin/v1/prices", "{\"model\":\"sora-2\",\"resolution\":\"1080p\",\"price_per_second\":1}"), 400, null,
                "resolution", "invalid_value");
        assertError(http.postJson("/admin/v1/prices", "{\"model\":\"sora-9\",\"resolution\":\"720p\",\"price_per_second\":1}"), 400, null,
                "model", "model_not_found");
        assertError(http.postJson("/admin/v1/prices", "{\"model\":\"sora-2\",\"resolution\":\"720p\",\"price_per_second\":-1}"), 400, null,
                "price_per_second", "invalid_amount");
    }

    @Test
    void reachingTheDailySpendingLimitAnswers429InsufficientQuota() {
        admin.tenant("thrifty", "\"daily_limit\":1000000");
        admin.topUp("thrifty", 50_000_000);
        var user = new RawHttp(server.baseUrl(), admin.secret("thrifty", ""));
        String first = ok(user.postJson("/v1/videos", "{\"prompt\":\"one\",\"seconds\":\"8\"}")).get("id").asString();
        var refused = user.postJson("/v1/videos", "{\"prompt\":\"two\",\"seconds\":\"4\"}");
        assertError(refused, 429, null, null, "insufficient_quota");
        assertThat(json(refused).get("error").get("message").asString()).contains("daily spending limit of 1 credits");
        assertThat(refused.headers().firstValue("x-should-retry")).contains("false");
        ok(user.post("/v1/videos/" + first + "/cancel", null, new byte[0]));
        assertThat(user.postJson("/v1/videos", "{\"prompt\":\"two\",\"seconds\":\"4\"}").statusCode()).isEqualTo(200);
    }

    @Test
    void usageTheLedgerAndTheJobsOfATenantShowWhatACompletedJobCost() throws Exception {
        admin.tenant("stark", "");
        admin.topUp("stark", 5_000_000);
        JsonNode key = admin.key("stark", "");
        var user = new RawHttp(server.baseUrl(), key.get("secret").asString());
        String done = ok(user.postJson("/v1/videos", "{\"prompt\":\"billed\",\"seconds\":\"4\"}")).get("id").asString();
        String cancelled = ok(user.postJson("/v1/videos", "{\"prompt\":\"free\",\"seconds\":\"8\"}")).get("id").asString();
        ok(user.post("/v1/videos/" + cancelled + "/cancel", null, new byte[0]));
        ApiCalls.awaitCompleted(user, done);

        String today = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC).toString();
        JsonNode usage = ok(http.get("/admin/v1/usage?tenant=stark&from=" + today + "&to=" + today));
        assertThat(usage.get("data")).hasSize(1);
        JsonNode row = usage.get("data").get(0);
        assertThat(row.get("date").asString()).isEqualTo(today);
        assertThat(row.get("key_id").asString()).isEqualTo(key.get("id").asString());
        assertThat(row.get("model").asString()).isEqualTo("sora-2");
        assertThat(List.of(row.get("seconds").asLong(), row.get("jobs").asLong(), row.get("credits").asLong())).containsExactly(4L, 1L, 400_000L);
        assertThat(row.get("price_unit").asString() + " " + row.get("quantity").asLong()).isEqualTo("per_second 4");
        assertThat(usage.get("account").get("balance").asLong()).isEqualTo(4_600_000);
        assertThat(ok(user.get("/v1/usage?scope=tenant")).get("credits").asLong()).isEqualTo(400_000);
        assertError(user.get("/v1/usage?scope=world"), 400, null, "scope", "invalid_value");
        assertError(user.get("/v1/usage?from=yesterday"), 400, null, "from", "invalid_value");
        assertError(http.get("/admin/v1/usage?from=2026-02-01&to=2026-01-01"), 400, null, "from", "invalid_value");

        JsonNode page = ok(http.get("/admin/v1/ledger?tenant=stark&limit=2&order=asc"));
        assertThat(page.get("has_more").asBoolean()).isTrue();
        assertThat(page.get("data")).extracting(m -> m.get("kind").asString()).containsExactly("topup", "hold");
        JsonNode rest = ok(http.get("/admin/v1/ledger?tenant=stark&order=asc&after=" + page.get("last_id").asString()));
        assertThat(rest.get("data")).extracting(m -> m.get("kind").asString()).containsExactlyInAnyOrder("hold", "release", "settle");
        assertThat(rest.get("has_more").asBoolean()).isFalse();
        assertError(http.get("/admin/v1/ledger?after=led_nothing"), 404, null, "after", "not_found");

        JsonNode jobs = ok(http.get("/admin/v1/videos?tenant=stark&limit=1"));
        assertThat(jobs.get("data").get(0).get("id").asString()).isEqualTo(cancelled);
        assertThat(jobs.get("data").get(0).get("key_id").asString()).isEqualTo(key.get("id").asString());
        assertThat(jobs.get("has_more").asBoolean()).isTrue();
        JsonNode job = ok(http.get("/admin/v1/videos/" + done));
        assertThat(job.get("status").asString()).isEqualTo("completed");
        assertThat(job.get("delivered_seconds").asInt()).isEqualTo(4);
        assertError(http.get("/admin/v1/videos"), 400, null, "tenant", "missing_required_parameter");
        assertThat(ok(http.get("/admin/v1/reconciliation")).get("balanced").asBoolean()).isTrue();
    }

    @Test
    void adminKeysAreRefusedOnTheUserApiAndUserKeysOnTheAdminApi() {
        var asAdmin = new RawHttp(server.baseUrl(), TestServer.ADMIN_KEY);
        for (String path : List.of("/v1/videos", "/v1/usage", "/openai/v1/videos", "/openai/v1/usage")) {
            assertError(asAdmin.get(path), 401, null, null, "invalid_api_key");
        }
        var asUser = new RawHttp(server.baseUrl(), TestServer.API_KEY);
        for (String path : List.of("/admin/v1/tenants", "/admin/v1/tenants/default", "/admin/v1/keys", "/admin/v1/prices",
                "/admin/v1/usage", "/admin/v1/ledger", "/admin/v1/reconciliation", "/admin/v1/videos?tenant=default")) {
            var r = asUser.get(path);
            assertError(r, 401, null, null, "invalid_api_key");
            assertThat(r.body()).doesNotContain(TestServer.API_KEY);
        }
        assertError(asUser.postJson("/admin/v1/tenants/default/topups", "{\"amount\":5,\"reason\":\"free money\"}"), 401, null, null,
                "invalid_api_key");
        assertError(new RawHttp(server.baseUrl(), null).get("/admin/v1/tenants"), 401, null, null, "invalid_api_key");
    }
}

package dev.vidgate.api;

import com.openai.client.OpenAIClient;
import com.openai.errors.BadRequestException;
import com.openai.errors.InternalServerException;
import com.openai.models.videos.Video;
import com.openai.models.videos.VideoCreateParams;
import com.openai.models.videos.VideoRemixParams;
import com.openai.models.videos.VideoSeconds;
import com.openai.models.videos.VideoSize;
import dev.vidgate.policy.moderation.FakeModerations;
import dev.vidgate.testsupport.ProviderFake.Canned;
import dev.vidgate.testsupport.Scrape;
import dev.vidgate.testsupport.TestServer;
import dev.vidgate.testsupport.TestServerExtension;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import tools.jackson.databind.JsonNode;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.HexFormat;

import static dev.vidgate.testsupport.ApiCalls.ok;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The content policy as the official SDK sees it: every block is OpenAI's 400 {@code moderation_blocked} naming the
 * category, with nothing held and no job; a tenant set to {@code off} passes; the external classifier (a fake of OpenAI's
 * moderation endpoint on 127.0.0.1) blocks what it flags, and when it cannot answer, a fail-closed server answers 503
 * while a fail-open one lets the request through.
 */
class ContentPolicyThroughOfficialSdkTest {
    private static final String GUARD_KEY = "sk-guard-0123456789abcdef";
    static final FakeModerations guard = new FakeModerations(GUARD_KEY).flag("lantern", "violence");

    @RegisterExtension
    static final TestServerExtension server = TestServerExtension.h2()
            .with("vidgate.policy.classifier.url", guard.origin() + "/v1").with("vidgate.policy.classifier.api-key", GUARD_KEY)
            .with("vidgate.policy.classifier.timeout", "3s").with("vidgate.policy.classifier.on-failure", "closed");
    @RegisterExtension
    static final TestServerExtension failOpen = TestServerExtension.h2()
            .with("vidgate.policy.classifier.url", guard.origin() + "/v1").with("vidgate.policy.classifier.api-key", GUARD_KEY)
            .with("vidgate.policy.classifier.timeout", "3s");
    static final AdminCalls admin = new AdminCalls(server.http(TestServer.ADMIN_KEY));

    @AfterEach
    void healTheGuard() {
        guard.release();
        guard.failAlways(FakeModerations.ROUTE, null);
    }

    @AfterAll
    static void closeTheGuard() {
        guard.close();
    }

    @Test
    void aPromptNamingACopyrightedCharacterIsModerationBlockedNamingTheCategoryWithNothingHeldNoJobAndOneAuditRow() throws Exception {
        String tenant = admin.tenant("mouse-fans", "").get("id").asString();
        admin.topUp("mouse-fans", 10_000_000);
        OpenAIClient sdk = SdkClients.client(server.server(), admin.secret("mouse-fans", ""));
        String prompt = "Mickey Mouse waving from a steamboat";

        assertThatThrownBy(() -> sdk.videos().create(params(prompt))).isInstanceOfSatisfying(BadRequestException.class, e -> {
            assertThat(e.statusCode()).isEqualTo(400);
            assertThat(e.code()).contains("moderation_blocked");
            assertThat(e.type()).contains("invalid_request_error");
            assertThat(e.param()).contains("prompt");
            assertThat(e.getMessage()).contains("Your request was blocked by our moderation system. "
                    + "The prompt asks for a copyrighted character or franchise.").doesNotContainIgnoringCase("mickey");
            assertThat(e.headers().values("x-request-id")).hasSize(1);
        });

        assertThat(sdk.videos().list().data()).isEmpty();
        assertThat(admin.account("mouse-fans").get("balance").asLong()).isEqualTo(10_000_000);
        assertThat(admin.account("mouse-fans").get("held").asLong()).isZero();
        JsonNode row = newestBlock();
        assertThat(row.get("tenant_id").asString()).isEqualTo(tenant);
        assertThat(ok(admin.http().get("/admin/v1/policy/blocks?tenant=mouse-fans")).get("data")).hasSize(1);
        assertThat(row.get("category").asString()).isEqualTo("copyrighted_characters");
        assertThat(row.get("source").asString()).isEqualTo("rules");
        assertThat(row.get("excerpt").asString()).isEqualTo(prompt);
        assertThat(row.get("prompt_sha256").asString()).isEqualTo(sha256(prompt));
        assertThat(guard.seen(FakeModerations.ROUTE)).noneMatch(s -> s.json().get("input").asString().equals(prompt));
        Scrape metrics = Scrape.of(server.http(TestServer.ADMIN_KEY).get("/actuator/prometheus").body());
        assertThat(metrics.value("vidgate_policy_blocks_total", "category=\"copyrighted_characters\"", "source=\"rules\""))
                .isGreaterThanOrEqualTo(1.0);
    }

    @Test
    void aRemixWhosePromptNamesARealPersonIsBlockedAndMakesNoNewJob() {
        OpenAIClient sdk = SdkClients.client(server.server(), admin.fundedKey("remixers", 10_000_000, ""));
        Video source = sdk.videos().create(params("a quiet harbour at dusk"));
        assertThat(SdkClients.awaitFinished(sdk, source.id(), Duration.ofSeconds(240)).status().asString()).isEqualTo("completed");

        assertThatThrownBy(() -> sdk.videos().remix(source.id(), VideoRemixParams.builder().prompt("特朗普在港口跳舞").build()))
                .isInstanceOfSatisfying(BadRequestException.class, e -> {
                    assertThat(e.code()).contains("moderation_blocked");
                    assertThat(e.param()).contains("prompt");
                    assertThat(e.getMessage()).contains("The prompt asks to depict a real person or a public figure.");
                });
        assertThat(sdk.videos().list().data()).extracting(Video::id).containsExactly(source.id());
        assertThat(admin.account("remixers").get("held").asLong()).isZero();
    }

    @Test
    void aTenantWhosePolicyIsOffMayAskForTheCharacterThatOthersMayNot() {
        String secret = admin.fundedKey("anything-goes", 10_000_000, "");
        JsonNode set = ok(admin.http().postJson("/admin/v1/tenants/anything-goes/policy", "{\"level\":\"off\"}"));
        assertThat(set.get("level").asString()).isEqualTo("off");
        assertThat(ok(admin.http().get("/admin/v1/tenants/anything-goes/policy")).get("level").asString()).isEqualTo("off");

        Video created = SdkClients.client(server.server(), secret).videos().create(params("Mickey Mouse waving from a steamboat"));
        assertThat(created.status().asString()).isEqualTo("queued");
    }

    @Test
    void aLevelTheAdminApiDoesNotKnowIsRefusedNamingItAndAnUnknownTenantIsNotFound() {
        admin.tenant("picky", "");
        var wrong = admin.http().postJson("/admin/v1/tenants/picky/policy", "{\"level\":\"lenient\"}");
        assertThat(wrong.statusCode()).isEqualTo(400);
        assertThat(wrong.body()).contains("invalid_value").contains("strict, standard or off");
        assertThat(admin.http().postJson("/admin/v1/tenants/nobody/policy", "{\"level\":\"off\"}").statusCode()).isEqualTo(404);
        assertThat(ok(admin.http().postJson("/admin/v1/tenants/picky/policy", "{\"level\":null}")).get("level").isNull()).isTrue();
    }

    @Test
    void aPromptTheClassifierFlagsIsBlockedAsUnsuitableForMinorsAndAuditedAsTheClassifiers() {
        OpenAIClient sdk = SdkClients.client(server.server(), admin.fundedKey("lantern-makers", 10_000_000, ""));

        assertThatThrownBy(() -> sdk.videos().create(params("a paper lantern drifting over a river")))
                .isInstanceOfSatisfying(BadRequestException.class, e -> {
                    assertThat(e.code()).contains("moderation_blocked");
                    assertThat(e.getMessage()).contains("not suitable for viewers under 18");
                });
        assertThat(newestBlock().get("source").asString()).isEqualTo("classifier");
        JsonNode asked = guard.onlySeen(FakeModerations.ROUTE, b -> b.get("input").asString().contains("paper lantern"));
        assertThat(asked.get("model").asString()).isEqualTo("omni-moderation-latest");
        assertThat(sdk.videos().list().data()).isEmpty();
    }

    @Test
    void whenTheClassifierFailsOrStallsAFailClosedServerAnswers503AndHoldsNothingWhileAFailOpenOneGoesOn() {
        OpenAIClient closed = SdkClients.client(server.server(), admin.fundedKey("careful", 10_000_000, ""));
        guard.failAlways(FakeModerations.ROUTE, Canned.json(500, "{\"error\":{\"message\":\"guard down\",\"type\":\"server_error\"}}"));
        assertThatThrownBy(() -> closed.videos().create(params("a golden retriever on a beach")))
                .isInstanceOfSatisfying(InternalServerException.class, e -> {
                    assertThat(e.statusCode()).isEqualTo(503);
                    assertThat(e.code()).contains("moderation_unavailable");
                });
        assertThat(admin.account("careful").get("held").asLong()).isZero();

        var openAdmin = new AdminCalls(failOpen.http(TestServer.ADMIN_KEY));
        Video passed = SdkClients.client(failOpen.server(), openAdmin.fundedKey("relaxed", 10_000_000, "")).videos()
                .create(params("a golden retriever on a beach"));
        assertThat(passed.status().asString()).isEqualTo("queued");

        guard.failAlways(FakeModerations.ROUTE, null);
        guard.stall();
        assertThatThrownBy(() -> closed.videos().create(params("a golden retriever on a beach")))
                .isInstanceOfSatisfying(InternalServerException.class, e -> assertThat(e.statusCode()).isEqualTo(503));
        assertThat(closed.videos().list().data()).isEmpty();
    }

    private static VideoCreateParams params(String prompt) {
        return VideoCreateParams.builder().model("sora-2").prompt(prompt).seconds(VideoSeconds._4).size(VideoSize._1280X720).build();
    }

    private static JsonNode newestBlock() {
        return ok(admin.http().get("/admin/v1/policy/blocks?limit=1")).get("data").get(0);
    }

    private static String sha256(String text) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
    }
}

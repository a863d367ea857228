package dev.vidgate.api;

import com.openai.client.OpenAIClient;
import com.openai.errors.PermissionDeniedException;
import com.openai.errors.RateLimitException;
import com.openai.models.videos.Video;
import com.openai.models.videos.VideoCreateParams;
import com.openai.models.videos.VideoSeconds;
import com.openai.models.videos.VideoSize;
import dev.vidgate.testsupport.TestClock;
import dev.vidgate.testsupport.TestServer;
import dev.vidgate.testsupport.TestServerExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import tools.jackson.databind.JsonNode;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

import static dev.vidgate.testsupport.ApiCalls.ok;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Quotas and limits as the official SDK sees them: it retries 429s by default, so each answer must
 * tell it whether waiting helps (retry-after) or not (x-should-retry: false), and it must end with
 * the right error or, once the window frees up, the answer.
 */
class QuotasThroughOfficialSdkTest {
    private static final VideoCreateParams FOUR_SECONDS = VideoCreateParams.builder().model("sora-2").prompt("a quiet harbour at dusk")
            .seconds(VideoSeconds._4).size(VideoSize._1280X720).build();

    static final TestClock clock = new TestClock();
    @RegisterExtension
    static final TestServerExtension server = TestServerExtension.h2().clock(clock);
    static final AdminCalls admin = new AdminCalls(server.http(TestServer.ADMIN_KEY));

    @Test
    void aCreateTheBalanceCannotCoverIsRefusedAsInsufficientQuotaWithoutRetriesAndCreatesNothing() {
        String secret = admin.fundedKey("poor", 300_000, "");
        OpenAIClient sdk = SdkClients.retrying(server.server(), secret, 2);

        assertThatThrownBy(() -> sdk.videos().create(FOUR_SECONDS)).isInstanceOfSatisfying(RateLimitException.class, e -> {
            assertThat(e.statusCode()).isEqualTo(429);
            assertThat(e.code()).contains("insufficient_quota");
            assertThat(e.type()).contains("insufficient_quota");
            assertThat(e.getMessage()).contains("0.4 credits").contains("0.3 credits");
            assertThat(e.headers().values("x-should-retry")).containsExactly("false");
        });
        assertThat(sdk.videos().list().data()).isEmpty();
        assertThat(admin.account("poor").get("balance").asLong()).isEqualTo(300_000);
    }

    @Test
    void aTopUpLetsTheCreateThroughAndTheCompletedJobIsBilledForItsSeconds() throws Exception {
        String secret = admin.fundedKey("exact", 400_000, "");
        OpenAIClient sdk = SdkClients.client(server.server(), secret);

        Video created = sdk.videos().create(FOUR_SECONDS);
        assertThat(admin.account("exact").get("held").asLong()).isEqualTo(400_000);
        Video done = SdkClients.awaitFinished(sdk, created.id(), Duration.ofSeconds(120));
        assertThat(done.status().asString()).isEqualTo("completed");

        JsonNode usage = ok(server.http(secret).get("/v1/usage"));
        assertThat(usage.get("seconds").asLong()).isEqualTo(4);
        assertThat(usage.get("jobs").asLong()).isEqualTo(1);
        assertThat(usage.get("credits").asLong()).isEqualTo(400_000);
        assertThat(usage.get("account").get("balance").asLong()).isZero();
        assertThat(usage.get("account").get("held").asLong()).isZero();
        assertThatThrownBy(() -> sdk.videos().create(FOUR_SECONDS)).isInstanceOf(RateLimitException.class);
    }

    @Test
    void aCancelledJobCostsNothing() {
        String secret = admin.fundedKey("fickle", 10_000_000, "");
        OpenAIClient sdk = SdkClients.client(server.server(), secret);
        Video created = sdk.videos().create(VideoCreateParams.builder().model("sora-2-pro").prompt("a long pan")
                .seconds(VideoSeconds._12).size(VideoSize.of("1920x1080")).build());
        assertThat(admin.account("fickle").get("balance").asLong()).isEqualTo(10_000_000 - 12 * 700_000);
        assertThat(cancel(secret, created.id())).isEqualTo("cancelled");
        JsonNode account = admin.account("fickle");
        assertThat(account.get("balance").asLong()).isEqualTo(10_000_000);
        assertThat(account.get("spent_today").asLong()).isZero();
    }

    @Test
    void aKeyOverItsRequestsPerMinuteIsToldWhenToRetryAndTheSdksOwnRetryThenGetsItsAnswer() {
        String secret = admin.fundedKey("chatty", 0, "\"requests_per_minute\":3");
        OpenAIClient once = SdkClients.client(server.server(), secret);
        Instant start = clock.instant();
        for (int i = 0; i < 3; i++) once.videos().list();
        // Just before the first of the three leaves the one-minute window.
        clock.advance(Duration.between(clock.instant(), start.truncatedTo(ChronoUnit.SECONDS).plusMillis(59_300)));

        assertThatThrownBy(() -> once.videos().list()).isInstanceOfSatisfying(RateLimitException.class, e -> {
            assertThat(e.code()).contains("rate_limit_exceeded");
            assertThat(e.getMessage()).contains("Limit 3, Used 3");
            assertThat(Integer.parseInt(e.headers().values("retry-after").getFirst())).isBetween(1, 2);
        });
        long began = System.nanoTime();
        OpenAIClient retrying = SdkClients.retrying(server.server(), secret, 2);
        assertThat(retrying.videos().list().data()).isEmpty();
        assertThat(Duration.ofNanos(System.nanoTime() - began)).as("the SDK waited as told").isGreaterThan(Duration.ofMillis(900));
    }

    @Test
    void aModelOutsideTheKeysAllowListIsForbidden() {
        String secret = admin.fundedKey("narrow", 10_000_000, "\"allowed_models\":[\"sora-2\"]");
        OpenAIClient sdk = SdkClients.client(server.server(), secret);
        assertThatThrownBy(() -> sdk.videos().create(VideoCreateParams.builder().model("sora-2-pro").prompt("p").build()))
                .isInstanceOfSatisfying(PermissionDeniedException.class, e -> {
                    assertThat(e.statusCode()).isEqualTo(403);
                    assertThat(e.code()).contains("model_not_allowed");
                    assertThat(e.param()).contains("model");
                });
        // An alias of an allowed model is the same model.
        Video allowed = sdk.videos().create(VideoCreateParams.builder().model("sora-2-2025-10-06").prompt("p").build());
        cancel(secret, allowed.id());
        assertThat(admin.account("narrow").get("balance").asLong()).isEqualTo(10_000_000);
    }

    @Test
    void jobsBeyondTheKeysConcurrencyWaitQueuedUpToItsQueueCapAndThenAreTurnedAway() throws Exception {
        String secret = admin.fundedKey("busy", 100_000_000, "\"max_concurrent\":1,\"max_queued\":2");
        OpenAIClient sdk = SdkClients.client(server.server(), secret);
        VideoCreateParams slow = VideoCreateParams.builder().model("sora-2-pro").prompt("a long pan over a city")
                .seconds(VideoSeconds._12).size(VideoSize.of("1920x1080")).build();
        Video running = sdk.videos().create(slow);
        SdkClients.awaitStatus(sdk, running.id(), Duration.ofSeconds(60), "in_progress");

        Video second = sdk.videos().create(slow);
        Video third = sdk.videos().create(slow);
        assertThat(sdk.videos().retrieve(second.id()).status().asString()).isEqualTo("queued");
        assertThat(sdk.videos().retrieve(third.id()).status().asString()).isEqualTo("queued");
        assertThatThrownBy(() -> sdk.videos().create(slow)).isInstanceOfSatisfying(RateLimitException.class, e -> {
            assertThat(e.code()).contains("rate_limit_exceeded");
            assertThat(e.headers().values("retry-after")).isNotEmpty();
            assertThat(e.getMessage()).contains("limit is 2");
        });
        for (Video v : new Video[]{running, second, third}) cancel(secret, v.id());
        assertThat(admin.account("busy").get("balance").asLong()).isEqualTo(100_000_000);
    }

    /** The SDK has no cancel call; clients send it as plain HTTP. */
    private static String cancel(String secret, String id) {
        return ok(server.http(secret).post("/v1/videos/" + id + "/cancel", null, new byte[0])).get("status").asString();
    }
}

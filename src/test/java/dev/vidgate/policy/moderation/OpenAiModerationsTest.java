package dev.vidgate.policy.moderation;

import dev.vidgate.policy.Category;
import dev.vidgate.policy.Classifier;
import dev.vidgate.testsupport.ProviderFake.Canned;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The classifier adapter against a fake of OpenAI's moderation endpoint over real HTTP on 127.0.0.1. */
class OpenAiModerationsTest {
    private static final String KEY = "sk-guard-0123456789abcdef";
    static final FakeModerations fake = new FakeModerations(KEY).flag("lantern", "violence/graphic").flag("harbour", "hate");
    private static final ModerationSettings SETTINGS = new ModerationSettings(URI.create(fake.origin() + "/v1"), KEY,
            "omni-moderation-latest", Duration.ofSeconds(15));
    private final OpenAiModerations classifier = new OpenAiModerations(SETTINGS);

    @AfterEach
    void clearFaults() {
        fake.release();
        fake.failAlways(FakeModerations.ROUTE, null);
    }

    @AfterAll
    static void close() {
        fake.close();
    }

    @Test
    void aFlaggedViolentPromptIsMinorsAndTheRequestCarriesTheModelTheInputAndTheKey() {
        assertThat(classifier.flagged("a paper lantern burning")).containsExactly(Category.MINORS);

        var seen = fake.seen(FakeModerations.ROUTE).getLast();
        assertThat(seen.json().get("model").asString()).isEqualTo("omni-moderation-latest");
        assertThat(seen.json().get("input").asString()).isEqualTo("a paper lantern burning");
        assertThat(seen.headers().get("Authorization")).containsExactly("Bearer " + KEY);
    }

    @Test
    void aCategoryBeyondTheSeedsIsUnsafeAndACleanPromptIsNothing() {
        assertThat(classifier.flagged("a quiet harbour")).containsExactly(Category.UNSAFE);
        assertThat(classifier.flagged("a golden retriever on a beach")).isEmpty();
    }

    @Test
    void aClassifierThatDoesNotAnswerWithinTheTimeoutIsUnavailable() {
        var impatient = new OpenAiModerations(new ModerationSettings(SETTINGS.baseUrl(), KEY, SETTINGS.model(), Duration.ofSeconds(1)));
        fake.stall();
        long started = System.nanoTime();
        assertThatThrownBy(() -> impatient.flagged("a golden retriever")).isInstanceOf(Classifier.ClassifierUnavailable.class)
                .hasMessageContaining("no answer within");
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(10));
    }

    @Test
    void aServerErrorAWrongKeyAndAnAnswerWithoutAVerdictAreUnavailable() {
        fake.failAlways(FakeModerations.ROUTE, Canned.json(500, "{\"error\":{\"message\":\"boom\",\"type\":\"server_error\"}}"));
        assertThatThrownBy(() -> classifier.flagged("a cat")).isInstanceOf(Classifier.ClassifierUnavailable.class).hasMessageContaining("500");

        fake.failAlways(FakeModerations.ROUTE, Canned.json(200, "{\"results\":[]}"));
        assertThatThrownBy(() -> classifier.flagged("a cat")).isInstanceOf(Classifier.ClassifierUnavailable.class)
                .hasMessageContaining("flagged");

        fake.failAlways(FakeModerations.ROUTE, null);
        var wrongKey = new OpenAiModerations(new ModerationSettings(SETTINGS.baseUrl(), "sk-wrong", SETTINGS.model(), SETTINGS.timeout()));
        assertThatThrownBy(() -> wrongKey.flagged("a cat")).isInstanceOf(Classifier.ClassifierUnavailable.class).hasMessageContaining("401");
    }
}

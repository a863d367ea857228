package dev.vidgate.policy;

import dev.vidgate.common.ApiException;
import dev.vidgate.policy.jdbc.JdbcPolicyStore;
import dev.vidgate.testsupport.TestClock;
import dev.vidgate.testsupport.TestDatabases;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The policy's decisions on a real store: the level (tenant over model over default), the one answer, the audit and the
 * count. The face check stands in for the detector another change brings: it sees a face in images starting with 'F'.
 */
class ContentPolicyTest {
    private final TestClock clock = new TestClock();
    private final List<String> counted = new ArrayList<>();
    private PolicyStore store;
    private ContentPolicy policy;

    @BeforeEach
    void setUp() {
        var jdbc = new JdbcTemplate(TestDatabases.freshH2());
        jdbc.update("INSERT INTO tenants (id, name, created_at) VALUES ('ten_a', 'acme', 0)");
        store = new JdbcPolicyStore(jdbc, clock);
        FaceCheck faces = image -> image.length > 0 && image[0] == 'F';
        policy = new ContentPolicy(PromptRules.builtIn(), new ModelLevels(Map.of("veo-3", Level.OFF, "kling-*", Level.STRICT), Level.STANDARD),
                store, Optional.empty(), false, faces, (c, s) -> counted.add(c.wireName() + "/" + s.wireName()), clock);
    }

    @Test
    void aBlockedPromptIsOpenAisModerationErrorNamingTheCategoryButNotTheTermAndIsAuditedAndCounted() {
        String prompt = "Pikachu running through a field of flowers";
        assertThatThrownBy(() -> policy.screen(ContentCheck.Subject.prompt("ten_a", "key_1", "sora-2", prompt)))
                .isInstanceOfSatisfying(ApiException.class, e -> {
                    assertThat(e.status()).isEqualTo(400);
                    assertThat(e.type()).isEqualTo("invalid_request_error");
                    assertThat(e.code()).isEqualTo("moderation_blocked");
                    assertThat(e.param()).isEqualTo("prompt");
                    assertThat(e.getMessage()).isEqualTo("Your request was blocked by our moderation system. "
                            + "The prompt asks for a copyrighted character or franchise.");
                    assertThat(e.getMessage().toLowerCase()).doesNotContain("pikachu");
                });

        Block row = store.blocks(null, null, 10, false).getFirst();
        assertThat(row).extracting(Block::tenantId, Block::keyId, Block::model, Block::category, Block::source, Block::excerpt)
                .containsExactly("ten_a", "key_1", "sora-2", Category.COPYRIGHTED_CHARACTERS, Source.RULES, prompt);
        assertThat(row.at()).isBeforeOrEqualTo(clock.instant()).isAfter(clock.instant().minus(Duration.ofMinutes(1)));
        assertThat(counted).containsExactly("copyrighted_characters/rules");
    }

    @Test
    void theLevelIsTheTenantsOverrideElseTheModelsElseTheDefaultAndSoraIsStrict() {
        var characters = "Mickey Mouse waving";
        assertThat(policy.levelFor("ten_a", "sora-2-pro")).isEqualTo(Level.STRICT);
        assertThat(policy.levelFor("ten_a", "kling-v2-6")).isEqualTo(Level.STRICT);
        assertThat(policy.levelFor("ten_a", "veo-3")).isEqualTo(Level.OFF);
        assertThat(policy.levelFor("ten_a", "wan2.5")).isEqualTo(Level.STANDARD);
        policy.screen(ContentCheck.Subject.prompt("ten_a", "key_1", "wan2.5", characters));

        store.setTenantLevel("ten_a", Level.OFF);
        policy.screen(ContentCheck.Subject.prompt("ten_a", "key_1", "sora-2", characters));
        assertThat(store.blocks(null, null, 10, false)).isEmpty();
        assertThat(counted).isEmpty();
    }

    @Test
    void aFaceInAnInputImageIsBlockedAtStrictNamingTheImagesField() {
        var subject = new ContentCheck.Subject("ten_a", "key_1", "sora-2", "a quiet harbour at dusk",
                List.of(new ContentCheck.Image("input_reference", "landscape".getBytes()), new ContentCheck.Image("last_frame", "Face".getBytes())));
        assertThatThrownBy(() -> policy.screen(subject)).isInstanceOfSatisfying(ApiException.class, e -> {
            assertThat(e.param()).isEqualTo("last_frame");
            assertThat(e.getMessage()).endsWith("The input image contains a human face.");
        });
        assertThat(counted).containsExactly("faces/faces");

        policy.screen(new ContentCheck.Subject("ten_a", "key_1", "wan2.5", "a quiet harbour", subject.images()));
    }
}

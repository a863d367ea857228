package dev.vidgate.policy;

import dev.vidgate.common.ApiException;
import dev.vidgate.policy.jdbc.JdbcPolicyStore;
import dev.vidgate.testsupport.TestClock;
import dev.vidgate.testsupport.TestDatabases;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

import java.awt.image.BufferedImage;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The policy's decisions on a real store: the level (tenant over model over default), the one answer, the audit and the
 * count. The face check stands in for the detector (tested on its own): it sees a face in pictures 2 pixels wide.
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
        FaceCheck faces = picture -> picture.getWidth() == 2; // a 2-pixel-wide picture "shows a face"
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
    void aFaceInAnInputImageIsBlockedAtStrictNamingTheImagesFieldAuditedAndCountedButNotLookedForAtStandard() {
        var face = new BufferedImage(2, 1, BufferedImage.TYPE_INT_RGB);
        var landscape = new BufferedImage(3, 1, BufferedImage.TYPE_INT_RGB);
        var strict = ContentCheck.Subject.prompt("ten_a", "key_1", "sora-2", "a quiet harbour at dusk");
        ContentCheck.Images images = policy.screen(strict);
        assertThat(images.active()).isTrue();
        images.check("input_reference", landscape);
        assertThatThrownBy(() -> images.check("last_frame", face)).isInstanceOfSatisfying(ApiException.class, e -> {
            assertThat(e.param()).isEqualTo("last_frame");
            assertThat(e.code()).isEqualTo("moderation_blocked");
            assertThat(e.getMessage()).endsWith("The input image contains a human face.");
        });
        assertThat(counted).containsExactly("faces/faces");
        assertThat(store.blocks(null, null, 10, false)).singleElement()
                .extracting(Block::category, Block::source, Block::model).containsExactly(Category.FACES, Source.FACES, "sora-2");

        var standard = ContentCheck.Subject.prompt("ten_a", "key_1", "wan2.5", "a quiet harbour");
        assertThat(policy.screen(standard).active()).isFalse();
        policy.images(standard).check("input_reference", face);
        store.setTenantLevel("ten_a", Level.STANDARD);
        assertThat(policy.images(strict).active()).as("the tenant's level wins over the model's").isFalse();
        policy.images(strict).check("input_reference", face);
        assertThat(counted).hasSize(1);
    }
}

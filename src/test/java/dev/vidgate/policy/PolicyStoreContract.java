package dev.vidgate.policy;

import dev.vidgate.testsupport.TestClock;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

import javax.sql.DataSource;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The {@link PolicyStore} contract; every adapter's test extends this (H2 and PostgreSQL run the same). */
public abstract class PolicyStoreContract {
    protected final TestClock clock = new TestClock();
    protected PolicyStore store;

    protected abstract DataSource freshDatabase();

    protected abstract PolicyStore storeOn(JdbcTemplate jdbc, TestClock clock);

    @BeforeEach
    void setUp() {
        var jdbc = new JdbcTemplate(freshDatabase());
        jdbc.update("INSERT INTO tenants (id, name, created_at) VALUES ('ten_a', 'acme', 0), ('ten_b', 'bravo', 0)");
        store = storeOn(jdbc, clock);
    }

    @Test
    void aTenantHasNoLevelUntilOneIsSetAndNoneAgainOnceItIsCleared() {
        assertThat(store.tenantLevel("ten_a")).isEmpty();
        store.setTenantLevel("ten_a", Level.OFF);
        store.setTenantLevel("ten_a", Level.STANDARD);
        assertThat(store.tenantLevel("ten_a")).contains(Level.STANDARD);
        assertThat(store.tenantLevel("ten_b")).isEmpty();
        store.setTenantLevel("ten_a", null);
        assertThat(store.tenantLevel("ten_a")).isEmpty();
    }

    @Test
    void blocksAreKeptWithAHashAndAnExcerptAndPagedNewestFirstOrOldestFirstForAllTenantsOrOne() {
        String prompt = "Mickey Mouse waving from a steamboat, ".repeat(5);
        Block first = store.record(Block.of("ten_a", "key_1", "sora-2", Category.COPYRIGHTED_CHARACTERS, Source.RULES,
                Instant.parse("2026-12-01T10:00:00Z"), prompt, null));
        Block second = store.record(Block.of("ten_b", "key_2", "sora-2", Category.UNSPECIFIED, Source.PROVIDER,
                Instant.parse("2026-12-01T10:05:00Z"), "a lantern", "video_1"));
        Block third = store.record(Block.of("ten_a", "key_1", "veo-3", Category.MINORS, Source.CLASSIFIER,
                Instant.parse("2026-12-01T10:06:00Z"), "另一个", null));

        assertThat(first.id()).startsWith("blk_").isNotEqualTo(second.id());
        List<Block> newest = store.blocks(null, null, 2, false);
        assertThat(newest).extracting(Block::id).containsExactly(third.id(), second.id());
        assertThat(store.blocks(null, second.id(), 10, false)).extracting(Block::id).containsExactly(first.id());
        assertThat(store.blocks(null, first.id(), 10, true)).extracting(Block::id).containsExactly(second.id(), third.id());

        Block read = store.blocks(null, null, 10, true).getFirst();
        assertThat(read).isEqualTo(first);
        assertThat(read.excerpt()).hasSize(80).endsWith("...").startsWith("Mickey Mouse waving");
        assertThat(read.promptSha256()).hasSize(64).isEqualTo(Block.sha256(prompt));
        assertThat(store.blocks(null, null, 10, false).get(1).videoId()).isEqualTo("video_1");
        assertThat(store.blocks("ten_a", null, 10, false)).extracting(Block::id).containsExactly(third.id(), first.id());
        assertThat(store.blocks("ten_a", third.id(), 10, false)).extracting(Block::id).containsExactly(first.id());
        assertThat(store.blocks("ten_b", null, 10, true)).extracting(Block::id).containsExactly(second.id());
        assertThat(store.blocks(null, null, 10, false).getFirst().excerpt()).isEqualTo("另一个");
    }
}

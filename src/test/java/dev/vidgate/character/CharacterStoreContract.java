package dev.vidgate.character;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

/** What every {@link CharacterStore} does, run by each adapter on its database. */
public abstract class CharacterStoreContract {
    private static final Instant T0 = Instant.parse("2026-11-01T10:00:00Z");
    private static final Instant LATER = T0.plusSeconds(24 * 3600);

    private CharacterStore store;

    protected abstract DataSource freshDatabase();

    protected abstract CharacterStore storeOn(DataSource database);

    @BeforeEach
    void setUp() {
        store = storeOn(freshDatabase());
    }

    @Test
    void aCharacterIsFoundByItsTenantOnly() {
        var wren = new Character("char_1", "ten_a", "Captain Wren", T0, LATER);
        store.insert(wren);
        assertThat(store.find("ten_a", "char_1")).contains(wren);
        assertThat(store.find("ten_b", "char_1")).isEmpty();
        assertThat(store.find("ten_a", "char_2")).isEmpty();
    }

    @Test
    void liveCharactersAreATenantsUnexpiredOnesOldestFirstAndExpiredOnesAreListedForDeletion() {
        var old = new Character("char_old", "ten_a", "Old", T0.minusSeconds(10), T0.plusSeconds(5));
        var young = new Character("char_young", "ten_a", "Young", T0, LATER);
        var other = new Character("char_other", "ten_b", "Other", T0, LATER);
        store.insert(young);
        store.insert(old);
        store.insert(other);

        assertThat(store.live("ten_a", T0)).containsExactly(old, young);
        assertThat(store.live("ten_a", T0.plusSeconds(5))).containsExactly(young);
        assertThat(store.expired(T0.plusSeconds(5), 10)).containsExactly(old);
        store.delete("char_old");
        assertThat(store.expired(LATER, 10)).containsExactlyInAnyOrder(young, other);
        assertThat(store.find("ten_a", "char_old")).isEmpty();
    }
}

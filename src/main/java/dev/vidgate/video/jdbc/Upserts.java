package dev.vidgate.video.jdbc;

import org.springframework.jdbc.core.JdbcTemplate;

/** An update of a row that may not exist yet, on H2 and PostgreSQL alike, safe against a concurrent first insert. */
final class Upserts {
    private Upserts() {
    }

    /**
     * Runs {@code update}; when it changed no row, inserts with {@code insert} ({@code ... ON CONFLICT DO NOTHING}); when a
     * concurrent transaction inserted the row first, updates that one.
     */
    static void updateOrInsert(JdbcTemplate jdbc, String update, Object[] updateArgs, String insert, Object[] insertArgs) {
        while (jdbc.update(update, updateArgs) == 0) {
            if (jdbc.update(insert, insertArgs) == 1) return;
        }
    }
}

package dev.vidgate.health.jdbc;

import org.springframework.jdbc.core.JdbcTemplate;

import java.time.InstantSource;

/**
 * The database's storage probe: rewrites this node's row of {@code node_probes}. On H2 with {@code WRITE_DELAY=0}
 * the commit reaches the file before it returns, so the probe fails exactly when the disk takes no more writes.
 */
public final class JdbcWriteProbe implements Runnable {
    private final JdbcTemplate jdbc;
    private final String nodeId;
    private final InstantSource clock;

    public JdbcWriteProbe(JdbcTemplate jdbc, String nodeId, InstantSource clock) {
        this.jdbc = jdbc;
        this.nodeId = nodeId;
        this.clock = clock;
    }

    @Override
    public void run() {
        long now = clock.millis();
        if (jdbc.update("UPDATE node_probes SET probed_at = ? WHERE node_id = ?", now, nodeId) == 0) {
            jdbc.update("INSERT INTO node_probes (node_id, probed_at) VALUES (?, ?)", nodeId, now);
        }
    }
}

package dev.vidgate.app;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;

/**
 * This node's stable id, which its job leases carry. Kept in the data dir so that a restarted node
 * recognises its own leases and resumes their jobs at once.
 */
record NodeIdentity(String id) {
    static NodeIdentity resolve(String configured, Path dataDir) {
        if (configured != null && !configured.isBlank()) return new NodeIdentity(configured.trim());
        Path file = dataDir.resolve("node-id");
        try {
            if (Files.exists(file)) {
                String id = Files.readString(file, StandardCharsets.UTF_8).trim();
                if (!id.isEmpty()) return new NodeIdentity(id);
            }
            Files.createDirectories(dataDir);
            String id = "node-" + UUID.randomUUID();
            Files.writeString(file, id, StandardCharsets.UTF_8);
            return new NodeIdentity(id);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read or write the node id at " + file + " (vidgate.data-dir)", e);
        }
    }
}

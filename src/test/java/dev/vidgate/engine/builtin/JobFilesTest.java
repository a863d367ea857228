package dev.vidgate.engine.builtin;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class JobFilesTest {
    @Test
    void usesSafeJobIdsAsTheyAre() {
        assertEquals("video_68d7512d07848190b3e45da0ecbebcde", JobFiles.directoryName("video_68d7512d07848190b3e45da0ecbebcde"));
    }

    @Test
    void encodesIdsThatCouldLeaveTheWorkDirectory() {
        for (String id : new String[] {"..", ".", "../x", "a/b", "a\\b", ".hidden", "", "x".repeat(300), "vidéo"}) {
            String name = JobFiles.directoryName(id);
            assertFalse(name.contains("/") || name.contains("\\") || name.startsWith("."), id + " -> " + name);
            assertTrue(!name.isEmpty() && name.length() < 140, id + " -> " + name);
            Path dir = JobFiles.of(Path.of("/work"), id).dir();
            assertEquals(Path.of("/work"), dir.getParent(), id + " -> " + dir);
        }
        assertNotEquals(JobFiles.directoryName("a/b"), JobFiles.directoryName("a\\b"));
    }
}

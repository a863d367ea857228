package dev.vidgate.common;

import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Instant;

/** File-system helpers shared by the adapters that keep files (content store, render scratch). */
public final class FileTrees {
    private FileTrees() {}

    /**
     * When {@code path} or anything below it was last modified (without following symbolic links); entries
     * that vanish meanwhile are skipped. A missing {@code path} throws {@link NoSuchFileException}.
     */
    public static Instant lastModified(Path path) throws IOException {
        Instant[] newest = {Instant.MIN};
        Files.walkFileTree(path, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path d, BasicFileAttributes attrs) {
                return visitFile(d, attrs);
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                Instant modified = attrs.lastModifiedTime().toInstant();
                if (modified.isAfter(newest[0])) newest[0] = modified;
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFileFailed(Path file, IOException e) throws IOException {
                if (e instanceof NoSuchFileException && !file.equals(path)) return FileVisitResult.CONTINUE;
                throw e;
            }
        });
        return newest[0];
    }

    /**
     * Deletes {@code dir} and everything below it, without following symbolic links. Entries that
     * vanish meanwhile are fine; a missing {@code dir} throws {@link NoSuchFileException}.
     */
    public static void deleteTree(Path dir) throws IOException {
        Files.walkFileTree(dir, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                Files.deleteIfExists(file);
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFileFailed(Path file, IOException e) throws IOException {
                if (e instanceof NoSuchFileException) return FileVisitResult.CONTINUE;
                throw e;
            }

            @Override
            public FileVisitResult postVisitDirectory(Path d, IOException e) throws IOException {
                if (e != null && !(e instanceof NoSuchFileException)) throw e;
                Files.deleteIfExists(d);
                return FileVisitResult.CONTINUE;
            }
        });
    }
}

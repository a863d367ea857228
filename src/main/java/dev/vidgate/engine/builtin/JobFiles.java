package dev.vidgate.engine.builtin;

import dev.vidgate.video.Variant;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.HexFormat;
import java.util.regex.Pattern;
import java.util.zip.CRC32;

/**
 * The files of one job: {@code workDir/<jobId>/<variant file>}. Every rendition is written to a
 * {@code .part} name first and renamed into place when complete, so a final name never holds a
 * half-written file.
 */
final class JobFiles {
    private static final Pattern SAFE = Pattern.compile("[A-Za-z0-9_-][A-Za-z0-9._-]{0,127}");
    private static final String PART_SUFFIX = ".part";

    private final Path dir;

    private JobFiles(Path dir) {
        this.dir = dir;
    }

    /** The files of {@code jobId} below {@code workDir}; ids that are not safe file names are encoded. */
    static JobFiles of(Path workDir, String jobId) {
        return new JobFiles(workDir.resolve(directoryName(jobId)));
    }

    static String directoryName(String jobId) {
        if (SAFE.matcher(jobId).matches()) return jobId;
        String cleaned = jobId.replaceAll("[^A-Za-z0-9_-]", "_");
        if (cleaned.length() > 80) cleaned = cleaned.substring(0, 80);
        CRC32 crc = new CRC32();
        crc.update(jobId.getBytes(StandardCharsets.UTF_8));
        // the checksum keeps distinct ids that clean to the same text apart
        return cleaned + "-" + HexFormat.of().toHexDigits((int) crc.getValue());
    }

    Path dir() { return dir; }

    /** The final path of a rendition. */
    Path file(Variant variant) { return dir.resolve(variant.fileName()); }

    /** The temporary path a rendition is written to before {@link #commit}. */
    Path partFile(Variant variant) { return dir.resolve(variant.fileName() + PART_SUFFIX); }

    void createDir() throws IOException {
        Files.createDirectories(dir);
    }

    /** Renames the finished temporary file of {@code variant} to its final name. */
    void commit(Variant variant) throws IOException {
        Path from = partFile(variant);
        Path to = file(variant);
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    /** Deletes the job's folder and everything in it; a missing folder is fine. */
    void deleteAll() {
        if (!Files.exists(dir)) return;
        try {
            dev.vidgate.common.FileTrees.deleteTree(dir);
        } catch (NoSuchFileException ignored) {
            // already gone
        } catch (IOException e) {
            throw new UncheckedIOException("could not delete " + dir, e);
        }
    }
}

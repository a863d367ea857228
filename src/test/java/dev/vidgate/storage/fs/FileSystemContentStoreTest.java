package dev.vidgate.storage.fs;

import static dev.vidgate.storage.ContentStreams.failingAfter;
import static dev.vidgate.storage.ContentStreams.pattern;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vidgate.storage.ContentStore;
import dev.vidgate.storage.ContentStoreContract;
import dev.vidgate.storage.StorageException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileSystemContentStoreTest extends ContentStoreContract {
    @TempDir
    Path root;

    @Override
    protected ContentStore newStore() {
        return new FileSystemContentStore(root.resolve("content"));
    }

    private Path contentRoot() {
        return root.resolve("content");
    }

    @Test
    void theRootIsCreatedWhenMissing() {
        assertThat(contentRoot()).isDirectory();
    }

    @Test
    void anObjectIsAFileAtItsKeyUnderTheRoot() throws IOException {
        put("videos/v1/video.mp4", "hello".getBytes());
        assertThat(Files.readString(contentRoot().resolve("videos/v1/video.mp4"))).isEqualTo("hello");
    }

    @Test
    void successfulPutsLeaveNoTemporaryFiles() throws IOException {
        put("videos/v1/video.mp4", pattern(1000));
        put("videos/v1/video.mp4", pattern(2000));
        assertThat(temporaryFiles()).isEmpty();
    }

    @Test
    void aFailedPutLeavesNoTemporaryFile() throws IOException {
        put("videos/v1/video.mp4", pattern(1000));
        assertThatThrownBy(() -> store.put("videos/v1/video.mp4", failingAfter(50_000))).isInstanceOf(StorageException.class);
        assertThatThrownBy(() -> store.put("videos/v2/video.mp4", failingAfter(0))).isInstanceOf(StorageException.class);
        assertThat(temporaryFiles()).isEmpty();
        assertThat(store.size("videos/v1/video.mp4")).contains(1000L);
    }

    @Test
    void aReaderThatOpenedTheOldObjectKeepsReadingItWholeAfterAReplace() throws IOException {
        byte[] old = pattern(100_000);
        put("k", old);
        try (InputStream in = store.open("k", 0, Long.MAX_VALUE)) {
            byte[] head = in.readNBytes(10);
            put("k", "new".getBytes());
            store.delete("k");
            byte[] rest = in.readAllBytes();
            assertThat(head.length + rest.length).isEqualTo(old.length);
            assertThat(rest[rest.length - 1]).isEqualTo(old[old.length - 1]);
        }
    }

    @Test
    void negativeOffsetsAndLengthsAreRejected() {
        put("k", pattern(10));
        assertThatThrownBy(() -> store.open("k", -1, 5)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> store.open("k", 0, -5)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void openingAMissingKeyNamesTheKey() {
        assertThatThrownBy(() -> store.open("videos/v9/video.mp4", 0, 1))
                .isInstanceOf(StorageException.class)
                .hasMessage("no object videos/v9/video.mp4");
        put("videos/v9/thumbnail.webp", pattern(1));
        assertThatThrownBy(() -> store.open("videos/v9", 0, 1)).hasMessage("no object videos/v9");
    }

    @Test
    void aKeyBlockedByAnObjectWhereAFolderIsNeededFailsAsStorageException() {
        put("a", pattern(1));
        assertThatThrownBy(() -> store.put("a/b", new ByteArrayInputStream(new byte[1]))).isInstanceOf(StorageException.class);
        assertThat(store.size("a")).contains(1L);
    }

    @Test
    void deleteAllRemovesTheFolderTree() {
        put("videos/v1/a/b/c", pattern(1));
        store.deleteAll("videos/v1");
        assertThat(contentRoot().resolve("videos/v1")).doesNotExist();
        assertThat(contentRoot().resolve("videos")).isDirectory();
    }

    @Test
    void deleteAllDoesNotFollowSymbolicLinksOutOfTheStore() throws IOException {
        Path outside = Files.createDirectories(root.resolve("outside"));
        Files.writeString(outside.resolve("precious"), "keep me");
        Files.createDirectories(contentRoot().resolve("videos/v1"));
        Files.createSymbolicLink(contentRoot().resolve("videos/v1/link"), outside);
        store.deleteAll("videos/v1");
        assertThat(outside.resolve("precious")).hasContent("keep me");
    }

    @Test
    void presignedUrlsAreNeverOfferedFilesGoThroughTheApi() {
        put("videos/v1/video.mp4", pattern(10));
        assertThat(store.presignedUrl("videos/v1/video.mp4", Duration.ofMinutes(5), "video/mp4", "inline")).isEmpty();
    }

    @Test
    void twoStoresOnTheSameRootSeeTheSameObjects() {
        put("shared/k", pattern(5));
        assertThat(new FileSystemContentStore(contentRoot()).size("shared/k")).contains(5L);
    }

    private List<Path> temporaryFiles() throws IOException {
        try (Stream<Path> files = Files.walk(contentRoot())) {
            return files.filter(p -> p.getFileName().toString().startsWith(FileSystemContentStore.TEMP_PREFIX)).toList();
        }
    }
}

package dev.vidgate.storage.fs;

import dev.vidgate.storage.ContentStore;
import dev.vidgate.storage.StorageException;
import dev.vidgate.storage.StorageKeys;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * A {@link ContentStore} on a local (or mounted) file system: the key {@code a/b/c} is the file
 * {@code <root>/a/b/c}.
 *
 * <p>{@link #put} streams into {@code .tmp-<uuid>} in the target's directory, forces it to disk, then renames it
 * over the target with {@code ATOMIC_MOVE}: readers see the old file or the new one, never a partial one, and a
 * reader that already opened the old file keeps reading it whole. A failed put deletes its temporary file; one
 * cut short by a crash is left for {@link #deleteStrayUploads}.
 * {@link #open} of a missing key throws {@link StorageException} ({@code no object <key>}).
 */
public final class FileSystemContentStore implements ContentStore {
    static final String TEMP_PREFIX = ".tmp-";
    private static final int BUFFER = 64 * 1024;
    private static final int ATTEMPTS = 3;

    private final Path root;

    public FileSystemContentStore(Path root) {
        Objects.requireNonNull(root, "root");
        this.root = root.toAbsolutePath().normalize();
        try {
            Files.createDirectories(this.root);
        } catch (IOException e) {
            throw new StorageException("cannot create content root " + this.root, e);
        }
    }

    public Path root() { return root; }

    @Override
    public long put(String key, InputStream in) {
        Objects.requireNonNull(in, "in");
        Path target = resolve(key);
        Path dir = target.getParent();
        Path temp = dir.resolve(TEMP_PREFIX + UUID.randomUUID());
        boolean moved = false;
        try {
            FileChannel channel = createTemp(dir, temp);
            long written;
            try (channel) {
                written = copy(in, channel);
                channel.force(true);
            }
            Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            moved = true;
            return written;
        } catch (AtomicMoveNotSupportedException e) {
            throw new StorageException("file system under " + root + " does not support atomic rename", e);
        } catch (IOException e) {
            throw new StorageException("could not store " + key, e);
        } finally {
            if (!moved) deleteQuietly(temp);
        }
    }

    /** Creates the directories and the temporary file, retrying if a concurrent deleteAll removed the directory. */
    private static FileChannel createTemp(Path dir, Path temp) throws IOException {
        for (int attempt = 1; ; attempt++) {
            try {
                Files.createDirectories(dir);
                return FileChannel.open(temp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
            } catch (NoSuchFileException e) {
                if (attempt >= ATTEMPTS) throw e;
            }
        }
    }

    private static long copy(InputStream in, FileChannel channel) throws IOException {
        OutputStream out = Channels.newOutputStream(channel);
        byte[] buffer = new byte[BUFFER];
        long total = 0;
        for (int n; (n = in.read(buffer)) >= 0; ) {
            out.write(buffer, 0, n);
            total += n;
        }
        return total;
    }

    @Override
    public Optional<Long> size(String key) {
        Path file = resolve(key);
        try {
            BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
            return attributes.isRegularFile() ? Optional.of(attributes.size()) : Optional.empty();
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException e) {
            throw new StorageException("could not stat " + key, e);
        }
    }

    @Override
    public InputStream open(String key, long offset, long length) {
        if (offset < 0) throw new IllegalArgumentException("offset must not be negative: " + offset);
        if (length < 0) throw new IllegalArgumentException("length must not be negative: " + length);
        Path file = resolve(key);
        if (Files.isDirectory(file, LinkOption.NOFOLLOW_LINKS)) throw new StorageException("no object " + key);
        FileChannel channel;
        try {
            channel = FileChannel.open(file, StandardOpenOption.READ, LinkOption.NOFOLLOW_LINKS);
        } catch (NoSuchFileException e) {
            throw new StorageException("no object " + key);
        } catch (IOException e) {
            throw new StorageException("could not open " + key, e);
        }
        try {
            long size = channel.size();
            long start = Math.min(offset, size);
            long count = Math.min(length, size - start);
            return new RangeInputStream(channel, start, count);
        } catch (IOException e) {
            closeQuietly(channel);
            throw new StorageException("could not open " + key, e);
        }
    }

    @Override
    public void delete(String key) {
        Path file = resolve(key);
        try {
            if (Files.isDirectory(file, LinkOption.NOFOLLOW_LINKS)) return; // a prefix, not an object
            Files.deleteIfExists(file);
        } catch (DirectoryNotEmptyException e) {
            // became a directory concurrently: there is no object under this key
        } catch (IOException e) {
            throw new StorageException("could not delete " + key, e);
        }
    }

    @Override
    public void deleteAll(String prefix) {
        Path dir = resolve(prefix);
        for (int attempt = 1; ; attempt++) {
            try {
                if (!Files.isDirectory(dir, LinkOption.NOFOLLOW_LINKS)) return;
                deleteTree(dir);
                return;
            } catch (NoSuchFileException e) {
                return;
            } catch (DirectoryNotEmptyException e) {
                // a concurrent put added a file under the prefix: go round again
                if (attempt >= ATTEMPTS) throw new StorageException("could not delete everything under " + prefix, e);
            } catch (IOException e) {
                throw new StorageException("could not delete everything under " + prefix, e);
            }
        }
    }

    /** The object's file, when it is a regular file (not a prefix, not a link). */
    @Override
    public Optional<Path> localFile(String key) {
        Path file = resolve(key);
        return Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS) ? Optional.of(file) : Optional.empty();
    }

    /** Always empty: files are served through the API, never handed out by URL. */
    @Override
    public Optional<URI> presignedUrl(String key, Duration ttl, String contentType, String contentDisposition) {
        StorageKeys.validate(key);
        return Optional.empty();
    }

    /** Deletes the {@code .tmp-} files that puts cut short by a crash left, once last modified before {@code olderThan}. */
    @Override
    public int deleteStrayUploads(Instant olderThan) {
        int[] deleted = {0};
        try {
            Files.walkFileTree(root, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) throws IOException {
                    if (attributes.isRegularFile() && file.getFileName().toString().startsWith(TEMP_PREFIX)
                            && attributes.lastModifiedTime().toInstant().isBefore(olderThan) && Files.deleteIfExists(file)) {
                        deleted[0]++;
                    }
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFileFailed(Path file, IOException e) throws IOException {
                    if (e instanceof NoSuchFileException) return FileVisitResult.CONTINUE; // deleted meanwhile
                    throw e;
                }
            });
        } catch (IOException e) {
            throw new StorageException("could not sweep temporary files under " + root, e);
        }
        return deleted[0];
    }

    private static void deleteTree(Path dir) throws IOException {
        dev.vidgate.common.FileTrees.deleteTree(dir);
    }

    /** Maps a key (checked by {@link StorageKeys#validate}) to its path. */
    Path resolve(String key) {
        StorageKeys.validate(key);
        Path path = root.resolve(key).normalize();
        if (!path.startsWith(root) || path.equals(root)) throw new IllegalArgumentException("key escapes the store: " + key);
        return path;
    }

    private static void deleteQuietly(Path path) {
        try {
            Files.deleteIfExists(path);
        } catch (IOException ignored) {
            // best effort; a leftover .tmp- file is never visible as an object
        }
    }

    private static void closeQuietly(FileChannel channel) {
        try {
            channel.close();
        } catch (IOException ignored) {
            // nothing to do
        }
    }

    /** Exactly {@code count} bytes of a channel from {@code start}, using positional reads. */
    private static final class RangeInputStream extends InputStream {
        private final FileChannel channel;
        private long position;
        private long remaining;
        private boolean closed;

        RangeInputStream(FileChannel channel, long start, long count) {
            this.channel = channel;
            this.position = start;
            this.remaining = count;
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            int n = read(one, 0, 1);
            return n < 0 ? -1 : one[0] & 0xFF;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            Objects.checkFromIndexSize(off, len, b.length);
            ensureOpen();
            if (len == 0) return 0;
            if (remaining <= 0) return -1;
            ByteBuffer buffer = ByteBuffer.wrap(b, off, (int) Math.min(len, remaining));
            int n = channel.read(buffer, position);
            if (n < 0) {
                remaining = 0; // the file shrank under us (only possible if modified outside the store)
                return -1;
            }
            position += n;
            remaining -= n;
            return n;
        }

        @Override
        public long skip(long n) throws IOException {
            ensureOpen();
            long skipped = Math.max(0, Math.min(n, remaining));
            position += skipped;
            remaining -= skipped;
            return skipped;
        }

        @Override
        public int available() throws IOException {
            ensureOpen();
            return (int) Math.min(Integer.MAX_VALUE, remaining);
        }

        @Override
        public void close() throws IOException {
            closed = true;
            channel.close();
        }

        private void ensureOpen() throws IOException {
            if (closed) throw new IOException("stream closed");
        }
    }
}

package dev.vidgate.storage;

import java.io.InputStream;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Where finished videos and their renditions are kept.
 *
 * <p>Contract, shared by every adapter and checked by {@code ContentStoreContract}:
 * <ul>
 *   <li>{@link #put} streams the bytes (never holding them whole in memory) and makes the object
 *       visible only once it is complete: a reader sees either the old object, nothing, or the whole
 *       new one, never a partial file. A failed put leaves no object behind.</li>
 *   <li>{@link #open} reads a byte range; {@code length} is clamped to the object's end.</li>
 *   <li>{@link #open} of a missing object throws {@link StorageException}; a range starting at or after the end
 *       of an existing object, or of length 0, is an empty stream.</li>
 *   <li>{@link #delete} and {@link #deleteAll} of absent keys are no-ops.</li>
 *   <li>{@link #presignedUrl} is optional: a store that can hand out a time-limited URL to read an object directly
 *       (S3) does so; one that cannot (the file system) answers empty. The URL serves the object's bytes, ranges
 *       included, with the given {@code Content-Type} and {@code Content-Disposition}, without other credentials.</li>
 *   <li>Keys are relative paths made of {@code [A-Za-z0-9._-]} segments separated by {@code /};
 *       anything else is rejected with {@link IllegalArgumentException}.</li>
 * </ul>
 * I/O failures surface as {@link StorageException} ({@link StorageException#isTransient()} tells whether trying
 * again may help); a failure of the caller's own input stream during {@link #put} surfaces as that failure, or as a
 * {@link StorageException} for an {@link java.io.IOException}.
 */
public interface ContentStore {

    /** Stores everything {@code in} yields under {@code key}, replacing any previous object; returns the byte count. */
    long put(String key, InputStream in);

    /** The size of the object under {@code key}, or empty if there is none. */
    Optional<Long> size(String key);

    /** Opens {@code length} bytes of the object under {@code key} starting at {@code offset}. */
    InputStream open(String key, long offset, long length);

    /** Removes the object under {@code key}. */
    void delete(String key);

    /** Removes every object whose key starts with {@code prefix + "/"}. */
    void deleteAll(String prefix);

    /**
     * A URL that lets anyone holding it {@code GET} the object under {@code key} for {@code ttl}, answered with the
     * given headers; empty if this store cannot make one. Does not check that the object exists.
     */
    Optional<URI> presignedUrl(String key, Duration ttl, String contentType, String contentDisposition);

    /**
     * The local file that holds the object under {@code key}, for a server that can send it without copying it through
     * the JVM (sendfile); empty if the store keeps it elsewhere (S3) or there is none. The file may be replaced or
     * deleted afterwards like any object.
     */
    default Optional<Path> localFile(String key) {
        return Optional.empty();
    }

    /**
     * Deletes what puts interrupted by a crash left behind and last touched before {@code olderThan} (a put in
     * progress keeps touching its own, so it is kept); answers how many it deleted. A store whose service
     * cleans up by itself (S3: a bucket lifecycle rule aborting incomplete multipart uploads) has nothing to do.
     */
    default int deleteStrayUploads(Instant olderThan) {
        return 0;
    }
}

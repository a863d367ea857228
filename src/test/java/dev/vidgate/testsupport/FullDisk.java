package dev.vidgate.testsupport;

import org.h2.store.fs.FileBase;
import org.h2.store.fs.FilePath;
import org.h2.store.fs.FilePathWrapper;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Path;

/**
 * A disk that fills on command, for H2: a database opened as {@code jdbc:h2:fullable:<path>} (see {@link #h2Url})
 * lives on the real file system, but while {@link #fill} is in force every write, truncate and sync of its files
 * fails with {@code IOException("No space left on device")}, as on a full disk; {@link #free} ends that. One
 * switch for the whole JVM: the tests that use it run one at a time.
 */
public final class FullDisk extends FilePathWrapper {
    private static volatile boolean full;

    static {
        FilePath.register(new FullDisk());
    }

    /** H2 instantiates the wrapper per path; tests use the static methods. */
    public FullDisk() {}

    /** The product's H2 URL settings, on this file system, for a database under {@code dir}. */
    public static String h2Url(Path dir) {
        return "jdbc:h2:fullable:" + dir.toAbsolutePath().resolve("vidgate")
                + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;WRITE_DELAY=0";
    }

    /** From now on every write fails as on a full disk. */
    public static void fill() {
        full = true;
    }

    /** Writes work again. */
    public static void free() {
        full = false;
    }

    @Override
    public String getScheme() {
        return "fullable";
    }

    @Override
    public FileChannel open(String mode) throws IOException {
        return new Channel(super.open(mode));
    }

    private static void checkSpace() throws IOException {
        if (full) throw new IOException("No space left on device");
    }

    /** Reads pass through; writes fail while the disk is full. */
    private static final class Channel extends FileBase {
        private final FileChannel base;

        Channel(FileChannel base) {
            this.base = base;
        }

        @Override
        public int read(ByteBuffer dst, long position) throws IOException {
            return base.read(dst, position);
        }

        @Override
        public int read(ByteBuffer dst) throws IOException {
            return base.read(dst);
        }

        @Override
        public int write(ByteBuffer src, long position) throws IOException {
            checkSpace();
            return base.write(src, position);
        }

        @Override
        public int write(ByteBuffer src) throws IOException {
            checkSpace();
            return base.write(src);
        }

        @Override
        public long position() throws IOException {
            return base.position();
        }

        @Override
        public FileChannel position(long newPosition) throws IOException {
            base.position(newPosition);
            return this;
        }

        @Override
        public long size() throws IOException {
            return base.size();
        }

        @Override
        public FileChannel truncate(long size) throws IOException {
            checkSpace();
            base.truncate(size);
            return this;
        }

        @Override
        public void force(boolean metaData) throws IOException {
            checkSpace();
            base.force(metaData);
        }

        @Override
        public FileLock tryLock(long position, long size, boolean shared) throws IOException {
            return base.tryLock(position, size, shared);
        }

        @Override
        protected void implCloseChannel() throws IOException {
            base.close();
        }
    }
}

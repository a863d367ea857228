package dev.vidgate.testsupport;

import dev.vidgate.storage.ContentStore;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.context.ConfigurableApplicationContext;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The server's content store on a disk that is nearly full, on command: while {@link #fill} is in force a put of
 * more than a few KiB fails part way with "No space left on device" (as a real store's write would), while small
 * writes, such as the storage probe's, still fit. Reads and deletes work throughout.
 */
public final class NearlyFullContentStore implements ContentStore {
    private static final long ROOM = 4096;

    private final ContentStore disk;
    private volatile boolean full;

    /** A store on {@code disk} that is not full until {@link #fill}. */
    public static NearlyFullContentStore over(ContentStore disk) {
        return new NearlyFullContentStore(disk);
    }

    private NearlyFullContentStore(ContentStore disk) {
        this.disk = disk;
    }

    /** For {@link TestServer#start(java.nio.file.Path, TestClock, java.util.Map, Consumer)}: wraps the server's store. */
    public static Consumer<ConfigurableApplicationContext> around(NearlyFullContentStore[] made) {
        return context -> context.getBeanFactory().addBeanPostProcessor(new BeanPostProcessor() {
            @Override
            public Object postProcessAfterInitialization(Object bean, String name) {
                if (!(bean instanceof ContentStore store)) return bean;
                made[0] = new NearlyFullContentStore(store);
                return made[0];
            }
        });
    }

    public void fill() {
        full = true;
    }

    public void free() {
        full = false;
    }

    @Override
    public long put(String key, InputStream in) {
        if (!full) return disk.put(key, in);
        return disk.put(key, new FilterInputStream(in) {
            private long read;

            @Override
            public int read() throws IOException {
                int b = super.read();
                if (b >= 0) count(1);
                return b;
            }

            @Override
            public int read(byte[] b, int off, int len) throws IOException {
                int n = super.read(b, off, len);
                if (n > 0) count(n);
                return n;
            }

            private void count(int n) throws IOException {
                read += n;
                if (read > ROOM) throw new IOException("No space left on device");
            }
        });
    }

    @Override
    public Optional<Long> size(String key) {
        return disk.size(key);
    }

    @Override
    public InputStream open(String key, long offset, long length) {
        return disk.open(key, offset, length);
    }

    @Override
    public void delete(String key) {
        disk.delete(key);
    }

    @Override
    public void deleteAll(String prefix) {
        disk.deleteAll(prefix);
    }

    @Override
    public Optional<URI> presignedUrl(String key, Duration ttl, String contentType, String contentDisposition) {
        return disk.presignedUrl(key, ttl, contentType, contentDisposition);
    }
}

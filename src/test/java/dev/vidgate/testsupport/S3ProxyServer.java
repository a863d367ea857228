package dev.vidgate.testsupport;

import ch.qos.logback.classic.Level;
import dev.vidgate.common.FileTrees;
import dev.vidgate.storage.s3.S3Clients;
import dev.vidgate.storage.s3.S3Settings;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.gaul.s3proxy.S3Proxy;
import org.gaul.s3proxy.auth.AuthenticationType;
import org.gaul.s3proxy.nio2blob.FilesystemNio2BlobStore;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.MultipartUpload;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * A real S3 API (s3proxy, in this JVM) on 127.0.0.1 and a random port, keeping its buckets in a temporary folder
 * and checking AWS signatures (V2 or V4) against one key pair. Several app nodes may share one server.
 */
public final class S3ProxyServer implements AutoCloseable {
    public static final String ACCESS_KEY = "vidgate-test-access-key";
    public static final String SECRET_KEY = "vidgate-test-secret-key-0123456789";
    /** The smallest part S3 accepts, so tests cross part boundaries with little data. */
    public static final int PART_SIZE = S3Settings.MIN_PART_SIZE;

    private final Path root;
    private final URI endpoint;
    private final S3Client admin;
    private S3Proxy proxy;

    private S3ProxyServer(S3Proxy proxy, Path root) {
        this.proxy = proxy;
        this.root = root;
        this.endpoint = URI.create("http://127.0.0.1:" + proxy.getPort());
        this.admin = S3Clients.create(settings("unused", ""));
    }

    public static S3ProxyServer start() {
        quietLibraryLogs();
        Path root;
        try {
            root = Files.createTempDirectory("s3proxy-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new S3ProxyServer(listen(root, 0), root);
    }

    private static S3Proxy listen(Path root, int port) {
        S3Proxy proxy = S3Proxy.builder()
                .blobStore(new FilesystemNio2BlobStore(root.toString()))
                .endpoint(URI.create("http://127.0.0.1:" + port))
                .awsAuthentication(AuthenticationType.AWS_V2_OR_V4, ACCESS_KEY, SECRET_KEY)
                .build();
        try {
            proxy.start(); // returns once Jetty is listening
        } catch (Exception e) {
            throw new IllegalStateException("cannot start s3proxy", e);
        }
        return proxy;
    }

    /** An outage: stops listening (clients get connection refused) until {@link #recover()}. Buckets are kept. */
    public synchronized void goDown() {
        try {
            proxy.stop();
        } catch (Exception e) {
            throw new IllegalStateException("cannot stop s3proxy", e);
        }
    }

    /** Ends an outage: listens again on the same address, with the same buckets and objects. */
    public synchronized void recover() {
        proxy = listen(root, endpoint.getPort());
    }

    public URI endpoint() {
        return endpoint;
    }

    /** Creates a new, empty bucket with a unique name and returns the name. */
    public String createBucket() {
        String bucket = "vidgate-" + UUID.randomUUID().toString().substring(0, 13);
        admin.createBucket(b -> b.bucket(bucket));
        return bucket;
    }

    /** Settings for a store on this server: path-style, static keys, 5 MiB parts, 10 s per attempt. */
    public S3Settings settings(String bucket, String prefix) {
        return new S3Settings(bucket, prefix, endpoint, "us-east-1", true, ACCESS_KEY, SECRET_KEY, PART_SIZE,
                Duration.ofSeconds(10));
    }

    /** The {@code vidgate.storage.*} properties that point an app ({@link TestServer}) at a bucket here. */
    public Map<String, String> appProperties(String bucket, String prefix) {
        var props = new LinkedHashMap<String, String>();
        props.put("vidgate.storage.type", "s3");
        props.put("vidgate.storage.s3.bucket", bucket);
        props.put("vidgate.storage.s3.prefix", prefix);
        props.put("vidgate.storage.s3.endpoint", endpoint.toString());
        props.put("vidgate.storage.s3.region", "us-east-1");
        props.put("vidgate.storage.s3.path-style", "true");
        props.put("vidgate.storage.s3.access-key", ACCESS_KEY);
        props.put("vidgate.storage.s3.secret-key", SECRET_KEY);
        props.put("vidgate.storage.s3.part-size", "5MB");
        return props;
    }

    /** A client with full access, for looking into buckets behind the store's back. */
    public S3Client client() {
        return admin;
    }

    /** Every object key in the bucket, sorted. */
    public List<String> keys(String bucket) {
        return admin.listObjectsV2Paginator(b -> b.bucket(bucket)).contents().stream().map(S3Object::key).sorted().toList();
    }

    /** The keys of multipart uploads started and neither completed nor aborted. */
    public List<String> pendingUploads(String bucket) {
        return admin.listMultipartUploads(b -> b.bucket(bucket)).uploads().stream().map(MultipartUpload::key).toList();
    }

    @Override
    public synchronized void close() {
        admin.close();
        try {
            proxy.stop();
            FileTrees.deleteTree(root);
        } catch (Exception e) {
            throw new IllegalStateException("cannot stop s3proxy", e);
        }
    }

    /** Without a Spring context, logback logs everything at DEBUG: keep s3proxy, Jetty and the SDK to warnings. */
    private static void quietLibraryLogs() {
        for (String name : List.of("org.gaul", "org.eclipse.jetty", "software.amazon.awssdk")) {
            if (LoggerFactory.getLogger(name) instanceof ch.qos.logback.classic.Logger logger) logger.setLevel(Level.WARN);
        }
    }
}

package dev.vidgate.engine.relay;

import dev.vidgate.common.FileTrees;
import dev.vidgate.engine.EngineOutput;
import dev.vidgate.engine.EngineStatus;
import dev.vidgate.media.Mp4Stills;
import dev.vidgate.engine.relay.UpstreamException.Kind;
import dev.vidgate.video.Adjustment;
import dev.vidgate.video.Variant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.InstantSource;
import java.util.List;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Copies a finished upstream video into this node's scratch folder: the MP4 streamed to disk (never
 * held in memory), refused when larger than the limit, shorter than announced, not an MP4 ({@code ftyp}
 * box) or not decodable; then the thumbnail and spritesheet, fetched where the flavour serves them
 * and checked to be WebP and JPEG, otherwise made locally from the MP4. Transient failures are retried
 * a few times; the job ends done or failed, never half-copied.
 */
final class Downloader {
    private static final Logger log = LoggerFactory.getLogger(Downloader.class);
    private static final int ATTEMPTS = 3;
    private static final long MAX_STILL_BYTES = 32L * 1024 * 1024;

    private final RelaySettings settings;
    private final InstantSource clock;
    private final Semaphore stillMakers = new Semaphore(Math.max(1, Runtime.getRuntime().availableProcessors() / 2));
    private final AtomicLong folders = new AtomicLong();

    Downloader(RelaySettings settings, InstantSource clock) {
        this.settings = settings;
        this.clock = clock;
    }

    /** Fetches {@code finished} for {@code job} and completes or fails the job. */
    void fetch(TrackedJob job, UpstreamVideo finished) throws InterruptedException {
        Path folder = settings.workDir().resolve(safeName(job.jobId) + "-" + folders.incrementAndGet());
        try {
            Files.createDirectories(folder);
            List<Adjustment> adjustments = fetchVideo(job, finished, folder);
            if (!job.active()) return;
            fetchStills(job, folder);
            RelayOutput output = new RelayOutput(folder, deliveredSeconds(finished.seconds(), job.requestedSeconds),
                    new EngineOutput.Usage(finished.tokens(), finished.seconds()), adjustments);
            if (job.complete(output, clock.instant())) {
                folder = null; // the job owns it now
                log.info("job {}: video copied from channel {}", job.jobId, job.channel.name());
            }
        } catch (Unfit e) {
            // Partial files go before the failure is published: whoever sees it finds nothing left over.
            folder = deleteNow(folder);
            if (job.fail(e.failure, clock.instant())) log.warn("job {}: {}", job.jobId, e.failure.message());
        } catch (IOException e) {
            folder = deleteNow(folder);
            EngineStatus.Failed failed = new EngineStatus.Failed("relay_storage_failed",
                    "The video could not be stored on the relay node.", true);
            if (job.fail(failed, clock.instant())) log.warn("job {}: writing the downloaded video failed", job.jobId, e);
        } finally {
            if (folder != null) deleteQuietly(folder);
        }
    }

    private static Path deleteNow(Path folder) {
        if (folder != null) deleteQuietly(folder);
        return null;
    }

    /** Copies the video into {@code folder}; answers what the adapter changed of it (nothing when the job stopped meanwhile). */
    private List<Adjustment> fetchVideo(TrackedJob job, UpstreamVideo finished, Path folder) throws IOException, InterruptedException, Unfit {
        Path part = folder.resolve(Variant.VIDEO.fileName() + ".part");
        UpstreamException last = null;
        List<Adjustment> adjustments = List.of();
        for (int attempt = 1; attempt <= ATTEMPTS && job.active(); attempt++) {
            try (Channel.Permit ignored = job.channel.paceDownload()) {
                adjustments = job.channel.client().fetch(finished, part, settings.maxVideoBytes(), settings.downloadTimeout()).adjustments();
                last = null;
                break;
            } catch (UpstreamException e) {
                last = e;
                if (e.kind() == Kind.UNACCEPTABLE) {
                    // an adapter that converts the output may name its own reason (an undecodable file)
                    throw new Unfit(e.upstreamCode() != null ? e.upstreamCode() : "upstream_video_too_large", e.getMessage(), false);
                }
                if (e.kind() == Kind.RATE_LIMITED) job.channel.pause(e.retryAfter() != null ? e.retryAfter() : Duration.ofSeconds(1));
                log.info("job {}: download attempt {} from channel {} failed: {}", job.jobId, attempt, job.channel.name(), e.getMessage());
                Thread.sleep(Duration.ofMillis(250L * attempt * attempt));
            }
        }
        if (last != null) {
            throw new Unfit("upstream_download_failed", "Downloading the video from the provider failed: " + last.getMessage(), true);
        }
        if (!job.active()) return List.of();
        if (!startsWithFtyp(part)) {
            throw new Unfit("upstream_video_invalid", "The provider delivered a file that is not an MP4 video.", false);
        }
        try {
            Mp4Stills.Facts facts = Mp4Stills.probe(part);
            log.debug("job {}: upstream video {}x{}, {} s", job.jobId, facts.width(), facts.height(), facts.seconds());
        } catch (IOException e) {
            log.info("job {}: the upstream MP4 does not open: {}", job.jobId, e.getMessage());
            throw new Unfit("upstream_video_invalid", "The provider delivered an MP4 file that cannot be played.", false);
        }
        Files.move(part, folder.resolve(Variant.VIDEO.fileName()), StandardCopyOption.ATOMIC_MOVE);
        return adjustments;
    }

    private void fetchStills(TrackedJob job, Path folder) throws IOException, InterruptedException, Unfit {
        Path thumbnail = folder.resolve(Variant.THUMBNAIL.fileName());
        Path spritesheet = folder.resolve(Variant.SPRITESHEET.fileName());
        boolean haveThumbnail = false;
        boolean haveSpritesheet = false;
        if (job.channel.client().servesVariants()) {
            haveThumbnail = fetchStill(job, Variant.THUMBNAIL, thumbnail);
            haveSpritesheet = fetchStill(job, Variant.SPRITESHEET, spritesheet);
        }
        if (haveThumbnail && haveSpritesheet) return;
        Path madeThumbnail = folder.resolve("made-" + Variant.THUMBNAIL.fileName());
        Path madeSpritesheet = folder.resolve("made-" + Variant.SPRITESHEET.fileName());
        stillMakers.acquire();
        try {
            Mp4Stills.writeStills(folder.resolve(Variant.VIDEO.fileName()), madeThumbnail, madeSpritesheet);
        } catch (IOException e) {
            log.info("job {}: decoding the upstream MP4 failed: {}", job.jobId, e.getMessage());
            throw new Unfit("upstream_video_invalid", "The provider's video could not be decoded.", false);
        } finally {
            stillMakers.release();
        }
        if (!haveThumbnail) Files.move(madeThumbnail, thumbnail, StandardCopyOption.REPLACE_EXISTING);
        if (!haveSpritesheet) Files.move(madeSpritesheet, spritesheet, StandardCopyOption.REPLACE_EXISTING);
        Files.deleteIfExists(madeThumbnail);
        Files.deleteIfExists(madeSpritesheet);
    }

    /** One still from the upstream, kept only if it really is the expected image type. */
    private boolean fetchStill(TrackedJob job, Variant variant, Path target) throws InterruptedException, IOException {
        try (Channel.Permit ignored = job.channel.paceDownload()) {
            job.channel.client().downloadVariant(job.upstreamId, variant, target, MAX_STILL_BYTES, settings.downloadTimeout());
        } catch (UpstreamException e) {
            log.info("job {}: channel {} has no {} ({}); making it locally", job.jobId, job.channel.name(), variant.wireName(), e.getMessage());
            Files.deleteIfExists(target);
            return false;
        }
        byte[] head = head(target, 12);
        boolean fits = variant == Variant.THUMBNAIL
                ? head.length >= 12 && head[0] == 'R' && head[1] == 'I' && head[2] == 'F' && head[3] == 'F'
                  && head[8] == 'W' && head[9] == 'E' && head[10] == 'B' && head[11] == 'P'
                : head.length >= 3 && (head[0] & 0xff) == 0xFF && (head[1] & 0xff) == 0xD8 && (head[2] & 0xff) == 0xFF;
        if (!fits) {
            log.info("job {}: channel {} sent a {} that is not a {}; making it locally", job.jobId, job.channel.name(),
                    variant.wireName(), variant.mediaType());
            Files.deleteIfExists(target);
        }
        return fits;
    }

    /** Whole seconds to bill: the upstream's reported length rounded up, never more than asked for. */
    static int deliveredSeconds(Double reported, int requested) {
        if (reported == null || reported <= 0) return requested;
        return (int) Math.max(1, Math.min(requested, Math.ceil(reported - 1e-6)));
    }

    static boolean startsWithFtyp(Path file) throws IOException {
        byte[] head = head(file, 8);
        return head.length == 8 && head[4] == 'f' && head[5] == 't' && head[6] == 'y' && head[7] == 'p';
    }

    private static byte[] head(Path file, int n) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return in.readNBytes(n);
        }
    }

    static String safeName(String jobId) {
        String name = jobId.replaceAll("[^A-Za-z0-9_-]", "_");
        return name.length() > 80 ? name.substring(0, 80) : name;
    }

    private static void deleteQuietly(Path folder) {
        try {
            FileTrees.deleteTree(folder);
        } catch (IOException e) {
            log.debug("leftover scratch folder {}", folder, e);
        }
    }

    /** A download that cannot become the job's output. */
    private static final class Unfit extends Exception {
        final EngineStatus.Failed failure;

        Unfit(String code, String message, boolean retryable) {
            super(message, null, false, false);
            this.failure = new EngineStatus.Failed(code, message, retryable);
        }
    }
}

package dev.vidgate.video;

import dev.vidgate.billing.MovementKind;
import dev.vidgate.catalog.DurationPolicy;
import dev.vidgate.catalog.ModelCatalog;
import dev.vidgate.catalog.ModelRoute;
import dev.vidgate.catalog.VideoSize;
import dev.vidgate.common.ApiException;
import dev.vidgate.health.StorageHealth;
import dev.vidgate.media.BoundedImageWork;
import dev.vidgate.policy.Block;
import dev.vidgate.policy.ContentPolicy;
import dev.vidgate.policy.Level;
import dev.vidgate.policy.ModelLevels;
import dev.vidgate.policy.PolicyStore;
import dev.vidgate.policy.PromptRules;
import dev.vidgate.policy.jdbc.JdbcPolicyStore;
import dev.vidgate.storage.fs.FileSystemContentStore;
import dev.vidgate.tenancy.KeySpec;
import dev.vidgate.tenancy.Principal;
import dev.vidgate.testsupport.BilledJobs;
import dev.vidgate.testsupport.TestClock;
import dev.vidgate.testsupport.media.TestImages;
import dev.vidgate.video.reference.ReferenceImages;
import dev.vidgate.video.reference.ReferenceLimits;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

import static dev.vidgate.testsupport.ApiAssertions.refusal;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The use cases of the videos API on the real job store, ledger (H2) and file store: what is checked before a job
 * exists, what a create holds and wakes, and which cancels, remixes and deletes the lifecycle allows.
 */
class VideoServiceTest {
    private static final String PROMPT = "a lighthouse in a storm";

    @TempDir
    Path dir;

    private final TestClock clock = new TestClock();
    private final AtomicInteger wakes = new AtomicInteger();
    private final List<Video> deleted = new ArrayList<>();
    private final StorageHealth storage = new StorageHealth(List.of(), 0, List.of(), Duration.ofSeconds(5),
            StorageHealth.FreeSpace.OF_FILE_SYSTEM);
    private final BoundedImageWork imageWork = new BoundedImageWork(1, Duration.ofSeconds(10));
    private BilledJobs db;
    private FileSystemContentStore content;
    private VideoService service;
    private Principal acme;

    @BeforeEach
    void setUp() {
        db = BilledJobs.onFreshH2(clock);
        content = new FileSystemContentStore(dir);
        var policy = new VideoPolicy(Duration.ofHours(24), Duration.ofHours(24), "sora-2", new VideoSize(720, 1280), 4);
        service = new VideoService(db.jobs(), content, ModelCatalog.defaults("builtin"), policy,
                new ReferenceImages(ReferenceLimits.DEFAULTS, imageWork), clock, wakes::incrementAndGet, deleted::add, storage::admitCreate);
        acme = db.principal();
    }

    @AfterEach
    void tearDown() {
        imageWork.close();
    }

    @Test
    void aCreateIsQueuedWithTheCatalogsDefaultsItsPriceIsHeldAndTheDispatcherIsWoken() {
        Video created = service.create(acme, request(PROMPT, null, null, null));

        assertThat(created.status()).isEqualTo(VideoStatus.QUEUED);
        assertThat(created.model()).isEqualTo("sora-2");
        assertThat(created.size()).isEqualTo(new VideoSize(720, 1280));
        assertThat(created.seconds()).isEqualTo(4);
        assertThat(created.engine()).isEqualTo("builtin");
        assertThat(service.get(acme, created.id())).isEqualTo(created);
        assertThat(wakes).hasValue(1);
        assertThat(db.moneyOf(created)).containsExactly(MovementKind.HOLD);
    }

    @Test
    void anInvalidCreateIsRefusedWithTheFieldAndCodeBeforeAnythingIsStoredHeldOrWoken() {
        assertThat(refused(request(null, null, null, null))).extracting(ApiException::param, ApiException::code)
                .containsExactly("prompt", "missing_required_parameter");
        assertThat(refused(request(" ", null, null, null)).code()).isEqualTo("missing_required_parameter");
        assertThat(refused(request("x".repeat(VideoErrors.MAX_PROMPT_LENGTH + 1), null, null, null)).code())
                .isEqualTo("string_above_max_length");
        assertThat(refused(request(PROMPT, "", null, null)).code()).isEqualTo("invalid_value");
        assertThat(refused(request(PROMPT, "sora-3", null, null))).extracting(ApiException::status, ApiException::code)
                .containsExactly(404, "model_not_found");
        assertThat(refused(request(PROMPT, null, "5", null))).extracting(ApiException::param, ApiException::code)
                .containsExactly("seconds", "invalid_value");
        assertThat(refused(request(PROMPT, "sora-2", null, "1920x1080"))).extracting(ApiException::param, ApiException::getMessage)
                .containsExactly("size", "Invalid parameter: size must be 720x1280 or 1280x720");
        assertThat(refused(new CreateVideoRequest(PROMPT, null, null, "1280x720", TestImages.png(640, 360), null)).param())
                .isEqualTo("input_reference");

        assertThat(service.list(acme, null, 100, true)).isEmpty();
        assertThat(wakes).hasValue(0);
        assertThat(db.ledger().movements(acme.tenantId(), null, 100, true)).extracting(m -> m.kind()).containsExactly(MovementKind.TOPUP);
    }

    @Test
    void theSameIdempotencyKeyAnswersTheFirstJobWithoutHoldingOrWakingAgain() throws IOException {
        var request = new CreateVideoRequest(PROMPT, null, null, "1280x720", TestImages.png(1280, 720), "retry-1");
        Video first = service.create(acme, request);
        Video again = service.create(acme, request);

        assertThat(again).isEqualTo(first);
        assertThat(service.list(acme, null, 100, true)).hasSize(1);
        assertThat(wakes).hasValue(1);
        assertThat(db.moneyOf(first)).containsExactly(MovementKind.HOLD);
        assertThat(storedFiles()).as("only the first job's reference").containsExactly(dir.resolve(first.referenceKey()));
    }

    @Test
    void aCreateTheLedgerRefusesLeavesNoJobNoReferenceAndWakesNothing() throws IOException {
        db.keys().createTenant("broke", null);
        Principal broke = db.keys().authenticate(db.keys().create(new KeySpec("broke", "k", null, 1)).secret()).orElseThrow();

        ApiException refusal = refusal(
                () -> service.create(broke, new CreateVideoRequest(PROMPT, null, null, "1280x720", TestImages.png(1280, 720), null)));

        assertThat(refusal.code()).isEqualTo("insufficient_quota");
        assertThat(service.list(broke, null, 100, true)).isEmpty();
        assertThat(storedFiles()).as("the staged reference is deleted").isEmpty();
        assertThat(wakes).hasValue(0);
    }

    @Test
    void aCreateIsRefusedWith503WhileTheNodeCannotWriteAndAcceptedOnceItCan() {
        storage.writeFailed("database", new IllegalStateException("No space left on device"));
        assertThat(refused(request(PROMPT, null, null, null))).extracting(ApiException::status, ApiException::retryAfterSeconds)
                .containsExactly(503, 5L);
        assertThat(service.list(acme, null, 100, true)).isEmpty();

        storage.probeNow();
        assertThat(service.create(acme, request(PROMPT, null, null, null)).status()).isEqualTo(VideoStatus.QUEUED);
    }

    @Test
    void aKeyLimitedToOtherModelsIsRefusedWith403() {
        var spec = new KeySpec("acme", "pro only", null, 1, null, null, Set.of("sora-2-pro"), null);
        Principal proOnly = db.keys().authenticate(db.keys().create(spec).secret()).orElseThrow();

        assertThat(refused(proOnly, request(PROMPT, "sora-2-2025-10-06", null, null))).extracting(ApiException::status, ApiException::code)
                .containsExactly(403, "model_not_allowed");
    }

    @Test
    void onlyACompletedVideoOfOnesOwnTenantIsRemixedAndTheRemixKeepsItsModelSizeAndLength() {
        Video source = service.create(acme, request(PROMPT, null, "8", "1280x720"));
        assertThat(refusal(() -> service.remix(acme, source.id(), CreateVideoRequest.remix("at night", null))).code())
                .isEqualTo("invalid_state");
        complete(source);

        Video remix = service.remix(acme, source.id(), CreateVideoRequest.remix("at night", null));

        assertThat(remix.remixedFromVideoId()).isEqualTo(source.id());
        assertThat(remix).extracting(Video::model, Video::size, Video::seconds, Video::prompt)
                .containsExactly("sora-2", new VideoSize(1280, 720), 8, "at night");
        assertThat(db.moneyOf(remix)).containsExactly(MovementKind.HOLD);
        Principal stranger = otherTenant();
        assertThat(refusal(() -> service.remix(stranger, source.id(), CreateVideoRequest.remix("mine now", null))).status())
                .isEqualTo(404);
    }

    @Test
    void aRemixKeepsItsSourcesOptionalFieldsAndLastFrame() throws Exception {
        var routed = ModelCatalog.defaults("builtin").routed(List.of(new ModelRoute("sora-2", "veo-3.1-fast-generate-001",
                DurationPolicy.EXACT)));
        var policy = new VideoPolicy(Duration.ofHours(24), Duration.ofHours(24), "sora-2", new VideoSize(720, 1280), 4);
        var veoLike = new VideoService(db.jobs(), content, routed, policy, new ReferenceImages(ReferenceLimits.DEFAULTS, imageWork),
                clock, () -> {}, v -> {}, () -> {});
        byte[] lastFrame = TestImages.png(1280, 720);
        Video source = veoLike.create(acme, new CreateVideoRequest(PROMPT, "sora-2", "6", "1280x720", null, null, "blur", "9", null,
                lastFrame));
        assertThat(source.options()).isEqualTo(new VideoOptions("blur", 9L, null, true));
        complete(source);

        Video remix = veoLike.remix(acme, source.id(), CreateVideoRequest.remix("at night", null));

        assertThat(remix.options()).isEqualTo(source.options());
        assertThat(remix.seconds()).isEqualTo(6);
        try (var in = content.open(remix.lastFrameKey(), 0, lastFrame.length)) {
            assertThat(in.readAllBytes()).isEqualTo(lastFrame);
        }
    }

    @Test
    void aCreateWithAReferenceAndALastFrameReadsTheTenantsPolicyLevelOnceAndScreensBothImagesAtIt() {
        var reads = new AtomicInteger();
        var looked = new AtomicInteger();
        PolicyStore store = countingReads(new JdbcPolicyStore(db.jdbc(), clock), reads);
        var contentPolicy = new ContentPolicy(PromptRules.builtIn(), new ModelLevels(Map.of(), Level.STRICT), store, Optional.empty(),
                false, picture -> looked.incrementAndGet() < 0, (category, source) -> {}, clock);
        var routed = ModelCatalog.defaults("builtin").routed(List.of(new ModelRoute("sora-2", "veo-3.1-fast-generate-001",
                DurationPolicy.EXACT)));
        var policy = new VideoPolicy(Duration.ofHours(24), Duration.ofHours(24), "sora-2", new VideoSize(720, 1280), 4);
        var screened = new VideoService(db.jobs(), content, routed, policy, new ReferenceImages(ReferenceLimits.DEFAULTS, imageWork),
                clock, () -> {}, v -> {}, () -> {}, contentPolicy);

        screened.create(acme, new CreateVideoRequest(PROMPT, "sora-2", "6", "1280x720", TestImages.png(1280, 720), null, null, null,
                null, TestImages.png(1280, 720)));

        assertThat(looked).as("both images were screened").hasValue(2);
        assertThat(reads).as("reads of the tenant's level").hasValue(1);
        screened.footageScreen(acme, PROMPT);
        assertThat(reads).as("an uploaded clip's screen reads it once too").hasValue(2);
    }

    /** {@code store}, counting the reads of a tenant's level in {@code reads}. */
    private static PolicyStore countingReads(PolicyStore store, AtomicInteger reads) {
        return new PolicyStore() {
            @Override
            public Optional<Level> tenantLevel(String tenantId) {
                reads.incrementAndGet();
                return store.tenantLevel(tenantId);
            }

            @Override
            public void setTenantLevel(String tenantId, Level level) {
                store.setTenantLevel(tenantId, level);
            }

            @Override
            public Block record(Block block) {
                return store.record(block);
            }

            @Override
            public List<Block> blocks(String tenantId, String afterId, int limit, boolean ascending) {
                return store.blocks(tenantId, afterId, limit, ascending);
            }
        };
    }

    @Test
    void cancellingAQueuedJobReleasesItsHoldOnceAndCancellingAgainAnswersItUnchanged() {
        Video job = service.create(acme, request(PROMPT, null, null, null));

        Video cancelled = service.cancel(acme, job.id());
        Video again = service.cancel(acme, job.id());

        assertThat(cancelled.status()).isEqualTo(VideoStatus.CANCELLED);
        assertThat(again).isEqualTo(cancelled);
        assertThat(db.moneyOf(job)).containsExactly(MovementKind.HOLD, MovementKind.RELEASE);
    }

    @Test
    void aFinishedJobCannotBeCancelledAndItsChargeStands() {
        Video job = service.create(acme, request(PROMPT, null, null, null));
        complete(job);

        assertThat(refusal(() -> service.cancel(acme, job.id())).getMessage()).contains("already completed");
        assertThat(service.get(acme, job.id()).status()).isEqualTo(VideoStatus.COMPLETED);
        assertThat(db.moneyOf(job)).containsExactly(MovementKind.HOLD, MovementKind.SETTLE);
    }

    @Test
    void onlyAFinishedJobIsDeletedWithItsFilesAndItsEngineIsTold() throws IOException {
        Video job = service.create(acme, request(PROMPT, null, null, null));
        assertThat(refusal(() -> service.delete(acme, job.id())).code()).isEqualTo("invalid_state");
        Video completed = complete(job);
        for (Variant v : Variant.values()) content.put(job.storageKey(v), new ByteArrayInputStream(new byte[]{1}));

        service.delete(acme, job.id());

        assertThat(refusal(() -> service.get(acme, job.id())).status()).isEqualTo(404);
        assertThat(storedFiles()).isEmpty();
        assertThat(deleted).containsExactly(completed);
        assertThat(refusal(() -> service.delete(otherTenant(), job.id())).status()).isEqualTo(404);
    }

    private Video complete(Video job) {
        Video claimed = db.jobs().claimNext("worker-a", clock.instant(), Duration.ofMinutes(3), Set.of("builtin")).orElseThrow();
        assertThat(claimed.id()).isEqualTo(job.id());
        return db.jobs().complete(claimed, claimed.seconds(), clock.instant(), clock.instant().plus(Duration.ofHours(24))).orElseThrow();
    }

    private Principal otherTenant() {
        db.keys().createTenant("other", null);
        return db.keys().authenticate(db.keys().create(new KeySpec("other", "k", null, 1)).secret()).orElseThrow();
    }

    private static CreateVideoRequest request(String prompt, String model, String seconds, String size) {
        return new CreateVideoRequest(prompt, model, seconds, size, null, null);
    }

    private ApiException refused(CreateVideoRequest request) {
        return refused(acme, request);
    }

    private ApiException refused(Principal who, CreateVideoRequest request) {
        return refusal(() -> service.create(who, request));
    }


    private List<Path> storedFiles() throws IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(Files::isRegularFile).toList();
        }
    }
}

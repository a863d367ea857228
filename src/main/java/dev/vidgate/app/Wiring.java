package dev.vidgate.app;

import dev.vidgate.api.ApiSettings;
import dev.vidgate.api.CorsSettings;
import dev.vidgate.api.ParameterSettings;
import dev.vidgate.cluster.DatabaseCorrectedClock;
import dev.vidgate.cluster.DutyLeases;
import dev.vidgate.cluster.PeriodicDuties;
import dev.vidgate.cluster.jdbc.JdbcDatabaseTime;
import dev.vidgate.cluster.jdbc.JdbcDutyLeases;
import dev.vidgate.billing.Billing;
import dev.vidgate.billing.BillingHook;
import dev.vidgate.billing.Ledger;
import dev.vidgate.billing.PriceBook;
import dev.vidgate.billing.jdbc.JdbcLedger;
import dev.vidgate.billing.jdbc.JdbcPriceBook;
import dev.vidgate.console.ConsoleSessions;
import dev.vidgate.engine.EngineRegistry;
import dev.vidgate.health.StorageHealth;
import dev.vidgate.health.jdbc.JdbcWriteProbe;
import dev.vidgate.engine.builtin.BuiltinEngine;
import dev.vidgate.jobs.Dispatcher;
import dev.vidgate.jobs.DispatcherSettings;
import dev.vidgate.jobs.ExpirySweeper;
import dev.vidgate.jobs.Pacer;
import dev.vidgate.video.JobStore;
import dev.vidgate.video.jdbc.JdbcJobStore;
import dev.vidgate.webhooks.WebhookHook;
import dev.vidgate.media.BoundedImageWork;
import dev.vidgate.policy.ContentCheck;
import dev.vidgate.storage.ContentStore;
import dev.vidgate.storage.fs.FileSystemContentStore;
import dev.vidgate.storage.s3.S3Clients;
import dev.vidgate.storage.s3.S3ContentStore;
import dev.vidgate.storage.s3.S3Settings;
import dev.vidgate.tenancy.CachingAuthenticator;
import dev.vidgate.tenancy.Gatekeeper;
import dev.vidgate.tenancy.RequestRateLimiter;
import dev.vidgate.tenancy.Tenants;
import dev.vidgate.tenancy.WrongKeyThrottle;
import dev.vidgate.tenancy.KeyPolicy;
import dev.vidgate.tenancy.KeyStore;
import dev.vidgate.tenancy.jdbc.JdbcKeyStore;
import dev.vidgate.catalog.ModelCatalog;
import dev.vidgate.catalog.ModelSpec;
import dev.vidgate.video.VideoPolicy;
import dev.vidgate.video.VideoService;
import dev.vidgate.catalog.VideoSize;
import dev.vidgate.video.reference.ReferenceImages;
import dev.vidgate.video.VideoEdits;
import dev.vidgate.character.Characters;
import dev.vidgate.character.jdbc.JdbcCharacterStore;
import dev.vidgate.video.footage.FootageLimits;
import dev.vidgate.video.footage.FrameCheck;
import dev.vidgate.video.footage.UploadedFootage;
import dev.vidgate.video.reference.ReferenceLimits;
import dev.vidgate.video.reference.RemoteFetchPolicy;
import dev.vidgate.video.reference.RemoteImageFetcher;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import javax.sql.DataSource;
import java.time.Duration;
import java.util.ArrayList;
import java.time.InstantSource;
import java.util.List;

/** The one place that chooses and builds adapters. */
@Configuration(proxyBeanMethods = false)
class Wiring {

    /**
     * System time moved onto the database's clock, so that every node sharing the database agrees on
     * lease ends and timestamps; unless {@code vidgate.clock=external}: then the embedding code
     * (tests) registers its own.
     */
    @Bean
    @ConditionalOnProperty(prefix = "vidgate", name = "clock", havingValue = "system", matchIfMissing = true)
    InstantSource clock(JdbcTemplate jdbc) {
        return new DatabaseCorrectedClock(InstantSource.system(), new JdbcDatabaseTime(jdbc), Duration.ofMinutes(1));
    }

    @Bean
    DutyLeases dutyLeases(JdbcTemplate jdbc) {
        return new JdbcDutyLeases(jdbc);
    }

    /** Files untouched this long are what a crash left behind, not a write in progress. */
    private static final Duration STRAY_AFTER = Duration.ofHours(1);

    @Bean(destroyMethod = "close")
    PeriodicDuties periodicDuties(DutyLeases leases, InstantSource clock, NodeIdentity node, ExpirySweeper sweeper,
                                  Billing billing, BuiltinEngine builtin, VidgateProperties props, MetricsProperties metrics,
                                  JobGauges jobGauges, MetricsWiring.LedgerDiscrepancies discrepancies, JobMeters loopErrors,
                                  ConsoleSessions consoleSessions, Characters characters, JobStore jobs) {
        return new PeriodicDuties(leases, clock, node.id(), List.of(
                // a backlog may keep a run going for up to its interval; the duty's lease lasts three
                new PeriodicDuties.Duty("expiry-sweep", props.expirySweepInterval(),
                        () -> sweeper.sweepDue(props.expirySweepInterval())),
                new PeriodicDuties.Duty("stray-upload-sweep", Duration.ofHours(1), sweeper::sweepStrayFiles),
                new PeriodicDuties.Duty("character-expiry", props.expirySweepInterval(), characters::sweepExpired),
                PeriodicDuties.Duty.onEveryNode("render-scratch-sweep", Duration.ofMinutes(10),
                        () -> builtin.deleteStrayFiles(clock.instant().minus(STRAY_AFTER))),
                new PeriodicDuties.Duty("ledger-reconciliation", Duration.ofMinutes(10),
                        () -> discrepancies.record(billing.reconcileAndReport())),
                new PeriodicDuties.Duty("console-session-sweep", Duration.ofMinutes(10), consoleSessions::sweep),
                // the claim's per-key running counts, back to the jobs in progress wherever a job moved behind the store's
                // back (a node of an older version during a rolling upgrade): a count too high passes its key over
                new PeriodicDuties.Duty("running-recount", Duration.ofMinutes(1), jobs::recountRunning),
                PeriodicDuties.Duty.onEveryNode("job-gauges", metrics.refreshInterval(), jobGauges::refresh)), loopErrors);
    }

    /**
     * Every job's money moves in the job store's own transactions, through the billing hook; the job meters count each
     * final change there too, once, whichever node or request made it; and the webhook outbox gets the event's deliveries.
     */
    @Bean
    JobStore jobStore(JdbcTemplate jdbc, TransactionTemplate tx, BillingHook billing, JobMeters meters,
                      PolicyWiring.ProviderVerdicts verdicts, WebhookHook webhooks, ClaimConnections claims) {
        return new JdbcJobStore(jdbc, tx, billing.andThen(meters).andThen(verdicts).andThen(webhooks), claims.dataSource());
    }

    @Bean(destroyMethod = "close")
    ClaimConnections claimConnections(DataSource dataSource) {
        return ClaimConnections.beside(dataSource);
    }

    @Bean
    Ledger ledger(JdbcTemplate jdbc, TransactionTemplate tx) {
        return new JdbcLedger(jdbc, tx);
    }

    @Bean
    PriceBook priceBook(JdbcTemplate jdbc, TransactionTemplate tx, BillingProperties billing, ModelCatalog catalog) {
        return new JdbcPriceBook(jdbc, tx, billing.effectivePrices(catalog));
    }

    @Bean
    BillingHook billingHook(Ledger ledger, PriceBook prices, KeyStore keys, ModelCatalog catalog, InstantSource clock) {
        return new BillingHook(ledger, prices, keys, catalog, clock);
    }

    @Bean
    Billing billing(Ledger ledger, PriceBook prices, ModelCatalog catalog, InstantSource clock) {
        return new Billing(ledger, prices, catalog, clock);
    }

    @Bean
    Tenants tenants(KeyStore keys, KeyPolicy policy, ModelCatalog catalog, CachingAuthenticator authenticator, InstantSource clock) {
        return new Tenants(keys, policy, name -> catalog.find(name).map(ModelSpec::name), authenticator, clock);
    }

    @Bean
    Gatekeeper gatekeeper(CachingAuthenticator authenticator, WrongKeyThrottle wrongKeys, InstantSource clock) {
        return new Gatekeeper(authenticator, new RequestRateLimiter(clock), wrongKeys, clock);
    }

    /** One throttle for wrong user and admin keys alike. */
    @Bean
    WrongKeyThrottle wrongKeyThrottle(AuthProperties auth, InstantSource clock) {
        return new WrongKeyThrottle(clock, auth.maxFailures(), auth.failureWindow());
    }

    @Bean
    KeyStore keyStore(JdbcTemplate jdbc, TransactionTemplate tx, InstantSource clock) {
        return new JdbcKeyStore(jdbc, tx, clock);
    }

    @Bean
    CachingAuthenticator authenticator(KeyStore keys, InstantSource clock) {
        return new CachingAuthenticator(keys, clock, Duration.ofSeconds(10));
    }

    /** Files under the data dir, or an S3 bucket ({@code vidgate.storage.type=s3}); an S3 store is closed on shutdown. */
    @Bean
    ContentStore contentStore(VidgateProperties props) {
        if (props.storage().isS3()) {
            S3Settings settings = props.storage().s3().settings();
            return new S3ContentStore(settings, S3Clients.create(settings));
        }
        return new FileSystemContentStore(props.contentDir());
    }

    /**
     * Watches every directory this node writes to (data dir, content dir, H2's directory) against the low-disk
     * watermark, and test-writes the database and the content store; started by {@link Startup}.
     */
    @Bean(destroyMethod = "close")
    StorageHealth storageHealth(VidgateProperties props, Environment env, JdbcTemplate jdbc, ContentStore content,
                                NodeIdentity node, InstantSource clock) {
        var dirs = new ArrayList<StorageHealth.WatchedDir>();
        dirs.add(new StorageHealth.WatchedDir("data", props.dataDir()));
        if (!props.storage().isS3()) dirs.add(new StorageHealth.WatchedDir("content", props.contentDir()));
        H2Durability.databaseDir(env.getProperty("spring.datasource.url")).ifPresent(dir -> dirs.add(new StorageHealth.WatchedDir("database", dir)));
        String probeKey = "probes/" + node.id().replaceAll("[^A-Za-z0-9._-]", "_");
        byte[] probe = ("storage probe of " + node.id()).getBytes(StandardCharsets.UTF_8);
        var probes = List.of(
                new StorageHealth.Probe("database", new JdbcWriteProbe(jdbc, node.id(), clock)),
                new StorageHealth.Probe("content store", () -> {
                    content.put(probeKey, new ByteArrayInputStream(probe));
                    content.delete(probeKey);
                }));
        return new StorageHealth(dirs, props.storage().minFreeDisk().toBytes(), probes, props.storage().probeInterval(),
                StorageHealth.FreeSpace.OF_FILE_SYSTEM);
    }

    /**
     * The shipped models changed by {@code vidgate.models[i]}, every one on {@code vidgate.engine}, except those
     * {@code vidgate.model-engines.<model>} sends elsewhere; behind a relay, only the models its channels serve, each
     * making what the models its channels send it as make ({@link RelayProperties#routed}).
     */
    @Bean
    ModelCatalog modelCatalog(VidgateProperties props, ModelProperties models) {
        ModelCatalog catalog = models.applyTo(ModelCatalog.defaults(props.engine().trim()));
        for (var route : props.modelEngines().entrySet()) {
            String model = route.getKey();
            if (catalog.find(model).isEmpty()) {
                throw new IllegalArgumentException("vidgate.model-engines." + model + " names no model of this gateway ("
                        + String.join(", ", catalog.names()) + ")");
            }
            catalog = catalog.withEngine(model, route.getValue().trim());
        }
        return props.relay().servedOnly(props.relay().routed(catalog), props.modelEngines().keySet());
    }

    @Bean
    RemoteImageFetcher remoteImageFetcher(VidgateProperties props) {
        return new RemoteImageFetcher(RemoteFetchPolicy.DEFAULTS.withEnabled(props.remoteReferences()));
    }

    @Bean(destroyMethod = "close")
    Dispatcher dispatcher(JobStore jobs, EngineRegistry engines, ContentStore content, InstantSource clock,
                          VidgateProperties props, NodeIdentity node, StorageHealth storage, JobMeters meters,
                          Characters characters) {
        var settings = new DispatcherSettings(node.id(), props.lease(), Duration.ofSeconds(2), props.maxAttempts(),
                props.storage().retryDelay());
        return new Dispatcher(jobs, engines, content, clock, Pacer.SLEEP, settings, props.retention(), storage, meters,
                characters::pictureNamedIn);
    }

    @Bean
    ExpirySweeper expirySweeper(JobStore jobs, ContentStore content, InstantSource clock) {
        return new ExpirySweeper(jobs, content, clock, STRAY_AFTER);
    }

    /** Reference checks run on one thread per core, each within {@code vidgate.reference.decode-timeout}. */
    @Bean(destroyMethod = "close")
    BoundedImageWork imageWork(ReferenceProperties reference) {
        return BoundedImageWork.perCore(reference.decodeTimeout());
    }

    @Bean
    VideoService videoService(JobStore jobs, ContentStore content, ModelCatalog catalog, InstantSource clock,
                              VidgateProperties props, Dispatcher dispatcher, EngineRegistry engines, StorageHealth storage,
                              BoundedImageWork imageWork, ContentCheck contentPolicy) {
        var policy = new VideoPolicy(props.retention(), Duration.ofHours(24), "sora-2", new VideoSize(720, 1280), 4);
        // A deleted video's engine hears of it, so a remote engine deletes the upstream copy too.
        return new VideoService(jobs, content, catalog, policy, new ReferenceImages(ReferenceLimits.DEFAULTS, imageWork), clock,
                dispatcher::wake,
                deleted -> engines.find(deleted.engine())
                        .ifPresent(engine -> { if (deleted.engineHandle() != null) engine.discard(deleted.engineHandle()); }),
                storage::admitCreate, contentPolicy);
    }

    /** Uploaded clips (edits, extensions, characters) are checked on the reference images' pool, within its CPU limit. */
    @Bean
    UploadedFootage uploadedFootage(BoundedImageWork imageWork) {
        return new UploadedFootage(FootageLimits.DEFAULTS, imageWork, FrameCheck.NONE);
    }

    @Bean
    VideoEdits videoEdits(VideoService videos, UploadedFootage uploads) {
        return new VideoEdits(videos, uploads);
    }

    /** Characters are kept as long as videos ({@code vidgate.retention}); their clips pass the content policy as uploads do. */
    @Bean
    Characters characters(JdbcTemplate jdbc, ContentStore content, UploadedFootage uploads, ObjectProvider<VideoService> videos,
                          InstantSource clock, VidgateProperties props) {
        // looked up at the first upload: the video service reaches the characters through the dispatcher
        return new Characters(new JdbcCharacterStore(jdbc), content, uploads,
                (who, text) -> videos.getObject().footageScreen(who, text), clock, props.retention());
    }

    @Bean
    ApiSettings apiSettings(VidgateProperties props) {
        return new ApiSettings(props.pollAfter(), props.adminKey(), props.storage().contentRedirectTtl());
    }

    @Bean
    ParameterSettings parameterSettings(RequestProperties request) {
        return request.parameters();
    }

    @Bean
    CorsSettings corsSettings(CorsProperties cors) {
        return new CorsSettings(cors.allowedOrigins());
    }

    @Bean
    KeyPolicy keyPolicy(VidgateProperties props, KeyProperties keys) {
        return new KeyPolicy(props.maxConcurrentPerKey(), keys.requestsPerMinuteOrNone(), keys.maxQueuedOrNone());
    }

    @Bean
    NodeIdentity nodeIdentity(VidgateProperties props) {
        return NodeIdentity.resolve(props.nodeId(), props.dataDir());
    }
}

package dev.vidgate.app;

import dev.vidgate.api.ApiSettings;
import dev.vidgate.engine.EngineRegistry;
import dev.vidgate.jobs.Dispatcher;
import dev.vidgate.jobs.DispatcherSettings;
import dev.vidgate.jobs.ExpirySweeper;
import dev.vidgate.jobs.JobStore;
import dev.vidgate.jobs.jdbc.JdbcJobStore;
import dev.vidgate.storage.ContentStore;
import dev.vidgate.storage.fs.FileSystemContentStore;
import dev.vidgate.tenancy.CachingAuthenticator;
import dev.vidgate.tenancy.KeyPolicy;
import dev.vidgate.tenancy.KeyStore;
import dev.vidgate.tenancy.jdbc.JdbcKeyStore;
import dev.vidgate.video.ModelCatalog;
import dev.vidgate.video.VideoPolicy;
import dev.vidgate.video.VideoService;
import dev.vidgate.video.VideoSize;
import dev.vidgate.video.reference.ReferenceLimits;
import dev.vidgate.video.reference.RemoteFetchPolicy;
import dev.vidgate.video.reference.RemoteImageFetcher;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Duration;
import java.time.InstantSource;

/** The one place that chooses and builds adapters. */
@Configuration(proxyBeanMethods = false)
class Wiring {

    /** System time, unless {@code vidgate.clock=external}: then the embedding code (tests) registers its own. */
    @Bean
    @ConditionalOnProperty(prefix = "vidgate", name = "clock", havingValue = "system", matchIfMissing = true)
    InstantSource clock() {
        return InstantSource.system();
    }

    @Bean
    JobStore jobStore(JdbcTemplate jdbc, TransactionTemplate tx) {
        return new JdbcJobStore(jdbc, tx);
    }

    @Bean
    KeyStore keyStore(JdbcTemplate jdbc, TransactionTemplate tx, InstantSource clock) {
        return new JdbcKeyStore(jdbc, tx, clock);
    }

    @Bean
    CachingAuthenticator authenticator(KeyStore keys, InstantSource clock) {
        return new CachingAuthenticator(keys, clock, Duration.ofSeconds(10));
    }

    @Bean
    ContentStore contentStore(VidgateProperties props) {
        return new FileSystemContentStore(props.dataDir().resolve("content"));
    }

    /** Every model on {@code vidgate.engine}, except those {@code vidgate.model-engines.<model>} sends elsewhere. */
    @Bean
    ModelCatalog modelCatalog(VidgateProperties props) {
        ModelCatalog catalog = ModelCatalog.defaults(props.engine().trim());
        for (var route : props.modelEngines().entrySet()) {
            String model = route.getKey();
            if (catalog.find(model).isEmpty()) {
                throw new IllegalArgumentException("vidgate.model-engines." + model + " names no model of this gateway ("
                        + String.join(", ", catalog.models().stream().map(dev.vidgate.video.ModelSpec::name).toList()) + ")");
            }
            catalog = catalog.withEngine(model, route.getValue().trim());
        }
        return catalog;
    }

    @Bean
    RemoteImageFetcher remoteImageFetcher(VidgateProperties props) {
        return new RemoteImageFetcher(RemoteFetchPolicy.DEFAULTS.withEnabled(props.remoteReferences()));
    }

    @Bean(destroyMethod = "close")
    Dispatcher dispatcher(JobStore jobs, EngineRegistry engines, ContentStore content, InstantSource clock,
                          VidgateProperties props, NodeIdentity node) {
        var settings = new DispatcherSettings(node.id(), props.lease(), Duration.ofSeconds(2), props.maxAttempts());
        return new Dispatcher(jobs, engines, content, clock, settings, props.retention());
    }

    @Bean
    ExpirySweeper expirySweeper(JobStore jobs, ContentStore content, InstantSource clock) {
        return new ExpirySweeper(jobs, content, clock);
    }

    @Bean
    VideoService videoService(JobStore jobs, ContentStore content, ModelCatalog catalog, InstantSource clock,
                              VidgateProperties props, Dispatcher dispatcher, EngineRegistry engines) {
        var policy = new VideoPolicy(props.retention(), Duration.ofHours(24), "sora-2", new VideoSize(720, 1280), 4);
        // A deleted video's engine hears of it, so a remote engine deletes the upstream copy too.
        return new VideoService(jobs, content, catalog, policy, ReferenceLimits.DEFAULTS, clock, dispatcher::wake,
                deleted -> engines.find(deleted.engine())
                        .ifPresent(engine -> { if (deleted.engineHandle() != null) engine.discard(deleted.engineHandle()); }));
    }

    @Bean
    ApiSettings apiSettings(VidgateProperties props) {
        return new ApiSettings(props.pollAfter(), props.adminKey());
    }

    @Bean
    KeyPolicy keyPolicy(VidgateProperties props) {
        return new KeyPolicy(props.maxConcurrentPerKey());
    }

    @Bean
    NodeIdentity nodeIdentity(VidgateProperties props) {
        return NodeIdentity.resolve(props.nodeId(), props.dataDir());
    }
}

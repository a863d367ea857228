package dev.vidgate.app;

import dev.vidgate.engine.Engine;
import dev.vidgate.engine.EngineRegistry;
import dev.vidgate.engine.builtin.BuiltinEngine;
import dev.vidgate.engine.builtin.encode.H264Library;
import dev.vidgate.engine.relay.RelayEngine;
import dev.vidgate.engine.relay.RelaySettings;
import dev.vidgate.engine.relay.RelayServices;
import dev.vidgate.engine.relay.Submission;
import dev.vidgate.engine.UpstreamCallbacks;
import dev.vidgate.storage.ContentStore;
import dev.vidgate.storage.PublicImages;
import dev.vidgate.video.JobStore;
import dev.vidgate.catalog.ModelCatalog;
import dev.vidgate.catalog.ModelSpec;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.net.URI;
import java.time.Duration;
import java.time.InstantSource;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Chooses the engines: the built-in renderer always, the relay when {@code vidgate.relay.channels}
 * lists upstreams. Which model runs where is the model catalog's business ({@code vidgate.engine},
 * {@code vidgate.model-engines.*}); this checks that every model's engine exists and can serve it.
 */
@Configuration(proxyBeanMethods = false)
class EngineWiring {

    @Bean(destroyMethod = "close")
    BuiltinEngine builtinEngine(VidgateProperties props, JobStore jobs) {
        try {
            return new BuiltinEngine(props.dataDir().resolve("work"), props.effectiveRenderThreads(), props.effectiveWorkerSlots(),
                    props.h264Library(), jobs::recordPromptReading);
        } catch (IllegalStateException e) {
            if (props.h264Library() != H264Library.SYSTEM) throw e;
            // the whole story is in the message: no cause, so that it is what the startup failure ends with
            throw new IllegalArgumentException("vidgate.openh264 (VIDGATE_OPENH264) is system, but " + e.getMessage());
        }
    }

    @Bean(destroyMethod = "close")
    Relay relay(VidgateProperties props, InstantSource clock, ModelCatalog catalog, RelayMeters meters, PublicImages images,
                JobStore jobs) {
        RelayProperties relay = props.relay();
        if (relay == null || !relay.configured()) return new Relay(null);
        RelaySettings settings = relay.toSettings(props.dataDir().resolve("relay"), System::getenv, catalog);
        URI publicUrl = props.publicAddress();
        Submission.ImageLinks links = publicUrl == null ? Submission.ImageLinks.NONE : new Submission.ImageLinks() {
            @Override
            public String publish(String jobId, String name, byte[] image) {
                return publicUrl.toString().replaceAll("/+$", "") + "/relay/images/" + images.publish(jobId, image);
            }

            @Override
            public void withdraw(String jobId) {
                images.withdraw(jobId);
            }
        };
        RelayEngine engine = new RelayEngine(settings, clock, meters, new RelayServices(ModelCatalog.defaults("relay"), links, publicUrl,
                channel -> jobs.countInProgressWithHandle(channel + "/")));
        meters.watchCircuits(engine);
        return new Relay(engine);
    }

    @Bean
    EngineRegistry engines(BuiltinEngine builtin, Relay relay, ModelCatalog catalog, VidgateProperties props) {
        Map<String, Engine> engines = new LinkedHashMap<>();
        engines.put(builtin.name(), builtin);
        if (relay.engine() != null) engines.put(relay.engine().name(), relay.engine());
        for (ModelSpec model : catalog.models()) {
            String key = props.modelEngines().containsKey(model.name())
                    ? "vidgate.model-engines." + model.name() : "vidgate.engine (VIDGATE_ENGINE)";
            if (!engines.containsKey(model.engine())) {
                throw new IllegalArgumentException(key + " routes " + model.name() + " to the engine '" + model.engine() + "', "
                        + (model.engine().equals("relay") ? "which needs at least one channel under vidgate.relay.channels"
                        : "which does not exist; the engines are builtin and relay"));
            }
            if (relay.engine() != null && model.engine().equals(relay.engine().name()) && !relay.serves(model.name())) {
                throw new IllegalArgumentException(key + " routes " + model.name() + " to the relay, but no "
                        + "vidgate.relay.channels[i].models lists it");
            }
        }
        return new EngineRegistry(engines);
    }

    /** Images handed to providers by URL live an hour: they fetch them when the job starts. */
    @Bean
    PublicImages publicImages(ContentStore content, InstantSource clock) {
        return new PublicImages(content, clock, Duration.ofHours(1));
    }

    /** Providers' callbacks reach the relay; without one, every callback token is unknown. */
    @Bean
    UpstreamCallbacks upstreamCallbacks(Relay relay) {
        return relay.engine() != null ? relay.engine() : UpstreamCallbacks.NONE;
    }

    /** The relay engine, or none when no channel is configured; closed with the application. */
    record Relay(RelayEngine engine) implements AutoCloseable {
        boolean serves(String model) {
            return engine.channelsServing(model) > 0;
        }

        @Override
        public void close() {
            if (engine != null) engine.close();
        }
    }
}

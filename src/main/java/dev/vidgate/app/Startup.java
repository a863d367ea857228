package dev.vidgate.app;

import dev.vidgate.cluster.PeriodicDuties;
import dev.vidgate.jobs.Dispatcher;
import dev.vidgate.tenancy.CreatedKey;
import dev.vidgate.tenancy.KeySpec;
import dev.vidgate.tenancy.KeyStore;
import dev.vidgate.tenancy.Secrets;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Component;

/**
 * After the database is migrated: makes the first API key if there is none, then starts the
 * dispatcher (on nodes with the worker role) and the periodic duties (on every node; one node at a
 * time runs each).
 */
@Component
@ConditionalOnProperty(prefix = "vidgate", name = "command", havingValue = "serve", matchIfMissing = true)
class Startup implements ApplicationRunner {
    private static final Logger log = LoggerFactory.getLogger(Startup.class);

    private final KeyStore keys;
    private final Dispatcher dispatcher;
    private final PeriodicDuties duties;
    private final VidgateProperties props;

    Startup(KeyStore keys, Dispatcher dispatcher, PeriodicDuties duties, VidgateProperties props) {
        this.keys = keys;
        this.dispatcher = dispatcher;
        this.duties = duties;
        this.props = props;
    }

    @Override
    public void run(ApplicationArguments args) {
        bootstrapKey();
        if (props.runsWorkers()) {
            dispatcher.start();
        } else {
            log.info("roles {}: this node serves the API and runs no jobs", props.roles());
        }
        duties.start();
    }

    private void bootstrapKey() {
        String chosen = props.bootstrapKey();
        if (chosen != null) {
            // Nodes of a cluster may start together: whoever loses the race finds the key made.
            for (int attempt = 1; keys.authenticate(chosen).isEmpty(); attempt++) {
                try {
                    keys.create(new KeySpec("default", "bootstrap", chosen, props.maxConcurrentPerKey()));
                    log.info("Created the API key from VIDGATE_BOOTSTRAP_KEY ({}) in tenant 'default'", Secrets.mask(chosen));
                } catch (DataIntegrityViolationException raced) {
                    if (attempt >= 3) throw raced;
                }
            }
            return;
        }
        if (keys.isEmpty()) {
            CreatedKey key = keys.create(new KeySpec("default", "bootstrap", null, props.maxConcurrentPerKey()));
            // Printed once, on the first start only: only its hash is stored.
            System.out.println();
            System.out.println("  Vidgate created your first API key (shown once, store it now):");
            System.out.println("    " + key.secret());
            System.out.println();
        }
    }
}

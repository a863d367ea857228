package dev.vidgate.app;

import dev.vidgate.jobs.Dispatcher;
import dev.vidgate.jobs.ExpirySweeper;
import dev.vidgate.tenancy.CreatedKey;
import dev.vidgate.tenancy.KeySpec;
import dev.vidgate.tenancy.KeyStore;
import dev.vidgate.tenancy.Secrets;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/**
 * After the database is migrated: makes the first API key if there is none, then starts the
 * dispatcher and the expiry sweep.
 */
@Component
@ConditionalOnProperty(prefix = "vidgate", name = "command", havingValue = "serve", matchIfMissing = true)
class Startup implements ApplicationRunner, AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(Startup.class);

    private final KeyStore keys;
    private final Dispatcher dispatcher;
    private final ExpirySweeper sweeper;
    private final VidgateProperties props;
    private volatile Thread sweepLoop;

    Startup(KeyStore keys, Dispatcher dispatcher, ExpirySweeper sweeper, VidgateProperties props) {
        this.keys = keys;
        this.dispatcher = dispatcher;
        this.sweeper = sweeper;
        this.props = props;
    }

    @Override
    public void run(ApplicationArguments args) {
        bootstrapKey();
        dispatcher.start();
        sweepLoop = Thread.ofVirtual().name("expiry-sweep").start(this::sweepForever);
    }

    private void bootstrapKey() {
        String chosen = props.bootstrapKey();
        if (chosen != null) {
            if (keys.authenticate(chosen).isEmpty()) {
                keys.create(new KeySpec("default", "bootstrap", chosen, props.maxConcurrentPerKey()));
                log.info("Created the API key from VIDGATE_BOOTSTRAP_KEY ({}) in tenant 'default'", Secrets.mask(chosen));
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

    private void sweepForever() {
        while (!Thread.currentThread().isInterrupted()) {
            try {
                Thread.sleep(props.expirySweepInterval());
                int n = sweeper.sweepOnce();
                if (n > 0) log.info("expired the content of {} video(s)", n);
            } catch (InterruptedException e) {
                return;
            } catch (Throwable t) {
                log.error("expiry sweep loop error; continuing", t);
            }
        }
    }

    @Override
    public void close() {
        Thread t = sweepLoop;
        if (t != null) t.interrupt();
    }
}

package dev.vidgate.app;

import dev.vidgate.billing.Billing;
import dev.vidgate.billing.Ledger;
import dev.vidgate.billing.SpendingLimits;
import dev.vidgate.common.Change;
import dev.vidgate.jobs.Dispatcher;
import dev.vidgate.jobs.ExpirySweeper;
import dev.vidgate.tenancy.CreatedKey;
import dev.vidgate.tenancy.KeySpec;
import dev.vidgate.tenancy.KeyStore;
import dev.vidgate.tenancy.Secrets;
import dev.vidgate.tenancy.Tenant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

import java.time.InstantSource;
import java.util.Optional;

/**
 * After the database is migrated: makes the first API key if there is none, then starts the
 * dispatcher and the expiry sweep.
 */
@Component
@ConditionalOnProperty(prefix = "vidgate", name = "command", havingValue = "serve", matchIfMissing = true)
class Startup implements ApplicationRunner, AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(Startup.class);
    private static final String DEFAULT_TENANT = "default";

    private final KeyStore keys;
    private final Ledger ledger;
    private final Billing billing;
    private final InstantSource clock;
    private final Dispatcher dispatcher;
    private final ExpirySweeper sweeper;
    private final VidgateProperties props;
    private volatile Thread sweepLoop;

    Startup(KeyStore keys, Ledger ledger, Billing billing, InstantSource clock, Dispatcher dispatcher, ExpirySweeper sweeper,
            VidgateProperties props) {
        this.keys = keys;
        this.ledger = ledger;
        this.billing = billing;
        this.clock = clock;
        this.dispatcher = dispatcher;
        this.sweeper = sweeper;
        this.props = props;
    }

    @Override
    public void run(ApplicationArguments args) {
        bootstrapKey();
        for (String unpriced : billing.unpriced()) {
            log.warn("No price is set for {}: creates of it are refused until one is (vidgate prices set, or vidgate.billing.prices)", unpriced);
        }
        dispatcher.start();
        sweepLoop = Thread.ofVirtual().name("expiry-sweep").start(this::sweepForever);
    }

    private void bootstrapKey() {
        String chosen = props.bootstrapKey();
        if (chosen != null) {
            if (keys.authenticate(chosen).isEmpty()) {
                keys.create(new KeySpec(defaultTenant().name(), "bootstrap", chosen, props.maxConcurrentPerKey()));
                log.info("Created the API key from VIDGATE_BOOTSTRAP_KEY ({}) in tenant 'default'", Secrets.mask(chosen));
            }
            return;
        }
        if (keys.isEmpty()) {
            CreatedKey key = keys.create(new KeySpec(defaultTenant().name(), "bootstrap", null, props.maxConcurrentPerKey()));
            // Printed once, on the first start only: only its hash is stored.
            System.out.println();
            System.out.println("  Vidgate created your first API key (shown once, store it now):");
            System.out.println("    " + key.secret());
            System.out.println();
        }
    }

    /**
     * The operator's own tenant, made on the first start without a credit limit (postpaid: its use is
     * recorded but never refused). Customers' tenants, made through the admin API or the commands,
     * start prepaid with a balance of 0.
     */
    private Tenant defaultTenant() {
        Optional<Tenant> existing = keys.findTenant(DEFAULT_TENANT);
        if (existing.isPresent()) return existing.get();
        try {
            Tenant made = keys.createTenant(DEFAULT_TENANT, null);
            ledger.setLimits(made.id(), new SpendingLimits(Change.to(null), Change.keep(), Change.keep()), clock.instant());
            log.info("Created the tenant '{}' for the bootstrap key, without a credit limit", DEFAULT_TENANT);
            return made;
        } catch (IllegalArgumentException raced) {
            // Another node made it at the same moment.
            return keys.findTenant(DEFAULT_TENANT).orElseThrow(() -> raced);
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

package dev.vidgate.app;

import dev.vidgate.cluster.PeriodicDuties;
import dev.vidgate.billing.Billing;
import dev.vidgate.billing.Ledger;
import dev.vidgate.billing.SpendingLimits;
import dev.vidgate.common.Change;
import dev.vidgate.health.StorageHealth;
import dev.vidgate.jobs.Dispatcher;
import dev.vidgate.tenancy.CreatedKey;
import dev.vidgate.tenancy.KeySpec;
import dev.vidgate.tenancy.KeyStore;
import dev.vidgate.tenancy.Secrets;
import dev.vidgate.tenancy.Tenant;
import dev.vidgate.webhooks.WebhookDeliverer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Component;

import java.time.InstantSource;
import java.util.Optional;

/**
 * After the database is migrated: makes the first API key if there is none, then starts the storage
 * probes, the dispatcher and the webhook deliverer (on nodes with the worker role) and the periodic duties (on every node; one node at a
 * time runs each).
 */
@Component
@ConditionalOnProperty(prefix = "vidgate", name = "command", havingValue = "serve", matchIfMissing = true)
class Startup implements ApplicationRunner {
    private static final Logger log = LoggerFactory.getLogger(Startup.class);
    private static final String DEFAULT_TENANT = "default";

    private final KeyStore keys;
    private final Ledger ledger;
    private final Billing billing;
    private final InstantSource clock;
    private final Dispatcher dispatcher;
    private final PeriodicDuties duties;
    private final VidgateProperties props;
    private final StorageHealth storage;
    private final WebhookDeliverer webhooks;

    Startup(KeyStore keys, Ledger ledger, Billing billing, InstantSource clock, Dispatcher dispatcher, PeriodicDuties duties,
            VidgateProperties props, StorageHealth storage, WebhookDeliverer webhooks) {
        this.storage = storage;
        this.webhooks = webhooks;
        this.keys = keys;
        this.ledger = ledger;
        this.billing = billing;
        this.clock = clock;
        this.dispatcher = dispatcher;
        this.duties = duties;
        this.props = props;
    }

    @Override
    public void run(ApplicationArguments args) {
        bootstrapKey();
        for (String unpriced : billing.unpriced()) {
            log.warn("No price is set for {}: creates of it are refused until one is (vidgate prices set, or vidgate.billing.prices)", unpriced);
        }
        storage.start();
        if (props.runsWorkers()) {
            dispatcher.start();
            webhooks.start();
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
                    keys.create(new KeySpec(defaultTenant().name(), "bootstrap", chosen, props.maxConcurrentPerKey()));
                    log.info("Created the API key from VIDGATE_BOOTSTRAP_KEY ({}) in tenant 'default'", Secrets.mask(chosen));
                } catch (IllegalArgumentException | DataIntegrityViolationException raced) {
                    // "a key with this secret already exists": another node made it between our check and insert.
                    if (attempt >= 3) throw raced;
                }
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
}

package dev.vidgate.billing;

import dev.vidgate.common.ApiException;
import dev.vidgate.tenancy.TenancyErrors;
import dev.vidgate.catalog.Audio;
import dev.vidgate.catalog.ModelCatalog;
import dev.vidgate.catalog.PriceUnit;
import dev.vidgate.catalog.ModelSpec;
import dev.vidgate.catalog.VideoSize;

import java.time.InstantSource;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The use cases of money, shared by the admin API, the commands and {@code GET /v1/usage}: accounts
 * and their limits, top-ups and adjustments, prices, the ledger, usage and reconciliation. Tenants
 * are named by id here (callers resolve names); input is checked once, here.
 */
public final class Billing {
    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(Billing.class);

    /** The longest usage report: a year and a day. */
    public static final int MAX_USAGE_DAYS = 366;
    private static final int MAX_REASON = 500;

    private final Ledger ledger;
    private final PriceBook prices;
    private final ModelCatalog catalog;
    private final InstantSource clock;

    public Billing(Ledger ledger, PriceBook prices, ModelCatalog catalog, InstantSource clock) {
        this.ledger = ledger;
        this.prices = prices;
        this.catalog = catalog;
        this.clock = clock;
    }

    public Account account(String tenantId) {
        return ledger.account(tenantId, clock.instant()).orElseThrow(() -> new IllegalStateException("no tenant " + tenantId));
    }

    public Account setLimits(String tenantId, SpendingLimits limits) {
        validate(limits);
        return ledger.setLimits(tenantId, limits, clock.instant()).orElseThrow(() -> new IllegalStateException("no tenant " + tenantId));
    }

    /** Adds bought credits; {@code amount} is positive. */
    public Movement topUp(String tenantId, long amount, String reason, String requestKey) {
        if (amount <= 0 || amount > Money.MAX_AMOUNT) {
            throw ApiException.invalid("amount must be a whole number of micro-credits from 1 to " + Money.MAX_AMOUNT
                    + " for a top-up; use an adjustment to take credits away.", "amount", "invalid_amount");
        }
        return credit(tenantId, MovementKind.TOPUP, amount, reason, requestKey);
    }

    /** Corrects a balance by a non-zero amount of either sign. */
    public Movement adjust(String tenantId, long amount, String reason, String requestKey) {
        if (amount == 0 || Math.abs(amount) > Money.MAX_AMOUNT) {
            throw ApiException.invalid("amount must be a non-zero whole number of micro-credits between -" + Money.MAX_AMOUNT
                    + " and " + Money.MAX_AMOUNT + ".", "amount", "invalid_amount");
        }
        return credit(tenantId, MovementKind.ADJUSTMENT, amount, reason, requestKey);
    }

    private Movement credit(String tenantId, MovementKind kind, long amount, String reason, String requestKey) {
        if (reason == null || reason.isBlank() || reason.length() > MAX_REASON) {
            throw ApiException.invalid("reason is required: say in 1 to " + MAX_REASON + " characters why the balance changes.",
                    "reason", "missing_required_parameter");
        }
        if (requestKey != null && (requestKey.isBlank() || requestKey.length() > 300)) {
            throw ApiException.invalid("An Idempotency-Key is 1 to 300 characters.", "idempotency_key", "invalid_value");
        }
        try {
            return ledger.credit(new Credit(tenantId, kind, amount, reason.trim(), requestKey, clock.instant()));
        } catch (IllegalArgumentException e) {
            throw ApiException.invalid("The " + kind.wireName() + " was refused: " + e.getMessage() + ".", "amount", "invalid_amount");
        }
    }

    public List<Price> prices() {
        return prices.list();
    }

    /** Sets the operator's price of a model at a tier (see {@link PriceChange}); answers the price now in force. */
    public Price setPrice(PriceChange change) {
        PriceKey key = priceKey(change.model(), change.resolution());
        Optional<Price> current = prices.priceOf(key.model, key.resolution);
        PriceUnit unit = change.unit() == null ? current.map(Price::unit).orElse(key.spec.pricing().unit())
                : PriceUnit.parse(change.unit().trim()).orElseThrow(() -> ApiException.invalid("price_unit must be "
                        + PriceUnit.wireNames() + "; got '" + TenancyErrors.clip(change.unit()) + "'.", "price_unit", "invalid_value"));
        checkPrice(change.priceField(), change.price());
        Long surcharge = change.audioSurcharge().orElse(current.map(Price::audioSurcharge).orElse(null));
        if (change.audioSurcharge().value() != null) {
            if (key.spec.can().audio() != Audio.OPTIONAL) {
                throw ApiException.invalid("audio_surcharge applies only to a model whose sound is optional; " + key.spec.name()
                        + "'s audio is " + key.spec.can().audio().wireName() + ".", "audio_surcharge", "invalid_value");
            }
            checkPrice("audio_surcharge", surcharge);
        }
        return prices.set(key.model, key.resolution, unit, change.price(), surcharge, clock.instant());
    }

    private static void checkPrice(String field, long micros) {
        if (micros < 0 || micros > Money.MAX_PRICE_PER_SECOND) {
            throw ApiException.invalid(field + " must be a whole number of micro-credits from 0 to " + Money.MAX_PRICE_PER_SECOND + ".",
                    field, "invalid_amount");
        }
    }

    /** Removes the operator's price, so the configured default applies again; answers the price now in force. */
    public Optional<Price> resetPrice(String model, String resolution) {
        if (catalog.find(model == null ? "" : model.trim()).isEmpty()) {
            throw new ApiException(404, "invalid_request_error", "The model '" + TenancyErrors.clip(model) + "' does not exist.", "model",
                    "model_not_found", null);
        }
        PriceKey key = priceKey(model, resolution);
        prices.reset(key.model, key.resolution);
        return prices.list().stream().filter(p -> p.model().equals(key.model) && p.resolution().equals(key.resolution)).findFirst();
    }

    /** Every model and resolution of the catalog that has no price: creates of those are refused. */
    public List<String> unpriced() {
        List<String> missing = new ArrayList<>();
        for (ModelSpec m : catalog.models()) {
            m.can().resolutions().stream()
                    .filter(r -> prices.priceOf(m.name(), r).isEmpty())
                    .forEach(r -> missing.add(m.name() + " " + r));
        }
        return missing;
    }

    public List<Movement> movements(String tenantId, String afterId, int limit, boolean ascending) {
        if (afterId != null && ledger.movement(afterId).filter(m -> tenantId == null || m.tenantId().equals(tenantId)).isEmpty()) {
            throw ApiException.notFound("No ledger entry found with id '" + TenancyErrors.clip(afterId) + "'.", "after");
        }
        return ledger.movements(tenantId, afterId, limit, ascending);
    }

    /**
     * Usage of a tenant (or all tenants when null), optionally of one key, between two UTC days; null
     * days mean the last 30 days up to today.
     */
    public Usage usage(String tenantId, String keyId, LocalDate from, LocalDate to) {
        UsageRange range = UsageRange.of(from, to, clock);
        return new Usage(range.from(), range.to(), ledger.usage(new UsageQuery(tenantId, keyId, range.from(), range.to())));
    }

    public List<Discrepancy> reconcile() {
        return ledger.reconcile();
    }

    /** The periodic check (one node at a time runs it): logs every discrepancy; returns how many. */
    public int reconcileAndReport() {
        List<Discrepancy> found = ledger.reconcile();
        for (Discrepancy d : found) {
            log.error("ledger reconciliation: tenant {} video {}: {}", d.tenantId(), d.videoId(), d.problem());
        }
        return found.size();
    }

    private PriceKey priceKey(String model, String resolution) {
        ModelSpec spec = catalog.find(model == null ? "" : model.trim()).orElseThrow(() -> ApiException.invalid(
                "The model '" + TenancyErrors.clip(model) + "' does not exist; prices are set for the models of GET /v1/videos/models.",
                "model", "model_not_found"));
        List<String> offered = spec.can().resolutions();
        String wanted = resolution == null ? "" : resolution.trim();
        if (!offered.contains(wanted)) {
            // A size is accepted too ("1280x720"), as clients think in sizes.
            wanted = VideoSize.parse(wanted).map(spec::resolutionOf).filter(offered::contains).orElseThrow(() -> ApiException.invalid(
                    "Model " + spec.name() + " is offered at " + String.join(", ", offered) + "; got '" + TenancyErrors.clip(resolution) + "'.",
                    "resolution", "invalid_value"));
        }
        return new PriceKey(spec, spec.name(), wanted);
    }

    /** Checks limits before anything is written (a tenant is made, then given its limits). */
    public static void validate(SpendingLimits limits) {
        checkLimit("credit_limit", limits.creditLimit().orElse(null));
        checkLimit("daily_limit", limits.dailyLimit().orElse(null));
        checkLimit("monthly_limit", limits.monthlyLimit().orElse(null));
    }

    private static void checkLimit(String field, Long value) {
        if (value != null && (value < 0 || value > Money.MAX_AMOUNT)) {
            throw ApiException.invalid(field + " must be a whole number of micro-credits from 0 to " + Money.MAX_AMOUNT
                    + ", or null for no limit.", field, "invalid_amount");
        }
    }

    private record PriceKey(ModelSpec spec, String model, String resolution) {}
}

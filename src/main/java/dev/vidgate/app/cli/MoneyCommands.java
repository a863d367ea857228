package dev.vidgate.app.cli;

import dev.vidgate.billing.Billing;
import dev.vidgate.billing.Discrepancy;
import dev.vidgate.billing.Movement;
import dev.vidgate.billing.Price;
import dev.vidgate.billing.PriceChange;
import dev.vidgate.billing.Usage;
import dev.vidgate.billing.UsageRow;
import dev.vidgate.tenancy.ApiKey;
import dev.vidgate.tenancy.Tenants;

import java.io.PrintStream;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;

/** {@code vidgate credits|prices|usage|ledger}: money, as the admin API offers it. */
final class MoneyCommands {
    static final String USAGE = """
              vidgate credits topup --tenant NAME --amount AMOUNT --reason TEXT [--idempotency-key K]
              vidgate credits adjust --tenant NAME --amount AMOUNT --reason TEXT [--idempotency-key K]   (AMOUNT may be negative)
              vidgate prices list | prices set MODEL RESOLUTION AMOUNT_PER_UNIT | prices reset MODEL RESOLUTION
              vidgate usage [--tenant NAME] [--key KEY_ID] [--from YYYY-MM-DD] [--to YYYY-MM-DD]
              vidgate ledger list [--tenant NAME] [--limit N] | ledger reconcile
            AMOUNT is whole micro-credits (2500000) or credits (2.5cr).""";

    private final Tenants tenants;
    private final Billing billing;
    private final PrintStream out;

    MoneyCommands(Tenants tenants, Billing billing, PrintStream out) {
        this.tenants = tenants;
        this.billing = billing;
        this.out = out;
    }

    int credits(String action, Args args) {
        args.allow(0, "tenant", "amount", "reason", "idempotency-key");
        String tenantId = tenants.tenant(args.required("tenant")).id();
        long amount = Amounts.parse(args.required("amount"), "amount");
        String reason = args.required("reason");
        Movement m = switch (action) {
            case "topup" -> billing.topUp(tenantId, amount, reason, args.option("idempotency-key"));
            case "adjust" -> billing.adjust(tenantId, amount, reason, args.option("idempotency-key"));
            default -> throw new Args.UsageException("unknown action 'credits " + action + "'");
        };
        out.println(m.kind().wireName() + " " + m.id() + ": " + Amounts.show(m.amount()) + ", balance now " + Amounts.show(m.balanceAfter()));
        return 0;
    }

    int prices(String action, Args args) {
        switch (action) {
            case "list" -> args.allow(0);
            case "set" -> {
                args.allow(3);
                billing.setPrice(PriceChange.of(args.positional(0, "the model"), args.positional(1, "the resolution"),
                        Amounts.parse(args.positional(2, "the price per unit"), "price")));
            }
            case "reset" -> {
                args.allow(2);
                billing.resetPrice(args.positional(0, "the model"), args.positional(1, "the resolution"));
            }
            default -> throw new Args.UsageException("unknown action 'prices " + action + "'");
        }
        out.printf("%-14s %-10s %22s  %-13s %-18s %s%n", "MODEL", "RESOLUTION", "PRICE", "UNIT", "AUDIO SURCHARGE", "SOURCE");
        for (Price p : billing.prices()) {
            out.printf("%-14s %-10s %22s  %-13s %-18s %s%n", p.model(), p.resolution(), Amounts.show(p.price()), p.unit().wireName(),
                    p.audioSurcharge() == null ? "-" : Amounts.show(p.audioSurcharge()), p.overridden() ? "operator" : "default");
        }
        return 0;
    }

    int usage(Args args) {
        args.allow(0, "tenant", "key", "from", "to");
        String tenantId = tenants.idOrAll(args.option("tenant"));
        String keyId = null;
        if (args.option("key") != null) {
            ApiKey key = tenants.key(args.option("key"));
            keyId = key.id();
            if (tenantId == null) tenantId = key.tenantId();
        }
        Usage usage = billing.usage(tenantId, keyId, day(args, "from"), day(args, "to"));
        out.println("usage from " + usage.from() + " to " + usage.to() + " (UTC): " + usage.jobs() + " jobs, " + usage.seconds()
                + " seconds, " + Amounts.show(usage.credits()));
        out.printf("%-10s %-26s %-28s %-12s %-6s %5s %8s %18s%n", "DAY", "TENANT", "KEY", "MODEL", "RES", "JOBS", "SECONDS", "CREDITS");
        for (UsageRow r : usage.rows()) {
            out.printf("%-10s %-26s %-28s %-12s %-6s %5d %8d %18s%n", r.day(), r.tenantId(), r.keyId(), r.model(), r.resolution(),
                    r.jobs(), r.seconds(), Amounts.show(r.credits()));
        }
        if (tenantId != null) {
            out.println("balance: " + Amounts.show(billing.account(tenantId).balance()));
        }
        return 0;
    }

    int ledger(String action, Args args) {
        switch (action) {
            case "list" -> {
                args.allow(0, "tenant", "limit");
                String tenantId = tenants.idOrAll(args.option("tenant"));
                int limit = args.integer("limit") == null ? 20 : args.integer("limit");
                out.printf("%-28s %-26s %-10s %18s %18s  %-38s %s%n", "ID", "TENANT", "KIND", "AMOUNT", "BALANCE AFTER", "VIDEO", "REASON");
                List<Movement> rows = billing.movements(tenantId, null, Math.clamp(limit, 1, 1000), false);
                for (Movement m : rows) {
                    out.printf("%-28s %-26s %-10s %18s %18s  %-38s %s%n", m.id(), m.tenantId(), m.kind().wireName(),
                            Amounts.show(m.amount()), Amounts.show(m.balanceAfter()), m.videoId() == null ? "-" : m.videoId(),
                            m.reason() == null ? "" : m.reason());
                }
            }
            case "reconcile" -> {
                args.allow(0);
                List<Discrepancy> found = billing.reconcile();
                if (found.isEmpty()) {
                    out.println("balanced: every balance equals the sum of its ledger, and every finished job is settled or released once");
                    return 0;
                }
                for (Discrepancy d : found) {
                    out.println("tenant " + d.tenantId() + (d.videoId() == null ? "" : ", video " + d.videoId()) + ": " + d.problem());
                }
                return 1;
            }
            default -> throw new Args.UsageException("unknown action 'ledger " + action + "'");
        }
        return 0;
    }

    private static LocalDate day(Args args, String option) {
        String value = args.option(option);
        if (value == null) return null;
        try {
            return LocalDate.parse(value.trim());
        } catch (DateTimeParseException e) {
            throw new Args.UsageException("--" + option + " takes a day like 2026-11-05");
        }
    }
}

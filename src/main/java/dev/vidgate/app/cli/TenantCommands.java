package dev.vidgate.app.cli;

import dev.vidgate.billing.Account;
import dev.vidgate.billing.Billing;
import dev.vidgate.billing.SpendingLimits;
import dev.vidgate.common.Change;
import dev.vidgate.tenancy.Tenant;
import dev.vidgate.tenancy.TenantChanges;
import dev.vidgate.tenancy.Tenants;

import java.io.PrintStream;

/** {@code vidgate tenants create|list|show|update}. */
final class TenantCommands {
    static final String USAGE = """
              vidgate tenants create NAME [--credit-limit AMOUNT|none] [--daily-limit AMOUNT|none] [--monthly-limit AMOUNT|none] [--max-concurrent N]
              vidgate tenants list [--limit N]
              vidgate tenants show NAME
              vidgate tenants update NAME [--credit-limit ..] [--daily-limit ..] [--monthly-limit ..] [--max-concurrent N|none] [--disable|--enable]""";

    private final Tenants tenants;
    private final Billing billing;
    private final PrintStream out;

    TenantCommands(Tenants tenants, Billing billing, PrintStream out) {
        this.tenants = tenants;
        this.billing = billing;
        this.out = out;
    }

    int run(String action, Args args) {
        switch (action) {
            case "create" -> {
                args.allow(1, "credit-limit", "daily-limit", "monthly-limit", "max-concurrent");
                SpendingLimits limits = limits(args);
                Billing.validate(limits);
                Tenant t = tenants.createTenant(args.positional(0, "the tenant name"), args.integer("max-concurrent"));
                print(t, billing.setLimits(t.id(), limits));
            }
            case "list" -> {
                args.allow(0, "limit");
                int limit = args.integer("limit") == null ? 100 : args.integer("limit");
                out.printf("%-26s %-24s %-9s %16s %16s%n", "ID", "NAME", "STATUS", "BALANCE", "CREDIT LIMIT");
                for (Tenant t : tenants.tenants(null, Math.clamp(limit, 1, 1000), true)) {
                    Account a = billing.account(t.id());
                    out.printf("%-26s %-24s %-9s %16s %16s%n", t.id(), t.name(), status(t), Amounts.show(a.balance()),
                            Amounts.show(a.creditLimit()));
                }
            }
            case "show" -> {
                args.allow(1);
                Tenant t = tenants.tenant(args.positional(0, "the tenant name"));
                print(t, billing.account(t.id()));
            }
            case "update" -> {
                args.allow(1, "credit-limit", "daily-limit", "monthly-limit", "max-concurrent", "disable", "enable");
                if (args.has("disable") && args.has("enable")) throw new Args.UsageException("--disable and --enable exclude each other");
                SpendingLimits limits = limits(args);
                Billing.validate(limits);
                Change<Boolean> disabled = args.has("disable") ? Change.to(true) : args.has("enable") ? Change.to(false) : Change.keep();
                Tenant t = tenants.updateTenant(args.positional(0, "the tenant name"),
                        new TenantChanges(Amounts.count(args, "max-concurrent"), disabled));
                print(t, billing.setLimits(t.id(), limits));
            }
            default -> throw new Args.UsageException("unknown action 'tenants " + action + "'");
        }
        return 0;
    }

    private static SpendingLimits limits(Args args) {
        return new SpendingLimits(Amounts.limit(args, "credit-limit"), Amounts.limit(args, "daily-limit"),
                Amounts.limit(args, "monthly-limit"));
    }

    private void print(Tenant t, Account a) {
        out.println("tenant:          " + t.name() + " (" + t.id() + ")");
        out.println("status:          " + status(t));
        out.println("balance:         " + Amounts.show(a.balance()) + " (" + a.balance() + " micro-credits), held for running jobs: "
                + Amounts.show(a.held()));
        out.println("credit limit:    " + (a.creditLimit() == null ? "none (postpaid: use is recorded, never refused)"
                : a.creditLimit() == 0 ? "0 (prepaid: the balance must cover each job)" : Amounts.show(a.creditLimit())));
        out.println("daily limit:     " + Amounts.show(a.dailyLimit()) + " (spent today, UTC: " + Amounts.show(a.spentToday()) + ")");
        out.println("monthly limit:   " + Amounts.show(a.monthlyLimit()) + " (spent this month: " + Amounts.show(a.spentThisMonth()) + ")");
        out.println("key concurrency: " + (t.defaultMaxConcurrent() == null ? "server default" : t.defaultMaxConcurrent()));
    }

    private static String status(Tenant t) {
        return t.disabled() ? "disabled" : "enabled";
    }
}

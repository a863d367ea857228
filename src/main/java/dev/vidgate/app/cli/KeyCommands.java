package dev.vidgate.app.cli;

import dev.vidgate.common.Change;
import dev.vidgate.tenancy.ApiKey;
import dev.vidgate.tenancy.CreatedKey;
import dev.vidgate.tenancy.KeyChanges;
import dev.vidgate.tenancy.NewKey;
import dev.vidgate.tenancy.Tenants;

import java.io.PrintStream;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.TreeSet;

/** {@code vidgate keys create|list|show|update|disable|enable|rotate}. */
final class KeyCommands {
    static final String USAGE = """
              vidgate keys create --tenant NAME [--name LABEL] [--max-concurrent N] [--rpm N|none] [--max-queued N|none]
                                  [--models sora-2,sora-2-pro|all] [--expires 2027-01-01T00:00:00Z]
              vidgate keys list [--tenant NAME] [--limit N]
              vidgate keys show KEY_ID
              vidgate keys update KEY_ID [--name ..] [--max-concurrent N] [--rpm N|none] [--max-queued N|none] [--models ..|all] [--expires ..|never]
              vidgate keys disable KEY_ID | keys enable KEY_ID | keys rotate KEY_ID""";
    private static final String[] LIMITS = {"name", "max-concurrent", "rpm", "max-queued", "models", "expires"};

    private final Tenants tenants;
    private final PrintStream out;

    KeyCommands(Tenants tenants, PrintStream out) {
        this.tenants = tenants;
        this.out = out;
    }

    int run(String action, Args args) {
        switch (action) {
            case "create" -> {
                args.allow(0, concat(LIMITS, "tenant"));
                showSecret(tenants.createKey(new NewKey(args.required("tenant"), args.option("name"), args.integer("max-concurrent"),
                        Amounts.count(args, "rpm"), Amounts.count(args, "max-queued"), models(args).orElse(Set.of()),
                        expires(args).orElse(null))));
            }
            case "list" -> {
                args.allow(0, "tenant", "limit");
                int limit = args.integer("limit") == null ? 100 : args.integer("limit");
                out.printf("%-28s %-26s %-16s %-15s %-9s %5s %6s %7s%n", "ID", "TENANT", "NAME", "SECRET", "STATUS", "CONC", "RPM", "QUEUED");
                for (ApiKey k : tenants.keys(args.option("tenant"), null, Math.clamp(limit, 1, 1000), true)) {
                    out.printf("%-28s %-26s %-16s %-15s %-9s %5d %6s %7s%n", k.id(), k.tenantId(), k.name(), k.secretHint(),
                            k.disabled() ? "disabled" : "enabled", k.maxConcurrent(), orNone(k.requestsPerMinute()), orNone(k.maxQueued()));
                }
            }
            case "show" -> print(tenants.key(args.allow(1).positional(0, "the key id")));
            case "update" -> {
                args.allow(1, LIMITS);
                String name = args.option("name");
                Integer concurrency = args.integer("max-concurrent");
                print(tenants.updateKey(args.positional(0, "the key id"), new KeyChanges(name == null ? Change.keep() : Change.to(name),
                        concurrency == null ? Change.keep() : Change.to(concurrency), Amounts.count(args, "rpm"), Amounts.count(args, "max-queued"), models(args), expires(args), Change.keep())));
            }
            case "disable", "enable" -> print(tenants.updateKey(args.allow(1).positional(0, "the key id"),
                    KeyChanges.none().withDisabled(action.equals("disable"))));
            case "rotate" -> showSecret(tenants.rotateKey(args.allow(1).positional(0, "the key id")));
            default -> throw new Args.UsageException("unknown action 'keys " + action + "'");
        }
        return 0;
    }

    private void showSecret(CreatedKey key) {
        out.println("key id:  " + key.keyId());
        out.println("tenant:  " + key.tenantName() + " (" + key.tenantId() + ")");
        out.println("secret:  " + key.secret());
        out.println("(the secret is shown only now)");
    }

    private void print(ApiKey k) {
        out.println("key id:         " + k.id());
        out.println("tenant:         " + k.tenantId());
        out.println("name:           " + k.name());
        out.println("secret:         " + k.secretHint());
        out.println("status:         " + (k.disabled() ? "disabled" : "enabled"));
        out.println("max concurrent: " + k.maxConcurrent());
        out.println("requests/min:   " + orNone(k.requestsPerMinute()));
        out.println("max queued:     " + orNone(k.maxQueued()));
        out.println("models:         " + (k.allowedModels().isEmpty() ? "all" : String.join(", ", new TreeSet<>(k.allowedModels()))));
        out.println("expires:        " + (k.expiresAt() == null ? "never" : k.expiresAt()));
    }

    static Change<Set<String>> models(Args args) {
        String value = args.option("models");
        if (value == null) return Change.keep();
        if (value.trim().equalsIgnoreCase("all")) return Change.to(Set.of());
        Set<String> models = new LinkedHashSet<>();
        for (String m : value.split(",")) if (!m.isBlank()) models.add(m.trim());
        return Change.to(models);
    }

    static Change<Instant> expires(Args args) {
        String value = args.option("expires");
        if (value == null) return Change.keep();
        if (value.trim().equalsIgnoreCase("never")) return Change.to(null);
        try {
            return Change.to(Instant.parse(value.trim()));
        } catch (DateTimeParseException e) {
            throw new Args.UsageException("--expires takes a UTC time like 2027-01-01T00:00:00Z, or never");
        }
    }

    private static String orNone(Integer n) {
        return n == null ? "none" : n.toString();
    }

    private static String[] concat(String[] names, String... more) {
        String[] all = Arrays.copyOf(names, names.length + more.length);
        System.arraycopy(more, 0, all, names.length, more.length);
        return all;
    }
}

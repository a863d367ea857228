package dev.vidgate.app.cli;

import dev.vidgate.common.Change;
import dev.vidgate.tenancy.Tenants;
import dev.vidgate.webhooks.CreatedEndpoint;
import dev.vidgate.webhooks.Delivery;
import dev.vidgate.webhooks.Endpoint;
import dev.vidgate.webhooks.EventType;
import dev.vidgate.webhooks.Webhooks;

import java.io.PrintStream;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.stream.Collectors;

/** {@code vidgate webhooks create|list|show|update|enable|disable|delete|rotate|deliveries|redeliver}. */
final class WebhookCommands {
    static final String USAGE = """
              vidgate webhooks create --tenant NAME --url URL [--events video.completed,video.failed,video.cancelled] [--allow-private true]
              vidgate webhooks list [--tenant NAME] [--limit N]
              vidgate webhooks show ID | webhooks delete ID | webhooks rotate ID | webhooks enable ID | webhooks disable ID
              vidgate webhooks update ID [--url URL] [--events ..] [--allow-private true|false]
              vidgate webhooks deliveries ID [--limit N] | webhooks redeliver ID DELIVERY_ID""";

    private final Webhooks webhooks;
    private final Tenants tenants;
    private final PrintStream out;

    WebhookCommands(Webhooks webhooks, Tenants tenants, PrintStream out) {
        this.webhooks = webhooks;
        this.tenants = tenants;
        this.out = out;
    }

    int run(String action, Args args) {
        switch (action) {
            case "create" -> {
                args.allow(0, "tenant", "url", "events", "allow-private");
                showSecret(webhooks.create(tenants.tenant(args.required("tenant")).id(), args.required("url"), events(args),
                        bool(args, "allow-private")));
            }
            case "list" -> {
                args.allow(0, "tenant", "limit");
                int limit = args.integer("limit") == null ? 100 : args.integer("limit");
                out.printf("%-38s %-26s %-9s %-40s %s%n", "ID", "TENANT", "STATUS", "EVENTS", "URL");
                for (Endpoint e : webhooks.list(tenants.idOrAll(args.option("tenant")), null, Math.clamp(limit, 1, 1000), true)) {
                    out.printf("%-38s %-26s %-9s %-40s %s%n", e.id(), e.tenantId(), e.enabled() ? "enabled" : "disabled",
                            EventType.join(e.events()), e.url());
                }
            }
            case "show" -> print(webhooks.get(null, args.allow(1).positional(0, "the endpoint id")));
            case "update" -> {
                args.allow(1, "url", "events", "allow-private");
                Collection<String> events = events(args);
                print(webhooks.update(args.positional(0, "the endpoint id"),
                        args.has("url") ? Change.to(args.option("url")) : Change.keep(),
                        events == null ? Change.keep() : Change.to(events),
                        Change.keep(), args.has("allow-private") ? Change.to(bool(args, "allow-private")) : Change.keep()));
            }
            case "enable", "disable" -> print(webhooks.update(args.allow(1).positional(0, "the endpoint id"), Change.keep(), Change.keep(),
                    Change.to(action.equals("enable")), Change.keep()));
            case "delete" -> {
                String id = args.allow(1).positional(0, "the endpoint id");
                webhooks.delete(null, id);
                out.println("deleted " + id);
            }
            case "rotate" -> showSecret(webhooks.rotate(null, args.allow(1).positional(0, "the endpoint id")));
            case "deliveries" -> {
                args.allow(1, "limit");
                int limit = args.integer("limit") == null ? 20 : args.integer("limit");
                out.printf("%-36s %-16s %-40s %-10s %8s %6s %s%n", "WEBHOOK-ID", "TYPE", "VIDEO", "STATUS", "ATTEMPTS", "LAST", "ERROR");
                for (Delivery d : webhooks.deliveries(null, args.positional(0, "the endpoint id"), null, Math.clamp(limit, 1, 100), false)) {
                    out.printf("%-36s %-16s %-40s %-10s %8d %6s %s%n", d.id(), d.type().wire(), d.videoId(), d.status(), d.attempts(),
                            d.lastStatusCode() == null ? "-" : d.lastStatusCode(), d.lastError() == null ? "" : d.lastError());
                }
            }
            case "redeliver" -> {
                args.allow(2);
                Delivery d = webhooks.redeliver(args.positional(0, "the endpoint id"), args.positional(1, "the delivery id"));
                out.println("delivery " + d.id() + " is sent again now (same webhook-id)");
            }
            default -> throw new Args.UsageException("unknown action 'webhooks " + action + "'");
        }
        return 0;
    }

    private void showSecret(CreatedEndpoint created) {
        print(created.endpoint());
        out.println("secret:   " + created.secret());
        out.println("(the secret is shown only now)");
    }

    private void print(Endpoint e) {
        out.println("id:       " + e.id());
        out.println("tenant:   " + e.tenantId());
        out.println("url:      " + e.url());
        out.println("events:   " + EventType.join(e.events()));
        out.println("status:   " + (e.enabled() ? "enabled" : "disabled" + (e.disabledReason() == null ? "" : ": " + e.disabledReason())));
        out.println("private:  " + (e.allowPrivate() ? "allowed" : "refused"));
    }

    private static List<String> events(Args args) {
        String value = args.option("events");
        if (value == null) return null;
        return Arrays.stream(value.split(",")).map(String::trim).filter(s -> !s.isEmpty()).collect(Collectors.toList());
    }

    static boolean bool(Args args, String name) {
        String value = args.option(name);
        if (value == null) return false;
        return switch (value.trim().toLowerCase(java.util.Locale.ROOT)) {
            case "true", "yes" -> true;
            case "false", "no" -> false;
            default -> throw new Args.UsageException("--" + name + " takes true or false");
        };
    }
}

package dev.vidgate.app.cli;

import dev.vidgate.common.Change;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import java.io.PrintStream;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * The operator's commands while a server runs: the same command lines, sent to its admin API
 * ({@code docs/admin.md}) instead of opening the database, which an embedded H2 keeps locked. Each prints
 * the admin API's answer as JSON (one object; a key's secret is in it once, at create and rotate).
 */
final class RemoteCommands {
    private final AdminApi api;
    private final PrintStream out;
    private final PrintStream err;

    RemoteCommands(AdminApi api, PrintStream out, PrintStream err) {
        this.api = api;
        this.out = out;
        this.err = err;
    }

    int run(String group, String action, Args args) {
        JsonNode answer = switch (group) {
            case "tenants" -> tenants(action, args);
            case "keys" -> keys(action, args);
            case "credits" -> credits(action, args);
            case "prices" -> prices(action, args);
            case "usage" -> api.get("/usage" + AdminApi.query(with(args.allow(0, "tenant", "key", "from", "to"), "tenant", "key", "from", "to")));
            case "webhooks" -> webhooks(action, args);
            default -> ledger(action, args);
        };
        out.println(AdminApi.JSON.writerWithDefaultPrettyPrinter().writeValueAsString(answer));
        if (answer.has("secret")) err.println("(the secret is shown only now)");
        return answer.path("balanced").asBoolean(true) ? 0 : 1;
    }

    private JsonNode tenants(String action, Args args) {
        return switch (action) {
            case "create" -> {
                args.allow(1, "credit-limit", "daily-limit", "monthly-limit", "max-concurrent");
                ObjectNode body = limits(args).put("name", args.positional(0, "the tenant name"));
                if (args.integer("max-concurrent") != null) body.put("default_max_concurrent", args.integer("max-concurrent"));
                yield api.post("/tenants", body, null);
            }
            case "list" -> api.get("/tenants" + page(args.allow(0, "limit"), Map.of()));
            case "show" -> api.get("/tenants/" + AdminApi.segment(args.allow(1).positional(0, "the tenant name")));
            case "update" -> {
                args.allow(1, "credit-limit", "daily-limit", "monthly-limit", "max-concurrent", "disable", "enable");
                if (args.has("disable") && args.has("enable")) throw new Args.UsageException("--disable and --enable exclude each other");
                ObjectNode body = put(limits(args), "default_max_concurrent", Amounts.count(args, "max-concurrent"));
                if (args.has("disable") || args.has("enable")) body.put("disabled", args.has("disable"));
                yield api.post("/tenants/" + AdminApi.segment(args.positional(0, "the tenant name")), body, null);
            }
            default -> throw new Args.UsageException("unknown action 'tenants " + action + "'");
        };
    }

    private JsonNode keys(String action, Args args) {
        return switch (action) {
            case "create" -> {
                args.allow(0, "tenant", "name", "max-concurrent", "rpm", "max-queued", "models", "expires");
                yield api.post("/keys", keyFields(args).put("tenant", args.required("tenant")), null);
            }
            case "list" -> api.get("/keys" + page(args.allow(0, "tenant", "limit"), with(args, "tenant")));
            case "show" -> api.get("/keys/" + AdminApi.segment(args.allow(1).positional(0, "the key id")));
            case "update" -> {
                args.allow(1, "name", "max-concurrent", "rpm", "max-queued", "models", "expires");
                yield api.post("/keys/" + AdminApi.segment(args.positional(0, "the key id")), keyFields(args), null);
            }
            case "disable", "enable" -> api.post("/keys/" + AdminApi.segment(args.allow(1).positional(0, "the key id")),
                    AdminApi.JSON.createObjectNode().put("disabled", action.equals("disable")), null);
            case "rotate" -> api.post("/keys/" + AdminApi.segment(args.allow(1).positional(0, "the key id")) + "/rotate",
                    AdminApi.JSON.createObjectNode(), null);
            default -> throw new Args.UsageException("unknown action 'keys " + action + "'");
        };
    }

    private JsonNode credits(String action, Args args) {
        args.allow(0, "tenant", "amount", "reason", "idempotency-key");
        String path = switch (action) {
            case "topup" -> "/topups";
            case "adjust" -> "/adjustments";
            default -> throw new Args.UsageException("unknown action 'credits " + action + "'");
        };
        ObjectNode body = AdminApi.JSON.createObjectNode().put("amount", Amounts.parse(args.required("amount"), "amount"))
                .put("reason", args.required("reason"));
        return api.post("/tenants/" + AdminApi.segment(args.required("tenant")) + path, body, args.option("idempotency-key"));
    }

    private JsonNode prices(String action, Args args) {
        return switch (action) {
            case "list" -> {
                args.allow(0);
                yield api.get("/prices");
            }
            case "set" -> api.post("/prices", AdminApi.JSON.createObjectNode()
                    .put("model", args.allow(3).positional(0, "the model")).put("resolution", args.positional(1, "the resolution"))
                    .put("price", Amounts.parse(args.positional(2, "the price per unit"), "price")), null);
            case "reset" -> api.delete("/prices/" + AdminApi.segment(args.allow(2).positional(0, "the model")) + "/"
                    + AdminApi.segment(args.positional(1, "the resolution")));
            default -> throw new Args.UsageException("unknown action 'prices " + action + "'");
        };
    }

    private JsonNode webhooks(String action, Args args) {
        return switch (action) {
            case "create" -> {
                args.allow(0, "tenant", "url", "events", "allow-private");
                yield api.post("/webhooks", webhookFields(args).put("tenant", args.required("tenant")).put("url", args.required("url")), null);
            }
            case "list" -> api.get("/webhooks" + page(args.allow(0, "tenant", "limit"), with(args, "tenant")));
            case "show" -> api.get(endpoint(args.allow(1)));
            case "update" -> {
                args.allow(1, "url", "events", "allow-private");
                ObjectNode body = webhookFields(args);
                if (args.option("url") != null) body.put("url", args.option("url"));
                yield api.post(endpoint(args), body, null);
            }
            case "enable", "disable" -> api.post(endpoint(args.allow(1)),
                    AdminApi.JSON.createObjectNode().put("enabled", action.equals("enable")), null);
            case "delete" -> api.delete(endpoint(args.allow(1)));
            case "rotate" -> api.post(endpoint(args.allow(1)) + "/rotate", AdminApi.JSON.createObjectNode(), null);
            case "deliveries" -> api.get(endpoint(args.allow(1, "limit")) + "/deliveries" + page(args, Map.of()));
            case "redeliver" -> api.post(endpoint(args.allow(2)) + "/deliveries/" + AdminApi.segment(args.positional(1, "the delivery id"))
                    + "/redeliver", AdminApi.JSON.createObjectNode(), null);
            default -> throw new Args.UsageException("unknown action 'webhooks " + action + "'");
        };
    }

    private static String endpoint(Args args) {
        return "/webhooks/" + AdminApi.segment(args.positional(0, "the endpoint id"));
    }

    private static ObjectNode webhookFields(Args args) {
        ObjectNode body = AdminApi.JSON.createObjectNode();
        if (args.option("events") != null) {
            var events = body.putArray("events");
            for (String event : args.option("events").split(",")) if (!event.isBlank()) events.add(event.trim());
        }
        if (args.option("allow-private") != null) body.put("allow_private", WebhookCommands.bool(args, "allow-private"));
        return body;
    }

    private JsonNode ledger(String action, Args args) {
        return switch (action) {
            case "list" -> api.get("/ledger" + page(args.allow(0, "tenant", "limit"), with(args, "tenant")));
            case "reconcile" -> {
                args.allow(0);
                yield api.get("/reconciliation");
            }
            default -> throw new Args.UsageException("unknown action 'ledger " + action + "'");
        };
    }

    private static ObjectNode keyFields(Args args) {
        ObjectNode body = AdminApi.JSON.createObjectNode();
        if (args.option("name") != null) body.put("name", args.option("name"));
        if (args.integer("max-concurrent") != null) body.put("max_concurrent", args.integer("max-concurrent"));
        put(body, "requests_per_minute", Amounts.count(args, "rpm"));
        put(body, "max_queued", Amounts.count(args, "max-queued"));
        Change<Set<String>> models = KeyCommands.models(args);
        if (models.present()) models.value().forEach(body.putArray("allowed_models")::add);
        put(body, "expires_at", KeyCommands.expires(args).map(Instant::getEpochSecond));
        return body;
    }

    private static ObjectNode limits(Args args) {
        ObjectNode body = AdminApi.JSON.createObjectNode();
        put(body, "credit_limit", Amounts.limit(args, "credit-limit"));
        put(body, "daily_limit", Amounts.limit(args, "daily-limit"));
        return put(body, "monthly_limit", Amounts.limit(args, "monthly-limit"));
    }

    /** Sets {@code field} when the change says so: a number, or null to clear it. */
    private static ObjectNode put(ObjectNode body, String field, Change<? extends Number> change) {
        if (!change.present()) return body;
        if (change.value() == null) body.putNull(field);
        else body.put(field, change.value().longValue());
        return body;
    }

    /** The admin lists answer at most 100 rows a page. */
    private static String page(Args args, Map<String, String> params) {
        Map<String, Object> all = new LinkedHashMap<>(params);
        if (args.integer("limit") != null) all.put("limit", Math.clamp(args.integer("limit"), 1, 100));
        return AdminApi.query(all);
    }

    private static Map<String, String> with(Args args, String... options) {
        Map<String, String> params = new LinkedHashMap<>();
        for (String option : options) params.put(option, args.option(option));
        return params;
    }
}

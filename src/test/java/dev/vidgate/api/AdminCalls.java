package dev.vidgate.api;

import dev.vidgate.testsupport.RawHttp;
import dev.vidgate.testsupport.TestServer;
import tools.jackson.databind.JsonNode;

import static dev.vidgate.testsupport.ApiCalls.ok;

/** Test setup through the admin API, the way an operator makes tenants and keys. */
final class AdminCalls {
    private final RawHttp http;

    AdminCalls(TestServer server) {
        this(new RawHttp(server.baseUrl(), TestServer.ADMIN_KEY));
    }

    /** Calls through {@code http}, which must carry the admin key. */
    AdminCalls(RawHttp http) {
        this.http = http;
    }

    RawHttp http() {
        return http;
    }

    /** A tenant; {@code fields} are extra JSON members such as {@code "daily_limit": 100}. */
    JsonNode tenant(String name, String fields) {
        return ok(http.postJson("/admin/v1/tenants", "{\"name\":\"" + name + "\"" + (fields.isEmpty() ? "" : "," + fields) + "}"));
    }

    /** A key of a tenant, with extra JSON members; answers the whole creation answer (with the secret). */
    JsonNode key(String tenant, String fields) {
        return ok(http.postJson("/admin/v1/keys", "{\"tenant\":\"" + tenant + "\"" + (fields.isEmpty() ? "" : "," + fields) + "}"));
    }

    String secret(String tenant, String fields) {
        return key(tenant, fields).get("secret").asString();
    }

    /** A new tenant with {@code balance} micro-credits and one key of it (extra JSON members for the key); answers its secret. */
    String fundedKey(String tenant, long balance, String keyFields) {
        tenant(tenant, "");
        if (balance > 0) topUp(tenant, balance);
        return secret(tenant, keyFields);
    }

    JsonNode topUp(String tenant, long amount) {
        return ok(http.postJson("/admin/v1/tenants/" + tenant + "/topups", "{\"amount\":" + amount + ",\"reason\":\"test top-up\"}"));
    }

    JsonNode account(String tenant) {
        return ok(http.get("/admin/v1/tenants/" + tenant)).get("account");
    }
}

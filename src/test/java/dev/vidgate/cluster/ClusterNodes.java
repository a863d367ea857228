package dev.vidgate.cluster;

import dev.vidgate.testsupport.NodeProcess;
import dev.vidgate.testsupport.RawHttp;
import tools.jackson.databind.ObjectMapper;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Node processes sharing one PostgreSQL database, for the cluster test and the cluster benchmark. */
final class ClusterNodes implements AutoCloseable {
    static final String API_KEY = "sk-cluster-bootstrap-0123456789abcdefghij";
    static final String ADMIN_KEY = "sk-cluster-admin-0123456789abcdefghijklm";

    final List<NodeProcess> nodes = new ArrayList<>();
    private final Map<String, String> settings = new HashMap<>();
    private final Path root;

    ClusterNodes(String jdbcUrl, Path root, Map<String, String> extra) {
        this.root = root;
        settings.put("spring.datasource.url", jdbcUrl);
        settings.put("spring.datasource.username", "postgres");
        settings.put("spring.datasource.password", "postgres");
        settings.put("vidgate.bootstrap-key", API_KEY);
        settings.put("vidgate.admin-key", ADMIN_KEY);
        settings.put("vidgate.lease", "6s");
        settings.put("vidgate.worker-slots", "2");
        settings.put("vidgate.render-threads", "1");
        settings.putAll(extra);
    }

    /** Starts one node more. */
    NodeProcess add(String name) {
        NodeProcess node = NodeProcess.start(name, root, settings);
        nodes.add(node);
        return node;
    }

    /** Starts nodes all at once, as an orchestrator would: they race to migrate and to create the bootstrap key. */
    void addTogether(String... names) throws Exception {
        try (var starting = java.util.concurrent.Executors.newVirtualThreadPerTaskExecutor()) {
            List<java.util.concurrent.Future<NodeProcess>> started = new ArrayList<>();
            for (String name : names) started.add(starting.submit(() -> NodeProcess.start(name, root, settings)));
            for (var node : started) nodes.add(node.get());
        }
    }

    /** Starts a stopped or killed node again under its old name. */
    NodeProcess restart(NodeProcess old) {
        NodeProcess node = NodeProcess.start(old.name(), root, settings);
        nodes.set(nodes.indexOf(old), node);
        return node;
    }

    /** A new prepaid tenant with a million credits and one API key, made through the admin API of {@code node}. */
    static String createKey(NodeProcess node, String tenant) {
        RawHttp admin = new RawHttp(node.baseUrl(), ADMIN_KEY);
        expectOk(admin.postJson("/admin/v1/tenants", "{\"name\":\"" + tenant + "\"}"));
        expectOk(admin.postJson("/admin/v1/tenants/" + tenant + "/topups", "{\"amount\":1000000000000,\"reason\":\"cluster test\"}"));
        var key = expectOk(admin.postJson("/admin/v1/keys", "{\"tenant\":\"" + tenant + "\",\"name\":\"" + tenant + "\"}"));
        return new ObjectMapper().readTree(key.body()).get("secret").asString();
    }

    /** The ledger check of the admin API: true when every balance equals its ledger and no job is held or billed wrongly. */
    static String reconciliation(NodeProcess node) {
        return expectOk(new RawHttp(node.baseUrl(), ADMIN_KEY).get("/admin/v1/reconciliation")).body();
    }

    private static java.net.http.HttpResponse<String> expectOk(java.net.http.HttpResponse<String> response) {
        if (response.statusCode() != 200) {
            throw new IllegalStateException(response.request().uri() + " answered " + response.statusCode() + ": " + response.body());
        }
        return response;
    }

    @Override
    public void close() {
        nodes.forEach(NodeProcess::close);
    }
}

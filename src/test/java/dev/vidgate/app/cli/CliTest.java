package dev.vidgate.app.cli;

import dev.vidgate.app.VidgateApplication;
import dev.vidgate.testsupport.RawHttp;
import dev.vidgate.testsupport.TestDatabases;
import dev.vidgate.testsupport.TestServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The operator's commands, run in-process as {@code java -jar vidgate.jar ...} runs them, against a fresh
 * embedded database that a server then opens: what they made is what the server serves.
 */
class CliTest {
    @TempDir
    Path dataDir;

    @Test
    void anOperatorMakesATenantFundsItPricesAndKeysItAndTheServerHonoursItAll() {
        Run tenant = run("tenants", "create", "acme", "--daily-limit", "10cr");
        assertThat(tenant.code).as(tenant.err).isZero();
        assertThat(tenant.out).contains("tenant:          acme (ten_").contains("credit limit:    0 (prepaid")
                .contains("daily limit:     10 credits");

        Run topUp = run("credits", "topup", "--tenant", "acme", "--amount", "2.5cr", "--reason", "invoice 7");
        assertThat(topUp.code).as(topUp.err).isZero();
        assertThat(topUp.out).contains("topup led_").contains("balance now 2.5 credits");

        Run price = run("prices", "set", "sora-2", "720p", "120000");
        assertThat(price.out).containsPattern("sora-2 +720p +0\\.12 credits +per_second +- +operator");

        Run key = run("keys", "create", "--tenant", "acme", "--name", "ci", "--rpm", "30", "--models", "sora-2");
        assertThat(key.code).as(key.err).isZero();
        Matcher m = Pattern.compile("secret:  (sk-vg-\\S+)").matcher(key.out);
        assertThat(m.find()).isTrue();
        String secret = m.group(1);

        Run keys = run("keys", "list", "--tenant", "acme");
        assertThat(keys.out).contains(secret.substring(0, 5) + "..." + secret.substring(secret.length() - 4)).doesNotContain(secret);

        try (TestServer server = TestServer.start(dataDir)) {
            var user = new RawHttp(server.baseUrl(), secret);
            assertThat(user.postJson("/v1/videos", "{\"prompt\":\"from the command line\",\"seconds\":\"8\",\"size\":\"1280x720\"}")
                    .statusCode()).isEqualTo(200);
            // 8 s at the operator's 0.12 credits per second, held.
            assertThat(user.get("/v1/usage").body()).contains("\"balance\":1540000");
            assertThat(user.postJson("/v1/videos", "{\"prompt\":\"p\",\"model\":\"sora-2-pro\"}").statusCode()).isEqualTo(403);
        }

        Run usage = run("usage", "--tenant", "acme");
        assertThat(usage.code).as(usage.err).isZero();
        assertThat(usage.out).contains("balance: 1.54 credits");
        Run reconcile = run("ledger", "reconcile");
        assertThat(reconcile.code).as(reconcile.out).isZero();
        assertThat(reconcile.out).startsWith("balanced");
    }

    @Test
    void badInputIsRefusedWithAClearMessageAndExitCode2() {
        assertThat(run("tenants", "create", "acme").code).isZero();
        Run negative = run("credits", "topup", "--tenant", "acme", "--amount", "-5", "--reason", "x");
        assertThat(negative.code).isEqualTo(2);
        assertThat(negative.err).contains("amount must be a whole number of micro-credits from 1");
        Run duplicate = run("tenants", "create", "acme");
        assertThat(duplicate.code).isEqualTo(2);
        assertThat(duplicate.err).contains("already exists");
        Run unknown = run("keys", "create", "--tenant", "nobody");
        assertThat(unknown.code).isEqualTo(2);
        assertThat(unknown.err).contains("No tenant found");
        Run fraction = run("credits", "adjust", "--tenant", "acme", "--amount", "0.0000001cr", "--reason", "x");
        assertThat(fraction.code).isEqualTo(2);
        assertThat(fraction.err).contains("--amount takes whole micro-credits");
        Run typo = run("tenants", "show", "acme", "--colour", "red");
        assertThat(typo.code).isEqualTo(2);
        assertThat(typo.err).contains("unknown option --colour");
        assertThat(run("ledger", "list", "--tenant", "acme").out).doesNotContain("led_");
    }

    @Test
    void whileAServerRunsEveryCommandGoesThroughItsAdminApi() {
        try (TestServer server = TestServer.start(dataDir)) {
            Map<String, String> env = Map.of("VIDGATE_URL", server.baseUrl() + "/", "VIDGATE_ADMIN_KEY", TestServer.ADMIN_KEY);
            assertThat(json(run(env, "tenants", "create", "acme", "--credit-limit", "1cr", "--max-concurrent", "3"))
                    .path("account").path("credit_limit").asLong()).isEqualTo(1_000_000);
            assertThat(json(run(env, "tenants", "update", "acme", "--disable", "--monthly-limit", "none")).path("disabled").asBoolean()).isTrue();
            assertThat(json(run(env, "tenants", "update", "acme", "--enable")).path("disabled").asBoolean()).isFalse();
            assertThat(json(run(env, "tenants", "show", "acme")).path("default_max_concurrent").asInt()).isEqualTo(3);
            assertThat(json(run(env, "tenants", "list", "--limit", "500")).path("data").findValuesAsString("name")).contains("acme", "default");

            String keyId = json(run(env, "keys", "create", "--tenant", "acme", "--rpm", "none", "--expires", "2099-01-01T00:00:00Z"))
                    .path("id").asString();
            JsonNode updated = json(run(env, "keys", "update", keyId, "--name", "renamed", "--models", "sora-2", "--max-queued", "7"));
            assertThat(updated.path("name").asString()).isEqualTo("renamed");
            assertThat(updated.path("allowed_models").toString()).isEqualTo("[\"sora-2\"]");
            assertThat(updated.path("requests_per_minute").isNull()).isTrue();
            assertThat(updated.path("expires_at").asLong()).isEqualTo(4070908800L);
            assertThat(json(run(env, "keys", "disable", keyId)).path("disabled").asBoolean()).isTrue();
            assertThat(json(run(env, "keys", "enable", keyId)).path("disabled").asBoolean()).isFalse();
            assertThat(json(run(env, "keys", "show", keyId)).path("max_queued").asInt()).isEqualTo(7);
            Run rotated = run(env, "keys", "rotate", keyId);
            assertThat(json(rotated).path("secret").asString()).startsWith("sk-vg-");
            assertThat(rotated.err).contains("shown only now");
            assertThat(json(run(env, "keys", "list", "--tenant", "acme")).path("data").findValuesAsString("id")).containsExactly(keyId);

            Run hook = run(env, "webhooks", "create", "--tenant", "acme", "--url", "http://127.0.0.1:9/hooks", "--allow-private", "true");
            String hookId = json(hook).path("id").asString();
            assertThat(json(hook).path("secret").asString()).startsWith("whsec_");
            assertThat(hook.err).contains("shown only now");
            assertThat(json(run(env, "webhooks", "disable", hookId)).path("enabled").asBoolean()).isFalse();
            assertThat(json(run(env, "webhooks", "list", "--tenant", "acme")).path("data").findValuesAsString("id")).containsExactly(hookId);

            assertThat(json(run(env, "credits", "topup", "--tenant", "acme", "--amount", "3cr", "--reason", "r", "--idempotency-key", "k1"))
                    .path("balance_after").asLong()).isEqualTo(3_000_000);
            assertThat(json(run(env, "credits", "topup", "--tenant", "acme", "--amount", "3cr", "--reason", "r", "--idempotency-key", "k1"))
                    .path("balance_after").asLong()).as("the same idempotency key moves money once").isEqualTo(3_000_000);
            assertThat(json(run(env, "credits", "adjust", "--tenant", "acme", "--amount", "-500000", "--reason", "r"))
                    .path("balance_after").asLong()).isEqualTo(2_500_000);
            assertThat(json(run(env, "prices", "set", "sora-2", "720p", "0.2cr")).path("price").asLong()).isEqualTo(200_000);
            assertThat(json(run(env, "prices", "list")).path("data").findValuesAsString("source")).contains("operator", "default");
            assertThat(json(run(env, "prices", "reset", "sora-2", "720p")).path("source").asString()).isEqualTo("default");
            assertThat(json(run(env, "usage", "--tenant", "acme")).path("account").path("balance").asLong()).isEqualTo(2_500_000);
            assertThat(json(run(env, "ledger", "list", "--tenant", "acme", "--limit", "5")).path("data").findValuesAsString("kind"))
                    .containsExactly("adjustment", "topup");
            Run reconcile = run(env, "ledger", "reconcile");
            assertThat(reconcile.code).as(reconcile.err).isZero();
            assertThat(json(reconcile).path("balanced").asBoolean()).isTrue();

            Run refused = run(env, "credits", "topup", "--tenant", "nobody", "--amount", "1", "--reason", "r");
            assertThat(refused.code).isEqualTo(2);
            assertThat(refused.err).startsWith("error: ").contains("(HTTP 404)");
            Run wrongKey = run(Map.of("VIDGATE_URL", server.baseUrl(), "VIDGATE_ADMIN_KEY", "sk-not-the-admin-key-0123456789"), "tenants", "list");
            assertThat(wrongKey.code).isEqualTo(2);
            assertThat(wrongKey.err).contains("(HTTP 401)");
            Run noKey = run(Map.of("VIDGATE_URL", server.baseUrl()), "tenants", "list");
            assertThat(noKey.code).isEqualTo(2);
            assertThat(noKey.err).contains("VIDGATE_ADMIN_KEY is not");
        }
    }

    @Test
    void anOperatorRegistersAWebhookOnlyTheFlagLetsReachAPrivateAddressAndTheSecretIsShownOnce() {
        assertThat(run("tenants", "create", "acme").code).isZero();

        Run refused = run("webhooks", "create", "--tenant", "acme", "--url", "http://127.0.0.1:9/hooks");
        assertThat(refused.code).isEqualTo(2);
        assertThat(refused.err).contains("private, loopback or link-local address");

        Run made = run("webhooks", "create", "--tenant", "acme", "--url", "http://127.0.0.1:9/hooks", "--events",
                "video.completed,video.cancelled", "--allow-private", "true");
        assertThat(made.code).as(made.err).isZero();
        Matcher id = Pattern.compile("id: +(whep_[0-9a-f]+)").matcher(made.out);
        Matcher secret = Pattern.compile("secret: +(whsec_\\S+)").matcher(made.out);
        assertThat(id.find()).isTrue();
        assertThat(secret.find()).isTrue();
        assertThat(made.out).contains("events:   video.completed,video.cancelled").contains("private:  allowed");

        Run list = run("webhooks", "list", "--tenant", "acme");
        assertThat(list.out).contains(id.group(1)).doesNotContain(secret.group(1));
        Run rotated = run("webhooks", "rotate", id.group(1));
        assertThat(rotated.out).contains("secret:   whsec_").doesNotContain(secret.group(1));
        assertThat(run("webhooks", "disable", id.group(1)).out).contains("status:   disabled");
        assertThat(run("webhooks", "delete", id.group(1)).code).isZero();
        assertThat(run("webhooks", "show", id.group(1)).code).isEqualTo(2);
    }

    @Test
    void anOperatorCompactsTheEmbeddedDatabaseFileWithTheServerStoppedAndEverythingInItStays() throws Exception {
        // (while a server runs, H2's file lock refuses the command: CommandLineTest, with real processes)
        assertThat(run("tenants", "create", "acme").code).isZero();
        // a few thousand commits, as a server's day of claims and polls makes: each writes to new space, and what the
        // dropped table held is dead, yet the file keeps it all. (Closing compacts for 200 ms, which gets through a
        // file this small but not a large one: off here, so that the file stays as a busy server leaves it.)
        Path file = dataDir.resolve("db/vidgate.mv.db");
        String url = "jdbc:h2:file:" + dataDir.resolve("db/vidgate") + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;WRITE_DELAY=0;MAX_COMPACT_TIME=0";
        try (Connection c = DriverManager.getConnection(url, "sa", "")) {
            c.createStatement().execute("CREATE TABLE scratch (id INT PRIMARY KEY, filler VARCHAR(1000))");
            try (PreparedStatement insert = c.prepareStatement("INSERT INTO scratch VALUES (?, REPEAT('x', 1000))")) {
                for (int i = 0; i < 3000; i++) {
                    insert.setInt(1, i);
                    insert.executeUpdate();
                }
            }
            c.createStatement().execute("DROP TABLE scratch");
        }
        long before = Files.size(file);
        assertThat(before).isGreaterThan(20L << 20);

        Run compacted = run("database", "compact");
        assertThat(compacted.code).as(compacted.err).isZero();
        long after = Files.size(file);
        assertThat(after).isLessThan(before / 4);
        assertThat(compacted.out).isEqualTo(String.format("compacted %s: %,d MB -> %,d MB%n", file.toAbsolutePath(), before >> 20, after >> 20));
        assertThat(run("tenants", "show", "acme").out).contains("tenant:          acme (ten_");

        Run unknown = run("database", "vacuum");
        assertThat(unknown.code).isEqualTo(2);
        assertThat(unknown.err).contains("unknown action 'database vacuum'");
    }

    @Test
    void compactingIsRefusedOnPostgresqlWhichReclaimsSpaceItself() {
        Run refused = run("database", "compact", "--spring.datasource.url=" + TestDatabases.freshPostgresUrl(),
                "--spring.datasource.username=postgres", "--spring.datasource.password=postgres");
        assertThat(refused.code).isEqualTo(2);
        assertThat(refused.err).contains("database compact is for the embedded H2 database; this one is PostgreSQL");
    }

    private static JsonNode json(Run run) {
        assertThat(run.code).as(run.err).isZero();
        return JsonMapper.builder().build().readTree(run.out);
    }

    private Run run(String... words) {
        return run(Map.of(), words);
    }

    private Run run(Map<String, String> env, String... words) {
        List<String> args = new ArrayList<>(List.of(words));
        args.add("--vidgate.data-dir=" + dataDir);
        var out = new ByteArrayOutputStream();
        var err = new ByteArrayOutputStream();
        int code = Cli.run(VidgateApplication.class, args.toArray(String[]::new), env, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    private record Run(int code, String out, String err) {}
}

package dev.vidgate.api;

import dev.vidgate.testsupport.RawHttp;
import dev.vidgate.testsupport.TestServer;
import dev.vidgate.testsupport.TestServerExtension;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import tools.jackson.databind.JsonNode;

import java.io.IOException;
import java.io.StringReader;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;

import static dev.vidgate.testsupport.ApiAssertions.assertError;
import static dev.vidgate.testsupport.ApiCalls.ok;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The usage dashboard's routes over real HTTP: statistics of a tenant (its own only) and of the operator, checked against
 * jobs and money the test made, the range's limits, and the CSV exports' shape. The server has no worker, so every job
 * stays queued or cancelled: each 4 s sora-2 job holds 400,000 micro-credits, and a cancel gives them back.
 */
class UsageStatsApiTest {
    private static final String REASON = "opening \"balance\", with a comma";

    @RegisterExtension
    static final TestServerExtension server = TestServerExtension.h2().with("vidgate.roles", "api");
    static final RawHttp admin = server.http(TestServer.ADMIN_KEY);
    static RawHttp studio;
    static String today;

    @BeforeAll
    static void aTenantWithThreeJobsOneCancelledAndARivalWithOne() {
        var calls = new AdminCalls(admin);
        calls.tenant("studio", "");
        ok(admin.postJson("/admin/v1/tenants/studio/topups", "{\"amount\":10000000,\"reason\":\"" + REASON.replace("\"", "\\\"") + "\"}"));
        studio = server.http(calls.secret("studio", ""));
        RawHttp rival = server.http(calls.fundedKey("rival", 10_000_000, ""));
        today = LocalDate.ofInstant(server.clock().instant(), ZoneOffset.UTC).toString();
        for (int i = 0; i < 3; i++) {
            String id = ok(studio.postJson("/v1/videos", "{\"prompt\":\"stats " + i + "\",\"seconds\":\"4\"}")).get("id").asString();
            if (i == 0) ok(studio.post("/v1/videos/" + id + "/cancel", "application/json", new byte[0]));
        }
        ok(rival.postJson("/v1/videos", "{\"prompt\":\"the rival's\",\"seconds\":\"8\"}"));
    }

    @Test
    void aTenantsStatisticsCountItsOwnJobsAndMoneyOverTheRange() {
        JsonNode stats = ok(studio.get("/v1/usage/stats"));
        assertThat(stats.get("object").asString()).isEqualTo("usage.stats");
        assertThat(stats.get("to").asString()).isEqualTo(today);
        assertThat(stats.get("from").asString()).isEqualTo(LocalDate.parse(today).minusDays(29).toString());
        assertOnlyTheStudiosFigures(stats);
        assertOnlyTheStudiosFigures(ok(admin.get("/admin/v1/usage/stats?tenant=studio&from=" + today + "&to=" + today)));
    }

    @Test
    void theOperatorsStatisticsOfEveryTenantIncludeTheRivals() {
        JsonNode all = ok(admin.get("/admin/v1/usage/stats"));
        assertThat(all.get("tenant_id").isNull()).isTrue();
        assertThat(all.get("jobs").get("queued").asLong()).isEqualTo(3);
        assertThat(all.get("spend").get(0).get("held").asLong()).isEqualTo(3 * 400_000 + 800_000);
    }

    @Test
    void aRangeThatIsReversedTooLongOrUnreadableIsRefusedNamingItsEnd() {
        assertError(studio.get("/v1/usage/stats?from=2025-01-01&to=2026-06-01"), 400, null, "from", "invalid_value");
        assertError(studio.get("/v1/usage/stats?from=2026-06-02&to=2026-06-01"), 400, null, "from", "invalid_value");
        assertError(studio.get("/v1/usage/stats?to=June"), 400, null, "to", "invalid_value");
        assertError(admin.get("/admin/v1/usage/ledger.csv?tenant=nobody"), 404, null, null, null);
        assertThat(ok(studio.get("/v1/usage/stats?from=2025-06-01&to=2026-06-01")).get("spend")).as("366 days").isEmpty();
    }

    @Test
    void theLedgerExportIsRfc4180WithAHeaderRowAndEveryRowOfTheTenantsRange() throws IOException {
        HttpResponse<String> r = studio.get("/v1/usage/ledger.csv");
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.headers().firstValue("Content-Type").orElse("")).startsWith("text/csv");
        assertThat(r.headers().firstValue("Content-Disposition").orElse("")).startsWith("attachment; filename=\"ledger_");
        assertThat(r.body()).contains("\r\n").doesNotContain("sk-");
        List<CSVRecord> rows = CSVFormat.RFC4180.parse(new StringReader(r.body())).getRecords();
        assertThat(rows.getFirst().values()).containsExactly("id", "created_at", "tenant_id", "key_id", "video_id", "kind", "amount_micro",
                "balance_after_micro", "model", "resolution", "seconds", "price_unit", "quantity", "charge_micro", "reason");
        assertThat(rows.subList(1, rows.size())).extracting(row -> row.get(5)).containsExactly("topup", "hold", "release", "hold", "hold");
        assertThat(rows.get(1).get(14)).as("the reason, quoted and read back whole").isEqualTo(REASON);
        assertThat(r.body()).contains("\"opening \"\"balance\"\", with a comma\"");
        assertThat(rows).allMatch(row -> row.size() == 15);

        List<CSVRecord> everyone = CSVFormat.RFC4180.parse(new StringReader(admin.get("/admin/v1/usage/ledger.csv").body())).getRecords();
        assertThat(everyone.size()).isGreaterThan(rows.size());
        assertThat(CSVFormat.RFC4180.parse(new StringReader(admin.get("/admin/v1/usage/ledger.csv?tenant=studio").body())).getRecords())
                .hasSameSizeAs(rows);
    }

    @Test
    void aReasonThatASpreadsheetWouldRunAsAFormulaIsExportedAsTextWhileANegativeAmountStaysANumber() throws IOException {
        new AdminCalls(admin).tenant("formulas", "");
        String hyperlink = "=HYPERLINK(\"http://evil.example/\",\"click\")";
        ok(admin.postJson("/admin/v1/tenants/formulas/topups", "{\"amount\":1000000,\"reason\":\"" + hyperlink.replace("\"", "\\\"") + "\"}"));
        ok(admin.postJson("/admin/v1/tenants/formulas/adjustments", "{\"amount\":-250000,\"reason\":\"-refund of a duplicate\"}"));

        List<CSVRecord> rows = CSVFormat.RFC4180.parse(new StringReader(admin.get("/admin/v1/usage/ledger.csv?tenant=formulas").body()))
                .getRecords();
        assertThat(rows).hasSize(3);
        assertThat(rows.get(1).get(14)).isEqualTo("'" + hyperlink);
        assertThat(rows.get(2).get(6)).as("the refund's amount, a number").isEqualTo("-250000");
        assertThat(rows.get(2).get(14)).isEqualTo("'-refund of a duplicate");
        assertThat(rows.get(2).get(7)).isEqualTo("750000");
    }

    @Test
    void theUsageExportHasItsHeaderRowEvenWhenNothingWasBilled() throws IOException {
        for (HttpResponse<String> r : List.of(studio.get("/v1/usage/usage.csv"), admin.get("/admin/v1/usage/usage.csv?tenant=studio"))) {
            assertThat(r.statusCode()).isEqualTo(200);
            assertThat(r.body()).isEqualTo("date,tenant_id,key_id,model,resolution,price_unit,quantity,seconds,jobs,credits_micro\r\n");
        }
    }

    private static void assertOnlyTheStudiosFigures(JsonNode stats) {
        assertThat(stats.get("jobs").get("queued").asLong()).isEqualTo(2);
        assertThat(stats.get("jobs").get("cancelled").asLong()).isEqualTo(1);
        assertThat(stats.get("jobs").get("completed").asLong()).isZero();
        assertThat(stats.get("success_rate").isNull()).as("nothing completed or failed").isTrue();
        assertThat(stats.get("spend")).hasSize(1);
        JsonNode day = stats.get("spend").get(0);
        assertThat(day.get("date").asString()).isEqualTo(today);
        assertThat(day.get("held").asLong()).isEqualTo(1_200_000);
        assertThat(day.get("charged").asLong()).isZero();
        assertThat(day.get("refunded").asLong()).isEqualTo(400_000);
        long hourly = 0;
        for (JsonNode h : stats.get("hourly")) hourly += h.get("jobs").asLong();
        assertThat(hourly).isEqualTo(3);
        assertThat(stats.get("latency")).isEmpty();
    }
}

package dev.vidgate.api;

import dev.vidgate.testsupport.RawHttp;
import dev.vidgate.testsupport.TestServer;
import dev.vidgate.testsupport.TestServerExtension;

import static dev.vidgate.testsupport.ApiCalls.ok;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A tenant holding {@link #FUNDS} with one key, made through the admin API when first used (once the server runs):
 * for the tests that show a create refused before anything was held or stored.
 * <pre>
 * &#64;RegisterExtension
 * static final TestServerExtension server = TestServerExtension.h2();
 * static final FundedTenant studio = new FundedTenant(server, "studio");
 * </pre>
 */
final class FundedTenant {
    static final long FUNDS = 100_000_000;

    private final TestServerExtension server;
    private final String name;
    private String secret;

    FundedTenant(TestServerExtension server, String name) {
        this.server = server;
        this.name = name;
    }

    synchronized String secret() {
        if (secret == null) secret = admin().fundedKey(name, FUNDS, "");
        return secret;
    }

    RawHttp http() {
        return new RawHttp(server.baseUrl(), secret());
    }

    long balance() {
        secret();
        return admin().account(name).get("balance").asLong();
    }

    void assertNothingHeldOrStored() {
        assertThat(balance()).isEqualTo(FUNDS);
        assertThat(ok(http().get("/v1/videos")).get("data")).isEmpty();
    }

    private AdminCalls admin() {
        return new AdminCalls(server.http(TestServer.ADMIN_KEY));
    }
}

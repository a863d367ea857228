package dev.vidgate.fuzz;

import dev.vidgate.testsupport.TestDatabases;

import java.util.Map;

class HostileRequestsOnPostgresTest extends HostileRequestsContract {
    @Override
    Map<String, String> database() {
        return Map.of("spring.datasource.url", TestDatabases.freshPostgresUrl(),
                "spring.datasource.username", "postgres", "spring.datasource.password", "postgres");
    }
}

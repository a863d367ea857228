package dev.vidgate.api;

import dev.vidgate.testsupport.TestDatabases;

import java.util.Map;

class ControlCharactersOnPostgresTest extends ControlCharactersContract {
    @Override
    Map<String, String> database() {
        return Map.of("spring.datasource.url", TestDatabases.freshPostgresUrl(),
                "spring.datasource.username", "postgres", "spring.datasource.password", "postgres");
    }
}

package dev.vidgate.app;

import dev.vidgate.console.ConsoleSessions;
import dev.vidgate.console.SessionStore;
import dev.vidgate.console.jdbc.JdbcSessionStore;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;

import java.time.InstantSource;

/** The web console's sessions, in the shared database (so they survive a restart and work on every node). */
@Configuration(proxyBeanMethods = false)
class ConsoleWiring {

    @Bean
    SessionStore consoleSessionStore(JdbcTemplate jdbc) {
        return new JdbcSessionStore(jdbc);
    }

    @Bean
    ConsoleSessions consoleSessions(SessionStore store, InstantSource clock, ConsoleProperties console) {
        return new ConsoleSessions(store, clock, console.sessionTtl());
    }
}

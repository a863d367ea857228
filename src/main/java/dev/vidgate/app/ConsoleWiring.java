package dev.vidgate.app;

import dev.vidgate.console.ConsoleSessions;
import dev.vidgate.console.SessionStore;
import dev.vidgate.console.jdbc.JdbcSessionStore;
import dev.vidgate.video.JobLog;
import dev.vidgate.video.jdbc.JdbcJobLog;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;

import java.time.InstantSource;

/** The web console's sessions, in the shared database (so they survive a restart and work on every node), and its job log. */
@Configuration(proxyBeanMethods = false)
class ConsoleWiring {

    @Bean
    SessionStore consoleSessionStore(JdbcTemplate jdbc) {
        return new JdbcSessionStore(jdbc);
    }

    /** The operator's job log ({@code /admin/v1/jobs}), read from the jobs and ledger tables. */
    @Bean
    JobLog jobLog(JdbcTemplate jdbc) {
        return new JdbcJobLog(jdbc);
    }

    @Bean
    ConsoleSessions consoleSessions(SessionStore store, InstantSource clock, ConsoleProperties console) {
        return new ConsoleSessions(store, clock, console.sessionTtl());
    }
}

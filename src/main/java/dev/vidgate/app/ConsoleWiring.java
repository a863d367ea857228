package dev.vidgate.app;

import dev.vidgate.billing.UsageStats;
import dev.vidgate.billing.jdbc.JdbcUsageStats;
import dev.vidgate.console.ConsoleSessions;
import dev.vidgate.console.SessionStore;
import dev.vidgate.console.jdbc.JdbcSessionStore;
import dev.vidgate.video.JobLog;
import dev.vidgate.video.jdbc.JdbcJobLog;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.InstantSource;

/**
 * The web console's sessions, in the shared database (so they survive a restart and work on every node), its job log and
 * its usage statistics.
 */
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

    /** The usage dashboard's statistics and ledger export, read from the jobs and ledger tables. */
    @Bean
    UsageStats usageStats(JdbcTemplate jdbc, TransactionTemplate tx) {
        return new JdbcUsageStats(jdbc, tx);
    }

    @Bean
    ConsoleSessions consoleSessions(SessionStore store, InstantSource clock, ConsoleProperties console) {
        return new ConsoleSessions(store, clock, console.sessionTtl());
    }
}

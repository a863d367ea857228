package dev.vidgate.app;

import dev.vidgate.engine.EngineRegistry;
import dev.vidgate.engine.Engine;
import dev.vidgate.video.JobStore;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.time.InstantSource;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The {@code vidgate.*} meters on Spring Boot's registry (exported at {@code /actuator/prometheus}); the JVM, Hikari,
 * HTTP and Tomcat meters are Boot's own. The features hear nothing of Micrometer: they call their listener ports
 * ({@code JobMetrics}, {@code RelayMetrics}, {@code LoopErrors}, {@code TransitionHook}), which these implement.
 */
@Configuration(proxyBeanMethods = false)
class MetricsWiring {

    @Bean
    JobMeters jobMeters(MeterRegistry registry, InstantSource clock) {
        return new JobMeters(registry, clock);
    }

    @Bean
    JobGauges jobGauges(JobStore jobs, EngineRegistry engines, MetricsProperties metrics, MeterRegistry registry) {
        return new JobGauges(jobs, engines.all().stream().map(Engine::name).toList(), metrics.maxKeys(), registry);
    }

    @Bean
    RelayMeters relayMeters(MeterRegistry registry, JobMeters loops) {
        return new RelayMeters(registry, loops);
    }

    @Bean
    LedgerDiscrepancies ledgerDiscrepancies(MeterRegistry registry) {
        return new LedgerDiscrepancies(registry);
    }

    /** {@code vidgate.ledger.discrepancies}: what the last ledger reconciliation this node ran found. */
    static final class LedgerDiscrepancies {
        private final AtomicInteger last = new AtomicInteger();

        LedgerDiscrepancies(MeterRegistry registry) {
            Gauge.builder("vidgate.ledger.discrepancies", last, AtomicInteger::get)
                    .description("balances that differ from their ledger, found by the last reconciliation on this node")
                    .register(registry);
        }

        int record(int found) {
            last.set(found);
            return found;
        }
    }
}

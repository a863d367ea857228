package dev.vidgate.app;

import dev.vidgate.webhooks.Doorbell;
import dev.vidgate.webhooks.WebhookDeliverer;
import dev.vidgate.webhooks.WebhookHook;
import dev.vidgate.webhooks.WebhookStore;
import dev.vidgate.webhooks.Webhooks;
import dev.vidgate.webhooks.jdbc.JdbcWebhookStore;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

import java.security.SecureRandom;
import java.time.InstantSource;

/** The webhook feature: its JDBC store, the outbox hook on the job store, the use cases and the deliverer. */
@Configuration(proxyBeanMethods = false)
class WebhookWiring {

    @Bean
    WebhookStore webhookStore(JdbcTemplate jdbc, TransactionTemplate tx) {
        return new JdbcWebhookStore(jdbc, tx);
    }

    /** The deliverer's idle pause; {@link WebhookDeliverer#wake} rings it when a job's event commits, so it is sent at once. */
    @Bean
    Doorbell webhookDoorbell() {
        return new Doorbell();
    }

    @Bean
    WebhookHook webhookHook(WebhookStore store, InstantSource clock, WebhookDeliverer deliverer) {
        return new WebhookHook(store, clock, deliverer::wake);
    }

    @Bean
    Webhooks webhooks(WebhookStore store, InstantSource clock, WebhookProperties props) {
        return new Webhooks(store, clock, props.allowPrivate());
    }

    @Bean
    WebhookMeters webhookMeters(MeterRegistry registry, JobMeters loops) {
        return new WebhookMeters(registry, loops);
    }

    /** Started by {@link Startup} on worker nodes. */
    @Bean(destroyMethod = "close")
    WebhookDeliverer webhookDeliverer(WebhookStore store, WebhookProperties props, NodeIdentity node, InstantSource clock,
                                      Doorbell doorbell, WebhookMeters meters) {
        return new WebhookDeliverer(store, props.settings(), node.id(), clock, doorbell, doorbell::ring, meters,
                new SecureRandom());
    }
}

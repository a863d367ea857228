package dev.vidgate.app;

import dev.vidgate.policy.Block;
import dev.vidgate.policy.BlockListener;
import dev.vidgate.policy.Category;
import dev.vidgate.policy.ContentPolicy;
import dev.vidgate.policy.FaceCheck;
import dev.vidgate.policy.PolicyErrors;
import dev.vidgate.policy.PolicyStore;
import dev.vidgate.policy.PromptRules;
import dev.vidgate.policy.Source;
import dev.vidgate.policy.jdbc.JdbcPolicyStore;
import dev.vidgate.policy.moderation.OpenAiModerations;
import dev.vidgate.video.TransitionHook;
import dev.vidgate.video.Video;
import dev.vidgate.video.VideoStatus;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;

import java.time.InstantSource;

/**
 * The content policy's adapters: its JDBC store, the optional classifier, the face check (a {@link FaceCheck} bean when
 * one is wired, else none), the {@code vidgate.policy.blocks} counter, and the audit of providers' moderation verdicts.
 */
@Configuration(proxyBeanMethods = false)
class PolicyWiring {

    @Bean
    PolicyStore policyStore(JdbcTemplate jdbc, InstantSource clock) {
        return new JdbcPolicyStore(jdbc, clock);
    }

    @Bean
    ContentPolicy contentPolicy(PolicyProperties props, PolicyStore store, ObjectProvider<FaceCheck> faces, BlockListener listener,
                                InstantSource clock) {
        return new ContentPolicy(PromptRules.load(props.rulesDir(), props.replaceRules()), props.levels(), store,
                props.classifier().settings().map(OpenAiModerations::new), props.classifier().failClosed(),
                faces.getIfAvailable(() -> FaceCheck.NONE), listener, clock);
    }

    /** {@code vidgate_policy_blocks_total{category,source}}. */
    @Bean
    BlockListener blockMeters(MeterRegistry registry) {
        return (category, source) -> Counter.builder("vidgate.policy.blocks").description("requests and jobs the content policy or a provider blocked")
                .tags("category", category.wireName(), "source", source.wireName()).register(registry).increment();
    }

    /** A job a provider's moderation failed is audited and counted like our own blocks, in the job's transaction. */
    @Bean
    ProviderVerdicts providerVerdicts(PolicyStore store, BlockListener listener, InstantSource clock) {
        return new ProviderVerdicts(store, listener, clock);
    }

    record ProviderVerdicts(PolicyStore store, BlockListener listener, InstantSource clock) implements TransitionHook {
        @Override
        public void created(Video created) {}

        @Override
        public void finished(Video before, Video after) {
            if (after.status() != VideoStatus.FAILED || after.error() == null || !PolicyErrors.CODE.equals(after.error().code())) return;
            store.record(Block.of(after.tenantId(), after.keyId(), after.model(), Category.UNSPECIFIED, Source.PROVIDER, clock.instant(),
                    after.prompt(), after.id()));
            listener.blocked(Category.UNSPECIFIED, Source.PROVIDER);
        }
    }
}

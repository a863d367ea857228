package dev.vidgate.app;

import dev.vidgate.engine.Engine;
import dev.vidgate.engine.EngineRegistry;
import dev.vidgate.engine.builtin.BuiltinEngine;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.util.Map;

/** Chooses the engines: the built-in renderer serves every model by default. */
@Configuration(proxyBeanMethods = false)
class EngineWiring {

    @Bean(destroyMethod = "close")
    BuiltinEngine builtinEngine(VidgateProperties props) {
        return new BuiltinEngine(props.dataDir().resolve("work"), props.effectiveRenderThreads(), props.effectiveWorkerSlots());
    }

    @Bean
    EngineRegistry engines(BuiltinEngine builtin) {
        return new EngineRegistry(Map.<String, Engine>of(builtin.name(), builtin));
    }
}

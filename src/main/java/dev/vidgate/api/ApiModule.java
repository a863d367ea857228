package dev.vidgate.api;

import dev.vidgate.catalog.ModelCatalog;
import dev.vidgate.engine.EngineRegistry;
import dev.vidgate.tenancy.Gatekeeper;
import dev.vidgate.tenancy.Tenants;
import dev.vidgate.video.JobLog;
import dev.vidgate.video.VideoService;
import dev.vidgate.video.reference.RemoteImageFetcher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.MediaType;
import org.springframework.web.servlet.config.annotation.ContentNegotiationConfigurer;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import tools.jackson.databind.ObjectMapper;

/** The HTTP feature: builds its own helpers from the ports the application provides. */
@Configuration(proxyBeanMethods = false)
public class ApiModule implements WebMvcConfigurer {
    private final Gatekeeper gatekeeper;

    public ApiModule(Gatekeeper gatekeeper) {
        this.gatekeeper = gatekeeper;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(new Authentication(gatekeeper)).addPathPatterns("/v1/**", "/openai/v1/**");
        registry.addInterceptor(new QueryParameters()).addPathPatterns("/**");
    }

    /** Every answer is JSON, as OpenAI's are: an {@code Accept} header the API cannot meet, or cannot parse, changes nothing. */
    @Override
    public void configureContentNegotiation(ContentNegotiationConfigurer configurer) {
        configurer.ignoreAcceptHeader(true).defaultContentType(MediaType.APPLICATION_JSON);
    }

    @Bean
    CreateRequestParser createRequestParser(ObjectMapper json, RemoteImageFetcher fetcher, ModelCatalog catalog,
                                            ParameterSettings parameters) {
        return new CreateRequestParser(json, new ReferenceResolver(fetcher), catalog, parameters);
    }

    @Bean
    JobFilters jobFilters(ModelCatalog catalog, EngineRegistry engines, Tenants tenants) {
        return new JobFilters(catalog, engines, tenants);
    }

    @Bean
    TenantJobs tenantJobs(VideoService videos, JobLog log, JobFilters filters) {
        return new TenantJobs(videos, log, filters);
    }
}

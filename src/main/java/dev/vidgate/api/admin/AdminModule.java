package dev.vidgate.api.admin;

import dev.vidgate.api.ApiSettings;
import dev.vidgate.tenancy.WrongKeyThrottle;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import tools.jackson.databind.ObjectMapper;

/** The admin API: its own key check on {@code /admin/**}, and its body reader. */
@Configuration(proxyBeanMethods = false)
public class AdminModule implements WebMvcConfigurer {
    private final ApiSettings settings;
    private final WrongKeyThrottle wrongKeys;

    public AdminModule(ApiSettings settings, WrongKeyThrottle wrongKeys) {
        this.settings = settings;
        this.wrongKeys = wrongKeys;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(new AdminAuthentication(settings.adminKey(), wrongKeys)).addPathPatterns("/admin/**");
    }

    @Bean
    AdminRequests adminRequests(ObjectMapper json) {
        return new AdminRequests(json);
    }
}

package dev.vidgate.api.admin;

import dev.vidgate.api.ApiSettings;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import tools.jackson.databind.ObjectMapper;

/** The admin API: its own key check on {@code /admin/**}, and its body reader. */
@Configuration(proxyBeanMethods = false)
public class AdminModule implements WebMvcConfigurer {
    private final ApiSettings settings;

    public AdminModule(ApiSettings settings) {
        this.settings = settings;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(new AdminAuthentication(settings.adminKey())).addPathPatterns("/admin/**");
    }

    @Bean
    AdminRequests adminRequests(ObjectMapper json) {
        return new AdminRequests(json);
    }
}

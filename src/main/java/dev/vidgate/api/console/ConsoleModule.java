package dev.vidgate.api.console;

import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.ResourceHandlerRegistry;
import org.springframework.web.servlet.config.annotation.ViewControllerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/** Serves the console's static pages and modules at {@code /console}, and the chart library from its webjar. */
@Configuration(proxyBeanMethods = false)
public class ConsoleModule implements WebMvcConfigurer {
    static final String UPLOT = "classpath:/META-INF/resources/webjars/uplot/1.6.30/dist/";

    @Override
    public void addResourceHandlers(ResourceHandlerRegistry registry) {
        registry.addResourceHandler("/console/vendor/uplot/**").addResourceLocations(UPLOT);
        registry.addResourceHandler("/console/**").addResourceLocations("classpath:/console/");
    }

    @Override
    public void addViewControllers(ViewControllerRegistry registry) {
        registry.addViewController("/console").setViewName("forward:/console/index.html");
        registry.addViewController("/console/").setViewName("forward:/console/index.html");
    }
}

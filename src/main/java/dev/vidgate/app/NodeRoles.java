package dev.vidgate.app;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * What this node does: serve the API, run jobs, or both ({@code vidgate.roles}, env
 * {@code VIDGATE_ROLES}, default {@code api,worker}). A node without the {@code api} role opens no
 * API port; it serves the actuator (health, metrics) on {@code management.server.port} when that is set, and
 * opens no port at all otherwise. That has to be decided before the application context exists: hence an
 * environment post-processor, registered in {@code META-INF/spring.factories}.
 */
public final class NodeRoles implements EnvironmentPostProcessor, Ordered {
    static final String KEY = "vidgate.roles";
    static final String MANAGEMENT_PORT = "management.server.port";

    enum Role { API, WORKER }

    static Set<Role> parse(String value) {
        String text = value == null ? "api,worker" : value;
        Set<Role> roles = EnumSet.noneOf(Role.class);
        for (String part : text.split(",")) {
            String name = part.trim().toUpperCase(Locale.ROOT);
            if (name.isEmpty()) continue;
            try {
                roles.add(Role.valueOf(name));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(KEY + " (VIDGATE_ROLES) has an unknown role '" + part.trim()
                        + "'; use " + Arrays.stream(Role.values()).map(r -> r.name().toLowerCase(Locale.ROOT)).collect(Collectors.joining(" and/or ")));
            }
        }
        if (roles.isEmpty()) throw new IllegalArgumentException(KEY + " (VIDGATE_ROLES) must name at least one role: api, worker");
        return roles;
    }

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        Set<Role> roles = parse(environment.getProperty(KEY));
        if (!roles.contains(Role.API)) {
            // Only the management server listens, when there is one: the API's port stays shut (-1).
            Map<String, Object> noApi = environment.containsProperty(MANAGEMENT_PORT)
                    ? Map.of("server.port", "-1") : Map.of("spring.main.web-application-type", "none");
            environment.getPropertySources().addFirst(new MapPropertySource("vidgate-roles", noApi));
        }
    }

    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE; // after the config files are read
    }
}

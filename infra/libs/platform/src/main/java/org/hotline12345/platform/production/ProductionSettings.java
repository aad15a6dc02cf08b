package org.hotline12345.platform.production;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.EnumerablePropertySource;
import org.springframework.core.env.PropertySource;

/**
 * With {@code HOTLINE_PRODUCTION=true}, stops a service before it starts when its settings are the dev stack's,
 * lack a secret, or still hold a placeholder of the example files ({@link ProductionRules}), naming every problem at
 * once. Runs after every other source of settings is in place, before any connection is made.
 */
public class ProductionSettings implements EnvironmentPostProcessor, Ordered {

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        if (!environment.getProperty("hotline.production", Boolean.class, false)) {
            return;
        }
        List<String> problems = ProductionRules.problems(environment::getProperty, given(environment));
        if (!problems.isEmpty()) {
            throw new IllegalStateException("Production mode (HOTLINE_PRODUCTION=true) does not start "
                    + environment.getProperty("spring.application.name", "this service") + ":\n - "
                    + String.join("\n - ", problems));
        }
    }

    /**
     * Every setting as its source writes it (an environment variable by its own name, a file's setting unresolved),
     * so that a placeholder is named where the operator wrote it; the first source to name a setting wins, as in
     * the environment itself.
     */
    static Map<String, String> given(ConfigurableEnvironment environment) {
        Map<String, String> given = new LinkedHashMap<>();
        for (PropertySource<?> source : environment.getPropertySources()) {
            if (source instanceof EnumerablePropertySource<?> enumerable) {
                for (String name : enumerable.getPropertyNames()) {
                    if (enumerable.getProperty(name) instanceof CharSequence value) {
                        given.putIfAbsent(name, value.toString());
                    }
                }
            }
        }
        return given;
    }

    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE;
    }
}

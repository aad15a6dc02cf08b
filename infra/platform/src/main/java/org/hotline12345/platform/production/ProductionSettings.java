package org.hotline12345.platform.production;

import java.util.List;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;

/**
 * With {@code HOTLINE_PRODUCTION=true}, stops a service before it starts when its settings are the dev stack's or
 * lack a secret ({@link ProductionRules}), naming every problem at once. Runs after every other source of settings
 * is in place, before any connection is made.
 */
public class ProductionSettings implements EnvironmentPostProcessor, Ordered {

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        if (!environment.getProperty("hotline.production", Boolean.class, false)) {
            return;
        }
        List<String> problems = ProductionRules.problems(environment::getProperty);
        if (!problems.isEmpty()) {
            throw new IllegalStateException("Production mode (HOTLINE_PRODUCTION=true) does not start "
                    + environment.getProperty("spring.application.name", "this service") + ":\n - "
                    + String.join("\n - ", problems));
        }
    }

    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE;
    }
}

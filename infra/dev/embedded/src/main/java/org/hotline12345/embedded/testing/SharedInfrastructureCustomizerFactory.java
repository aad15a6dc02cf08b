package org.hotline12345.embedded.testing;

import java.util.List;
import java.util.Map;
import org.hotline12345.embedded.SharedTestInfrastructure;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.annotation.MergedAnnotations;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.MutablePropertySources;
import org.springframework.test.context.ContextConfigurationAttributes;
import org.springframework.test.context.ContextCustomizer;
import org.springframework.test.context.ContextCustomizerFactory;
import org.springframework.test.context.MergedContextConfiguration;

/**
 * Points a {@link HubIntegrationTest} at the shared test infrastructure. Its properties rank below a test's own
 * {@code @DynamicPropertySource}, so a test may still point one part elsewhere (a broker that is down, a provider
 * stub).
 */
public class SharedInfrastructureCustomizerFactory implements ContextCustomizerFactory {

    /** Spring's name for the property source of {@code @DynamicPropertySource} methods. */
    private static final String DYNAMIC = "Dynamic Test Properties";

    @Override
    public ContextCustomizer createContextCustomizer(Class<?> testClass,
            List<ContextConfigurationAttributes> configAttributes) {
        return MergedAnnotations.from(testClass, MergedAnnotations.SearchStrategy.TYPE_HIERARCHY)
                .get(HubIntegrationTest.class)
                .synthesize(annotation -> annotation.isPresent())
                .map(annotation -> new Customizer(annotation.database()))
                .orElse(null);
    }

    /** Equal for equal databases, so that test classes sharing a database may share a context. */
    private record Customizer(String database) implements ContextCustomizer {

        @Override
        public void customizeContext(ConfigurableApplicationContext context,
                MergedContextConfiguration mergedConfig) {
            ConfigurableEnvironment environment = context.getEnvironment();
            Map<String, Object> properties = Map.copyOf(SharedTestInfrastructure.get().springProperties(database));
            MapPropertySource shared = new MapPropertySource("Shared test infrastructure", properties);
            MutablePropertySources sources = environment.getPropertySources();
            if (sources.contains(DYNAMIC)) {
                sources.addAfter(DYNAMIC, shared);
            } else {
                sources.addFirst(shared);
            }
        }
    }
}

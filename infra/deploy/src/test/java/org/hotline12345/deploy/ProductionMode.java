package org.hotline12345.deploy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.hotline12345.platform.production.ProductionSettings;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.MutablePropertySources;
import org.springframework.core.env.PropertySource;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.FileSystemResource;
import org.springframework.core.io.support.ResourcePropertySource;

/**
 * Production mode as a service of the hub runs it at start-up: the settings a container's environment gives,
 * over the service's own application.yml and the platform's defaults, read by the platform's
 * {@link ProductionSettings}.
 */
final class ProductionMode {

    /** The repository's root, where each service's module is. */
    static final Path REPOSITORY = Tools.DEPLOY.resolve("../..").normalize();

    private ProductionMode() {
    }

    /**
     * The problems production mode names when {@code service} (intake, routing, notification or analytics) starts
     * with exactly {@code environment}; empty when it starts.
     */
    static List<String> problems(String service, Map<String, String> environment) {
        StandardEnvironment settings = new StandardEnvironment();
        MutablePropertySources sources = settings.getPropertySources();
        sources.remove(StandardEnvironment.SYSTEM_PROPERTIES_PROPERTY_SOURCE_NAME);
        String variables = StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME;
        sources.replace(variables, new SystemEnvironmentPropertySource(variables, new HashMap<>(environment)));
        try {
            Path application = REPOSITORY.resolve(service + "-service/src/main/resources/application.yml");
            for (PropertySource<?> file : new YamlPropertySourceLoader().load("application.yml",
                    new FileSystemResource(application))) {
                sources.addLast(file);
            }
            sources.addLast(new ResourcePropertySource("hotlinePlatformDefaults",
                    new ClassPathResource("hotline-platform-defaults.properties")));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ConfigurationPropertySources.attach(settings);
        try {
            new ProductionSettings().postProcessEnvironment(settings, null);
            return List.of();
        } catch (IllegalStateException refused) {
            return refused.getMessage().lines().filter(line -> line.startsWith(" - "))
                    .map(line -> line.substring(3)).toList();
        }
    }
}

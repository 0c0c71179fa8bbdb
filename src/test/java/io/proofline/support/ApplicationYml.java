package io.proofline.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;

import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;
import org.springframework.core.io.ClassPathResource;

/**
 * application.yml as Boot reads it, with the given environment variables and no others: for the tests that a
 * feature's policy numbers have their defaults there alone, and that the environment still overrides them (by
 * the variable the yml names, or by relaxed binding of the key itself).
 */
public final class ApplicationYml {

    private ApplicationYml() {
    }

    public static <T> T bind(String prefix, Class<T> properties, Map<String, Object> environmentVariables) {
        StandardEnvironment environment = new StandardEnvironment();
        String systemEnvironment = StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME;
        environment.getPropertySources().replace(systemEnvironment,
                new SystemEnvironmentPropertySource(systemEnvironment, environmentVariables));
        try {
            new YamlPropertySourceLoader().load("application.yml", new ClassPathResource("application.yml"))
                    .forEach(environment.getPropertySources()::addLast);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Binder.get(environment).bindOrCreate(prefix, properties);
    }

    public static <T> T bind(String prefix, Class<T> properties) {
        return bind(prefix, properties, Map.of());
    }
}

package io.proofline;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/**
 * No Docker engine runs where the tests run, so docker-compose.yml is checked as a file: the services
 * the README promises, stub folders that exist, and app settings that the service actually reads.
 */
class DockerComposeFileTest {

    @SuppressWarnings("unchecked")
    private final Map<String, Map<String, Object>> services = (Map<String, Map<String, Object>>) load().get("services");

    @Test
    void bringsUpPostgres15Redis7TheVendorStubsAndTheApp() {
        assertThat(services).containsOnlyKeys("postgres", "redis", "vendor-stubs", "app");
        assertThat(services.get("postgres").get("image")).isEqualTo("postgres:15");
        assertThat((String) services.get("redis").get("image")).startsWith("redis:7");
        assertThat((String) services.get("vendor-stubs").get("image")).startsWith("wiremock/wiremock:3");
    }

    @Test
    @SuppressWarnings("unchecked")
    void theWireMockContainerServesTheRepositorysVendorStubs() {
        List<String> volumes = (List<String>) services.get("vendor-stubs").get("volumes");

        assertThat(volumes).contains("./vendor-stubs/mappings:/home/wiremock/mappings:ro",
                "./vendor-stubs/__files:/home/wiremock/__files:ro");
        assertThat(Path.of("vendor-stubs/mappings")).isDirectory();
        assertThat(Path.of("vendor-stubs/__files")).isDirectory();
    }

    @Test
    @SuppressWarnings("unchecked")
    void theAppRunsThePostgresProfileWithSettingsTheServiceReads() throws IOException {
        Map<String, Object> app = services.get("app");
        Map<String, String> environment = (Map<String, String>) app.get("environment");
        String configuration = Files.readString(Path.of("src/main/resources/application.yml"))
                + Files.readString(Path.of("src/main/resources/application-postgres.yml"));

        assertThat(environment).containsEntry("SPRING_PROFILES_ACTIVE", "postgres");
        java.util.List<String> staffPasswords = java.util.List.of("PROOFLINE_OPERATOR_PASSWORD",
                "PROOFLINE_ANALYST_PASSWORD", "PROOFLINE_REVIEWER_PASSWORD");
        staffPasswords.forEach(name -> assertThat(environment.get(name)).startsWith("${" + name + ":?"));
        environment.keySet().stream()
                .filter(name -> !name.equals("SPRING_PROFILES_ACTIVE") && !staffPasswords.contains(name))
                .forEach(name -> assertThat(configuration).as(name + " is read by application*.yml").contains("${" + name + ":"));
        assertThat(Path.of(((Map<String, String>) app.get("build")).get("dockerfile"))).isRegularFile();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> load() {
        try (Reader reader = Files.newBufferedReader(Path.of("docker-compose.yml"))) {
            return (Map<String, Object>) new Yaml().load(reader);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}

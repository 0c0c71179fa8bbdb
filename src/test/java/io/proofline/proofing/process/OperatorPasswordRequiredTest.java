package io.proofline.proofing.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.proofline.ProoflineApplication;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.mock.env.MockEnvironment;

class OperatorPasswordRequiredTest {

    private final OperatorAccountEnvironment operatorAccount = new OperatorAccountEnvironment();

    @Test
    void thePostgresProfileRefusesToStartWithoutAnOperatorPasswordAndSaysWhy() {
        MockEnvironment environment = new MockEnvironment();
        environment.setActiveProfiles("postgres");

        assertThatThrownBy(() -> operatorAccount.postProcessEnvironment(environment, new SpringApplication()))
                .isInstanceOf(OperatorAccountEnvironment.OperatorPasswordMissingException.class)
                .hasMessageContaining("PROOFLINE_OPERATOR_PASSWORD")
                .hasMessageContaining("refuses to start");
    }

    @Test
    void theServiceItselfDoesNotStartInThePostgresProfileWithoutAnOperatorPassword() {
        assertThatThrownBy(() -> new SpringApplicationBuilder(ProoflineApplication.class)
                .profiles("postgres")
                .run("--proofline.operator.password=", "--server.port=0"))
                .isInstanceOf(OperatorAccountEnvironment.OperatorPasswordMissingException.class);
    }

    @Test
    void theFailureAnalyzerExplainsTheFix() {
        var analysis = new OperatorPasswordFailureAnalyzer()
                .analyze(new IllegalStateException(new OperatorAccountEnvironment.OperatorPasswordMissingException()));

        assertThat(analysis.getDescription()).contains("operator password");
        assertThat(analysis.getAction()).contains("PROOFLINE_OPERATOR_PASSWORD");
    }

    @Test
    void aConfiguredPasswordIsUsedAsItIs() {
        MockEnvironment environment = new MockEnvironment().withProperty("proofline.operator.password", "s3cret-enough");
        environment.setActiveProfiles("postgres");

        operatorAccount.postProcessEnvironment(environment, new SpringApplication());

        assertThat(environment.getProperty("proofline.operator.password")).isEqualTo("s3cret-enough");
    }

    @Test
    void theEmbeddedDefaultGeneratesOnePasswordAndKeepsIt(@TempDir Path dataDir) throws Exception {
        StandardEnvironment first = embeddedEnvironment(dataDir);
        operatorAccount.postProcessEnvironment(first, new SpringApplication());
        StandardEnvironment second = embeddedEnvironment(dataDir);
        operatorAccount.postProcessEnvironment(second, new SpringApplication());

        String generated = first.getProperty("proofline.operator.password");
        assertThat(generated).hasSizeGreaterThanOrEqualTo(20);
        assertThat(second.getProperty("proofline.operator.password")).isEqualTo(generated);
        assertThat(Files.readString(dataDir.resolve("operator-password")).trim()).isEqualTo(generated);
        assertThat(Files.getPosixFilePermissions(dataDir.resolve("operator-password")))
                .isEqualTo(PosixFilePermissions.fromString("rw-------"));
    }

    private static StandardEnvironment embeddedEnvironment(Path dataDir) {
        StandardEnvironment environment = new StandardEnvironment();
        environment.getPropertySources().addFirst(new org.springframework.core.env.MapPropertySource("test",
                java.util.Map.of("proofline.data-dir", dataDir.toString())));
        return environment;
    }
}

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
    void thePostgresProfileRefusesToStartWithoutTheAnalystsOrTheReviewersPasswordAndSaysWhich() {
        MockEnvironment withoutAnalyst = new MockEnvironment().withProperty("proofline.operator.password", "s3cret-enough")
                .withProperty("proofline.staff.reviewer.password", "an0ther-secret");
        withoutAnalyst.setActiveProfiles("postgres");
        assertThatThrownBy(() -> operatorAccount.postProcessEnvironment(withoutAnalyst, new SpringApplication()))
                .isInstanceOf(OperatorAccountEnvironment.StaffPasswordMissingException.class)
                .hasMessageContaining("PROOFLINE_ANALYST_PASSWORD").hasMessageContaining("refuses to start");

        MockEnvironment withoutReviewer = new MockEnvironment().withProperty("proofline.operator.password", "s3cret-enough")
                .withProperty("PROOFLINE_ANALYST_PASSWORD", "an4lyst-secret");
        withoutReviewer.setActiveProfiles("postgres");
        assertThatThrownBy(() -> operatorAccount.postProcessEnvironment(withoutReviewer, new SpringApplication()))
                .isInstanceOf(OperatorAccountEnvironment.StaffPasswordMissingException.class)
                .hasMessageContaining("PROOFLINE_REVIEWER_PASSWORD");
        var analysis = new OperatorPasswordFailureAnalyzer().analyze(new IllegalStateException(
                new OperatorAccountEnvironment.StaffPasswordMissingException(
                        OperatorAccountEnvironment.StaffPassword.REVIEWER)));
        assertThat(analysis.getAction()).contains("PROOFLINE_REVIEWER_PASSWORD");
    }

    @Test
    void theAnalystsPasswordComesFromItsVariable() {
        MockEnvironment environment = new MockEnvironment().withProperty("proofline.operator.password", "s3cret-enough")
                .withProperty("PROOFLINE_ANALYST_PASSWORD", "an4lyst-secret")
                .withProperty("PROOFLINE_REVIEWER_PASSWORD", "rev1ewer-secret");
        environment.setActiveProfiles("postgres");

        operatorAccount.postProcessEnvironment(environment, new SpringApplication());

        assertThat(environment.getProperty("proofline.staff.analyst.password")).isEqualTo("an4lyst-secret");
        assertThat(environment.getProperty("proofline.staff.reviewer.password")).isEqualTo("rev1ewer-secret");
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
        MockEnvironment environment = new MockEnvironment().withProperty("proofline.operator.password", "s3cret-enough")
                .withProperty("proofline.staff.analyst.password", "an4lyst-secret")
                .withProperty("proofline.staff.reviewer.password", "rev1ewer-secret");
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
        for (String staff : new String[] {"analyst", "reviewer"}) {
            String password = first.getProperty("proofline.staff." + staff + ".password");
            assertThat(password).hasSizeGreaterThanOrEqualTo(20).isNotEqualTo(generated);
            assertThat(second.getProperty("proofline.staff." + staff + ".password")).isEqualTo(password);
            assertThat(Files.readString(dataDir.resolve(staff + "-password")).trim()).isEqualTo(password);
            assertThat(Files.getPosixFilePermissions(dataDir.resolve(staff + "-password")))
                    .isEqualTo(PosixFilePermissions.fromString("rw-------"));
        }
    }

    private static StandardEnvironment embeddedEnvironment(Path dataDir) {
        StandardEnvironment environment = new StandardEnvironment();
        environment.getPropertySources().addFirst(new org.springframework.core.env.MapPropertySource("test",
                java.util.Map.of("proofline.data-dir", dataDir.toString())));
        return environment;
    }
}

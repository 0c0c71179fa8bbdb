package io.proofline.proofing.process;

import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

import io.proofline.crypto.SecretFiles;

/**
 * Settles the staff passwords (the Cockpit operator's, the analyst's, the reviewer's) before the engine creates
 * the accounts ({@link StaffAccounts}). For each:
 * <ul>
 * <li>Set ({@code PROOFLINE_OPERATOR_PASSWORD}, {@code PROOFLINE_ANALYST_PASSWORD}, {@code PROOFLINE_REVIEWER_PASSWORD}):
 * used as it is.</li>
 * <li>Unset in the {@code postgres} profile: the service refuses to start, because a production-like
 * deployment must never come up with a guessable staff account.</li>
 * <li>Unset in the embedded default: a random password is generated once and kept in the data folder
 * (readable by its owner only), so a developer can sign in without any set-up.</li>
 * </ul>
 */
public class OperatorAccountEnvironment implements EnvironmentPostProcessor {

    static final String PASSWORD_PROPERTY = "proofline.operator.password";
    static final String PASSWORD_FILE = "operator-password";

    /** Each staff account's password: its property, the variable that sets it, and the embedded default's file. */
    enum StaffPassword {
        OPERATOR(PASSWORD_PROPERTY, "PROOFLINE_OPERATOR_PASSWORD", PASSWORD_FILE, "an operator",
                "the Cockpit/Admin operator account"),
        ANALYST("proofline.staff.analyst.password", "PROOFLINE_ANALYST_PASSWORD", "analyst-password", "an analyst",
                "the operations analyst's account (/analytics on the management port)"),
        REVIEWER("proofline.staff.reviewer.password", "PROOFLINE_REVIEWER_PASSWORD", "reviewer-password",
                "a reviewer", "the compliance reviewer's account");

        final String property;
        final String variable;
        final String file;
        final String who;
        final String account;

        StaffPassword(String property, String variable, String file, String who, String account) {
            this.property = property;
            this.variable = variable;
            this.file = file;
            this.who = who;
            this.account = account;
        }
    }

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        Map<String, Object> generated = new LinkedHashMap<>();
        for (StaffPassword staff : StaffPassword.values()) {
            String password = environment.getProperty(staff.property, "");
            if (!password.isBlank()) {
                continue;
            }
            // PROOFLINE_ANALYST_PASSWORD is not the relaxed name of proofline.staff.analyst.password: read it here.
            String variable = environment.getProperty(staff.variable, "");
            if (!variable.isBlank()) {
                generated.put(staff.property, variable);
                continue;
            }
            if (Arrays.asList(environment.getActiveProfiles()).contains("postgres")) {
                throw staff == StaffPassword.OPERATOR ? new OperatorPasswordMissingException()
                        : new StaffPasswordMissingException(staff);
            }
            Path dataDir = Path.of(environment.getProperty("proofline.data-dir", "./data"));
            generated.put(staff.property, readOrCreatePassword(dataDir.resolve(staff.file)));
        }
        if (!generated.isEmpty()) {
            environment.getPropertySources().addLast(new MapPropertySource("generatedStaffPasswords", generated));
        }
    }

    private static String readOrCreatePassword(Path file) {
        return SecretFiles.readOrCreate(file, () -> {
            byte[] random = new byte[18];
            new SecureRandom().nextBytes(random);
            return Base64.getUrlEncoder().withoutPadding().encodeToString(random);
        });
    }

    /** Thrown when the postgres profile starts without a staff account's password. */
    public static class StaffPasswordMissingException extends IllegalStateException {
        private final String variable;

        StaffPasswordMissingException(StaffPassword staff) {
            super("Proofline refuses to start in the 'postgres' profile without " + staff.who + " password: set "
                    + staff.variable + " (property " + staff.property + ") for " + staff.account + ".");
            this.variable = staff.variable;
        }

        /** The environment variable to set. */
        public String variable() {
            return variable;
        }
    }

    /** Thrown when the postgres profile starts without an operator password. */
    public static class OperatorPasswordMissingException extends StaffPasswordMissingException {
        public OperatorPasswordMissingException() {
            super(StaffPassword.OPERATOR);
        }
    }
}

package io.proofline.proofing.process;

import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.Map;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

import io.proofline.crypto.SecretFiles;

/**
 * Settles the Cockpit/Admin operator password before the engine creates the account.
 * <ul>
 * <li>Set ({@code PROOFLINE_OPERATOR_PASSWORD}): used as it is.</li>
 * <li>Unset in the {@code postgres} profile: the service refuses to start, because a production-like
 * deployment must never come up with a guessable operator.</li>
 * <li>Unset in the embedded default: a random password is generated once and kept in the data folder
 * (readable by its owner only), so a developer can sign in without any set-up.</li>
 * </ul>
 */
public class OperatorAccountEnvironment implements EnvironmentPostProcessor {

    static final String PASSWORD_PROPERTY = "proofline.operator.password";
    static final String PASSWORD_FILE = "operator-password";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        String password = environment.getProperty(PASSWORD_PROPERTY, "");
        if (!password.isBlank()) {
            return;
        }
        if (Arrays.asList(environment.getActiveProfiles()).contains("postgres")) {
            throw new OperatorPasswordMissingException();
        }
        Path dataDir = Path.of(environment.getProperty("proofline.data-dir", "./data"));
        environment.getPropertySources().addLast(new MapPropertySource("generatedOperatorPassword",
                Map.of(PASSWORD_PROPERTY, readOrCreatePassword(dataDir.resolve(PASSWORD_FILE)))));
    }

    private static String readOrCreatePassword(Path file) {
        return SecretFiles.readOrCreate(file, () -> {
            byte[] random = new byte[18];
            new SecureRandom().nextBytes(random);
            return Base64.getUrlEncoder().withoutPadding().encodeToString(random);
        });
    }

    /** Thrown when the postgres profile starts without an operator password. */
    public static class OperatorPasswordMissingException extends IllegalStateException {
        public OperatorPasswordMissingException() {
            super("Proofline refuses to start in the 'postgres' profile without an operator password: "
                    + "set PROOFLINE_OPERATOR_PASSWORD (property proofline.operator.password) for the "
                    + "Cockpit/Admin operator account.");
        }
    }
}

package io.proofline.support.browser;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

import org.openqa.selenium.JavascriptExecutor;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

/** axe-core, from the npm install of the Maven build, run on the page the browser shows. */
final class Axe {

    static final Path SCRIPT = Path.of("src/main/frontend/node_modules/axe-core/axe.min.js");

    /** What a test fails on. Moderate and minor findings are reported, not fatal. */
    static final Set<String> FAILING_IMPACTS = Set.of("serious", "critical");

    private static final String RUN = """
            const done = arguments[arguments.length - 1];
            axe.run(document, { resultTypes: ['violations'] })
              .then(results => done(JSON.stringify(results.violations.map(v => ({
                id: v.id, impact: v.impact, help: v.help, helpUrl: v.helpUrl,
                targets: v.nodes.map(n => n.target.join(' ')) })))))
              .catch(error => done('axe failed: ' + error));
            """;

    private final String source;
    private final ObjectMapper json = new ObjectMapper();

    Axe() {
        if (!Files.isRegularFile(SCRIPT)) {
            throw new IllegalStateException(SCRIPT + " is missing: the Maven build installs it with npm ci "
                    + "(generate-resources); run mvn test, not the test class alone from a clean tree");
        }
        try {
            this.source = Files.readString(SCRIPT);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    List<Violation> run(JavascriptExecutor page) {
        if (!Boolean.TRUE.equals(page.executeScript("return typeof window.axe === 'object';"))) {
            page.executeScript(source);
        }
        String result = (String) page.executeAsyncScript(RUN);
        if (result.startsWith("axe failed")) {
            throw new IllegalStateException(result);
        }
        try {
            return json.readValue(result, new TypeReference<List<Violation>>() { });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    record Violation(String id, String impact, String help, String helpUrl, List<String> targets) {

        boolean fails() {
            return FAILING_IMPACTS.contains(impact);
        }

        @Override
        public String toString() {
            return "[" + impact + "] " + id + ": " + help + " " + targets + " (" + helpUrl + ")";
        }
    }
}

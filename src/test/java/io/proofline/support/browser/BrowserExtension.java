package io.proofline.support.browser;

import java.nio.file.Path;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.springframework.core.env.Environment;
import org.springframework.test.context.junit.jupiter.SpringExtension;

/**
 * Starts one {@link Browser} per test class, points it at the test's server, and closes it afterwards (and
 * after a failed test, so one stuck browser fails one test, not the class). The browser starts before the
 * class's first test, once the service has started: a development card is made by the service's start.
 */
class BrowserExtension implements BeforeEachCallback, AfterEachCallback, AfterAllCallback, ParameterResolver {

    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(BrowserExtension.class);

    @Override
    public void beforeEach(ExtensionContext context) {
        Environment environment = SpringExtension.getApplicationContext(context).getEnvironment();
        String port = environment.getProperty("local.server.port");
        if (port == null) {
            throw new IllegalStateException("A @BrowserTest needs a server on a real port: "
                    + "@SpringBootTest(webEnvironment = RANDOM_PORT), e.g. by extending PostgresIntegrationTest");
        }
        ExtensionContext.Store store = classStore(context);
        Browser browser = store.getOrComputeIfAbsent(Browser.class, key -> Browser.launch(card(context, environment)),
                Browser.class);
        browser.startTest("http://localhost:" + port,
                context.getRequiredTestClass().getSimpleName() + "." + context.getRequiredTestMethod().getName());
    }

    /** After a failed test the browser may be stuck where the test left it: the next test gets a new one. */
    @Override
    public void afterEach(ExtensionContext context) {
        if (context.getExecutionException().isPresent()) {
            Browser browser = classStore(context).remove(Browser.class, Browser.class);
            try {
                if (browser != null) {
                    browser.close();
                }
            } catch (RuntimeException stuck) {
                System.out.println("A browser left by a failed test did not close cleanly: " + stuck);
            }
        }
    }

    @Override
    public void afterAll(ExtensionContext context) {
        Browser browser = context.getStore(NAMESPACE).remove(Browser.class, Browser.class);
        if (browser != null) {
            browser.close();
        }
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == Browser.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        return classStore(context).get(Browser.class, Browser.class);
    }

    /** The class's store, so one browser serves all of its tests and closes with the class. */
    private static ExtensionContext.Store classStore(ExtensionContext context) {
        ExtensionContext classContext = context.getTestMethod().isPresent() ? context.getParent().orElseThrow() : context;
        return classContext.getStore(NAMESPACE);
    }

    private static CardInReader card(ExtensionContext context, Environment environment) {
        BrowserTest browserTest = context.getRequiredTestClass().getAnnotation(BrowserTest.class);
        if (browserTest == null || !browserTest.withDevelopmentCard()) {
            return null;
        }
        Path development = Path.of(environment.getProperty("proofline.data-dir", "./data"), "pivcac-dev");
        return new CardInReader(development.resolve("dev-holder.p12"), "proofline-dev",
                development.resolve("dev-server.pem"));
    }
}

package io.proofline.support.browser;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A test that uses the service through Debian's Chromium, as a person would. Put it on a Spring Boot
 * test that serves on a real port (e.g. a subclass of {@code PostgresIntegrationTest}) and take a
 * {@link Browser} as a test method parameter. One browser per test class; every page it arrives at is
 * checked with axe-core and photographed. See docs/web.md.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@ExtendWith(BrowserExtension.class)
@Tag("browser")
public @interface BrowserTest {

    /**
     * Whether the browser holds the embedded default's development PIV/CAC card (test material made in the
     * data folder) and presents it to the card-reader port; see {@link CardInReader}.
     */
    boolean withDevelopmentCard() default false;
}

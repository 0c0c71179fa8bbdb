package io.proofline.proofing.web;

import static io.proofline.proofing.web.AsAPerson.email;
import static io.proofline.proofing.web.AsAPerson.signUp;
import static io.proofline.proofing.web.AsAPerson.submit;
import static io.proofline.proofing.web.AsAPerson.throughToTheUpload;
import static io.proofline.proofing.web.AsAPerson.upload;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchEvent;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import io.proofline.support.PostgresIntegrationTest;
import io.proofline.support.browser.Browser;
import io.proofline.support.browser.BrowserTest;

/**
 * The ID photos on their way in (docs/security.md, "Uploads"): never written to disk, not even for the length of
 * the request.
 */
@BrowserTest
class UploadSafetyBrowserTest extends PostgresIntegrationTest {

    /** Where Tomcat would write a part larger than the in-memory threshold: empty, and watched. */
    static final Path MULTIPART_LOCATION = emptyFolder();

    @DynamicPropertySource
    static void multipartLocation(DynamicPropertyRegistry registry) {
        registry.add("spring.servlet.multipart.location", MULTIPART_LOCATION::toString);
    }

    @Test
    void postedPhotosStayInMemoryAndNoFileIsEverCreatedForThem(Browser browser) throws Exception {
        browser.open("/sign-up", "sign-up");
        signUp(browser, email(), "consent");
        throughToTheUpload(browser);

        try (WatchService watcher = FileSystems.getDefault().newWatchService()) {
            WatchKey key = MULTIPART_LOCATION.register(watcher, StandardWatchEventKinds.ENTRY_CREATE);
            upload(browser, "");
            submit(browser, "ssn");
            assertThat(browser.heading()).isEqualTo("Enter your Social Security number");

            List<Object> created = new ArrayList<>();
            WatchKey signalled = watcher.poll(200, TimeUnit.MILLISECONDS);
            if (signalled != null) {
                signalled.pollEvents().stream().map(WatchEvent::context).forEach(created::add);
            }
            key.pollEvents().stream().map(WatchEvent::context).forEach(created::add);
            assertThat(created).as("files created in the multipart location during the upload").isEmpty();
        }
        try (var left = Files.list(MULTIPART_LOCATION)) {
            assertThat(left).isEmpty();
        }
    }

    private static Path emptyFolder() {
        try {
            return Files.createTempDirectory("proofline-multipart-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

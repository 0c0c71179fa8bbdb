package io.proofline.proofing.web;

import static io.proofline.proofing.web.AsAPerson.email;
import static io.proofline.proofing.web.AsAPerson.signUp;
import static io.proofline.proofing.web.AsAPerson.submit;
import static io.proofline.proofing.web.AsAPerson.throughToTheUpload;
import static io.proofline.proofing.web.AsAPerson.upload;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
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
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import io.proofline.support.PostgresIntegrationTest;
import io.proofline.support.browser.Browser;
import io.proofline.support.browser.BrowserTest;

/**
 * The ID photos on their way in (docs/security.md, "Uploads"): never written to disk, not even for the length of
 * the request; and without a signed-in session, refused before their body is read.
 */
@BrowserTest
class UploadSafetyBrowserTest extends PostgresIntegrationTest {

    /** Where Tomcat would write a part larger than the in-memory threshold: empty, and watched. */
    static final Path MULTIPART_LOCATION = emptyFolder();

    @LocalServerPort
    int port;

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

    @Test
    void anUploadWithoutASignedInSessionIsRefusedBeforeItsBodyIsRead() throws Exception {
        for (String[] pathAndCookie : new String[][] {{"/verify/UploadDocuments", null},
                {"/verify/UploadDocuments", "proofline-session=forged"}, {"/verify;x/UploadDocuments", null},
                {"/%76erify/UploadDocuments", null}}) {
            long started = System.nanoTime();
            String status = postTheStartOfAHugeUpload(pathAndCookie[0], pathAndCookie[1]);
            long millis = (System.nanoTime() - started) / 1_000_000;
            System.out.printf("%s with %s: %s in %d ms%n", pathAndCookie[0], pathAndCookie[1], status.lines()
                    .findFirst().orElse("nothing"), millis);

            assertThat(status).as(String.join(" ", pathAndCookie[0], String.valueOf(pathAndCookie[1])))
                    .startsWith("HTTP/1.1 302").contains("Location: http://localhost:" + port + "/sign-in");
            assertThat(millis).as("answered with 30 MB declared and 1 KB sent").isLessThan(3000);
        }
    }

    @Test
    void aMultipartPostToAPageThatTakesNoFilesIsRefusedBeforeItsBodyIsRead() throws Exception {
        for (String path : new String[] {"/sign-in", "/sign-up", "/sign-out", "/", "/development/inbox"}) {
            long started = System.nanoTime();
            String status = postTheStartOfAHugeUpload(path, null);
            long millis = (System.nanoTime() - started) / 1_000_000;
            assertThat(status).as(path).startsWith("HTTP/1.1 415");
            assertThat(millis).as("answered with 30 MB declared and 1 KB sent").isLessThan(3000);
        }
    }

    /**
     * Declares a 30 MB multipart body (under the 40 MB limit), sends its first kilobyte and waits for the answer: a
     * server that parsed the parts would wait for the rest, and this would time out.
     */
    private String postTheStartOfAHugeUpload(String path, String cookie) throws IOException {
        try (Socket socket = new Socket("localhost", port)) {
            socket.setSoTimeout(5000);
            OutputStream out = socket.getOutputStream();
            out.write(("POST " + path + " HTTP/1.1\r\nHost: localhost:" + port + "\r\n"
                    + (cookie == null ? "" : "Cookie: " + cookie + "\r\n")
                    + "Content-Type: multipart/form-data; boundary=xyz\r\nContent-Length: 30000000\r\n\r\n"
                    + "--xyz\r\nContent-Disposition: form-data; name=\"front\"; filename=\"front.png\"\r\n"
                    + "Content-Type: image/png\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.write(new byte[1024]);
            out.flush();
            InputStream in = socket.getInputStream();
            StringBuilder head = new StringBuilder();
            try {
                while (head.indexOf("\r\n\r\n") < 0) {
                    int c = in.read();
                    if (c < 0) {
                        break;
                    }
                    head.append((char) c);
                }
            } catch (SocketTimeoutException e) {
                head.append("no answer within 5 s");
            }
            return head.toString();
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

package io.proofline;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The built jar, started as the README says ({@code java -jar …}) from an empty folder: no {@code vendor-stubs/},
 * no {@code data/}, nothing of the repository. Runs after {@code package} (a surefire execution in the
 * {@code integration-test} phase of {@code mvn verify}); the jar's path comes from the build.
 */
class PackagedJarIT {

    static final Duration STARTUP = Duration.ofMinutes(3);

    @Test
    void theJarStartsFromAnEmptyFolderAndItsHealthIsUp(@TempDir Path emptyFolder) throws Exception {
        Path jar = Path.of(System.getProperty("packagedJar", "target/proofline-0.1.0-SNAPSHOT.jar")).toAbsolutePath();
        assertThat(jar).as("mvn package builds the jar before this test").exists();
        int port = freePort();
        int management = freePort();
        Path log = Files.createTempFile("proofline-packaged-jar", ".log");
        // Health is on the operators' management port, as an operator or a load balancer reaches it.
        Process service = new ProcessBuilder(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar", jar.toString(), "--server.port=" + port, "--proofline.management.port=" + management,
                "--proofline.vendor-stubs.port=0", "--proofline.card-reader.port=0"))
                .directory(emptyFolder.toFile()).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        try {
            String health = awaitHealth(service, management, log);
            assertThat(health).contains("\"status\":\"UP\"");
            assertThat(Files.readString(log)).contains("Vendor stubs served in-process").contains("the packaged vendor-stubs")
                    .doesNotContain("NoSuchFileException");
            assertThat(emptyFolder.resolve("vendor-stubs")).doesNotExist();
        } finally {
            service.destroy();
            if (!service.waitFor(30, java.util.concurrent.TimeUnit.SECONDS)) {
                service.destroyForcibly();
            }
            Files.deleteIfExists(log);
        }
    }

    private static String awaitHealth(Process service, int port, Path log) throws Exception {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        HttpRequest health = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/actuator/health"))
                .timeout(Duration.ofSeconds(10)).build();
        long deadline = System.nanoTime() + STARTUP.toNanos();
        while (System.nanoTime() < deadline) {
            if (!service.isAlive()) {
                throw new AssertionError("The jar stopped (exit " + service.exitValue() + "):\n" + tail(log));
            }
            try {
                HttpResponse<String> answer = http.send(health, HttpResponse.BodyHandlers.ofString());
                if (answer.statusCode() == 200) {
                    return answer.body();
                }
            } catch (IOException notListeningYet) {
                // still starting
            }
            Thread.sleep(500);
        }
        throw new AssertionError("No health UP within " + STARTUP + ":\n" + tail(log));
    }

    private static String tail(Path log) throws IOException {
        List<String> lines = Files.readAllLines(log);
        return String.join("\n", lines.subList(Math.max(0, lines.size() - 60), lines.size()));
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}

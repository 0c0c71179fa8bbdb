package io.proofline.support;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.event.ApplicationEnvironmentPreparedEvent;
import org.springframework.boot.context.event.ApplicationFailedEvent;
import org.springframework.boot.context.logging.LoggingApplicationListener;
import org.springframework.context.ApplicationEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.core.Ordered;
import org.springframework.context.ConfigurableApplicationContext;

import io.proofline.ProoflineApplication;

/**
 * A whole Proofline (web and job executor) in the postgres profile, as one node of several on one database, one
 * Redis and one vendor stub server: either a Spring context in the test's JVM, or a JVM of its own (which a test can
 * kill). Every node of a {@link Cluster} shares the database, Redis's vault and sessions and the stubs, as nodes
 * behind one load balancer do; each has its own ports and data folder.
 */
public final class ProoflineNode implements AutoCloseable {

    /** What the nodes of one test share. {@code run} keeps this run's vault and sessions apart in a shared Redis. */
    public record Cluster(String jdbcUrl, String databaseUser, String redisUrl, String vendorsUrl, String run) {

        public static Cluster on(PostgresTestDatabase database, String redisUrl, String vendorsUrl) {
            return new Cluster(database.jdbcUrl(), database.user(), redisUrl, vendorsUrl,
                    UUID.randomUUID().toString().substring(0, 8));
        }

        /** A node's settings: the cluster's, then the node's own (which win). */
        public Map<String, String> node(String name, Map<String, String> own) {
            Map<String, String> settings = new LinkedHashMap<>();
            settings.put("spring.datasource.url", jdbcUrl);
            settings.put("spring.datasource.username", databaseUser);
            settings.put("spring.data.redis.url", redisUrl);
            settings.put("proofline.vault.key-prefix", "proofline-it:" + run + ":vault:");
            settings.put("spring.session.redis.namespace", "proofline-it:" + run + ":session");
            settings.put("proofline.vendor-stubs.embedded", "false");
            settings.put("proofline.development-inbox.enabled", "false");
            settings.put("proofline.vendors.base-url", vendorsUrl);
            settings.put("proofline.data-dir", "target/nodes/" + run + "/" + name);
            settings.put("proofline.card-reader.port", "-1");
            settings.put("server.port", String.valueOf(freePort()));
            settings.put("proofline.management.port", String.valueOf(freePort()));
            settings.putAll(own);
            return settings;
        }
    }

    private final String name;
    private final ConfigurableApplicationContext context;
    private final Process process;
    private final Path log;
    private final String url;

    private ProoflineNode(String name, ConfigurableApplicationContext context, Process process, Path log,
            Map<String, String> settings) {
        this.name = name;
        this.context = context;
        this.process = process;
        this.log = log;
        this.url = "http://localhost:" + settings.get("server.port");
    }

    /** A node as a Spring context in this JVM (its beans at hand). */
    public static ProoflineNode inThisJvm(String name, Map<String, String> settings) {
        // As command-line arguments, which win over the profiles' files (default properties would not).
        ConfigurableApplicationContext context = new SpringApplicationBuilder(ProoflineApplication.class)
                .listeners(new LoggingSetUp(true), new LoggingSetUp(false))
                .profiles("postgres", "it").run(arguments(settings).toArray(String[]::new));
        return new ProoflineNode(name, context, null, null, settings);
    }

    /**
     * Two nodes starting at once in one JVM would set Logback up together, which it does not survive (a
     * ConcurrentModificationException in its property map): the set-up is taken one node at a time, around Spring
     * Boot's {@link LoggingApplicationListener}.
     */
    private record LoggingSetUp(boolean begins) implements ApplicationListener<ApplicationEvent>, Ordered {

        private static final ReentrantLock ONE_AT_A_TIME = new ReentrantLock();

        @Override
        public void onApplicationEvent(ApplicationEvent event) {
            if (event instanceof ApplicationEnvironmentPreparedEvent && begins) {
                ONE_AT_A_TIME.lock();
            } else if ((event instanceof ApplicationEnvironmentPreparedEvent || event instanceof ApplicationFailedEvent)
                    && !begins && ONE_AT_A_TIME.isHeldByCurrentThread()) {
                ONE_AT_A_TIME.unlock();
            }
        }

        @Override
        public int getOrder() {
            return begins ? LoggingApplicationListener.DEFAULT_ORDER - 1 : LoggingApplicationListener.DEFAULT_ORDER + 1;
        }
    }

    /**
     * A node in a JVM of its own, from this test's classpath (the it profile's settings with it), started and
     * serving its sign-in page. Its output goes to target/nodes/.
     */
    public static ProoflineNode inItsOwnJvm(String name, Map<String, String> settings, Duration startUp)
            throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx512m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-cp", System.getProperty("java.class.path"),
                ProoflineApplication.class.getName(), "--spring.profiles.active=postgres,it"));
        command.addAll(arguments(settings));
        Path log = Path.of("target", "nodes", name + "-" + UUID.randomUUID().toString().substring(0, 8) + ".log");
        Files.createDirectories(log.getParent());
        Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        // A test that fails before it stops its node (or a build stopped midway) must not leave the node running,
        // holding database connections for the rest of the suite and later runs.
        Runtime.getRuntime().addShutdownHook(new Thread(process::destroyForcibly));
        ProoflineNode node = new ProoflineNode(name, null, process, log, settings);
        node.awaitServing(startUp);
        return node;
    }

    private static List<String> arguments(Map<String, String> settings) {
        return settings.entrySet().stream().map(setting -> "--" + setting.getKey() + "=" + setting.getValue()).toList();
    }

    private void awaitServing(Duration within) throws IOException, InterruptedException {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        HttpRequest signIn = HttpRequest.newBuilder(URI.create(url + "/sign-in")).timeout(Duration.ofSeconds(10)).build();
        long deadline = System.nanoTime() + within.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new AssertionError("node " + name + " stopped (exit " + process.exitValue() + "):\n" + tail());
            }
            try {
                if (http.send(signIn, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (IOException notListeningYet) {
                // still starting
            }
            Thread.sleep(200);
        }
        throw new AssertionError("node " + name + " not serving within " + within + ":\n" + tail());
    }

    public String url() {
        return url;
    }

    public String name() {
        return name;
    }

    public <T> T bean(Class<T> type) {
        if (context == null) {
            throw new IllegalStateException("node " + name + " runs in a JVM of its own");
        }
        return context.getBean(type);
    }

    /** SIGKILL: the JVM ends at once, mid-request and mid-job, with nothing shut down or committed. */
    public void kill() throws InterruptedException {
        process.destroyForcibly();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            throw new AssertionError("node " + name + " still alive after SIGKILL");
        }
    }

    public String tail() throws IOException {
        if (log == null) {
            return "";
        }
        List<String> lines = Files.readAllLines(log);
        return String.join("\n", lines.subList(Math.max(0, lines.size() - 80), lines.size()));
    }

    @Override
    public void close() throws InterruptedException {
        if (context != null) {
            context.close();
        }
        if (process != null && process.isAlive()) {
            process.destroy();
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        }
    }

    public static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}

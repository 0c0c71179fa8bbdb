package io.proofline.system;

import java.util.Arrays;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.event.EventListener;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

import io.proofline.vendors.VendorEndpoints;

/**
 * One readable block in the log once the service is ready: where things are, never secrets. (The card-reader port
 * reports itself, from its own feature.)
 */
@Component
class StartupReport {

    private static final Logger log = LoggerFactory.getLogger(StartupReport.class);

    private final Environment environment;
    private final VendorEndpoints vendors;
    private final ManagementPort management;
    private final String operator;
    private final String dataDir;

    StartupReport(Environment environment, VendorEndpoints vendors, ManagementPort management,
            @Value("${proofline.operator.username}") String operator,
            @Value("${proofline.data-dir}") String dataDir) {
        this.environment = environment;
        this.vendors = vendors;
        this.management = management;
        this.operator = operator;
        this.dataDir = dataDir;
    }

    @EventListener
    void onReady(ApplicationReadyEvent event) {
        int port = Optional.of(event.getApplicationContext())
                .filter(WebServerApplicationContext.class::isInstance)
                .map(c -> ((WebServerApplicationContext) c).getWebServer().getPort())
                .orElse(-1);
        boolean postgres = Arrays.asList(environment.getActiveProfiles()).contains("postgres");
        String base = "http://localhost:" + port;
        log.info("""

                ----------------------------------------------------------------
                 Proofline is ready ({} profile)
                   wizard      {}/verify
                   database    {}
                   vendors     {}
                 for operators, on the management port (bound to {}):
                   Cockpit     {}/camunda  (operator '{}'{})
                   actuator    {}/actuator/health
                ----------------------------------------------------------------""",
                postgres ? "postgres" : "embedded default", base,
                redactCredentials(environment.getProperty("spring.datasource.url")), vendors.baseUrl(),
                management.address(), management.localUrl(), operator,
                postgres ? "" : ", password in " + dataDir + "/operator-password", management.localUrl());
    }

    private static String redactCredentials(String jdbcUrl) {
        return jdbcUrl == null ? "" : jdbcUrl.replaceAll("(?i)password=[^;&]*", "password=***");
    }
}

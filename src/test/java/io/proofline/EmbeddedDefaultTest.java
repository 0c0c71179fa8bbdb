package io.proofline;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.web.client.RestClient;

import io.proofline.proofing.Journey;
import io.proofline.proofing.Journeys;
import io.proofline.vendors.VendorEndpoints;

/** The embedded default, as the README's run command starts it: nothing external needed. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "proofline.vendor-stubs.port=0", "proofline.data-dir=" + EmbeddedDefaultTest.DATA_DIR})
class EmbeddedDefaultTest {

    static final String DATA_DIR = "./target/embedded-default-test";

    @Autowired
    TestRestTemplate http;

    @Autowired
    VendorEndpoints vendors;

    @Autowired
    Journeys journeys;

    @Test
    @SuppressWarnings("unchecked")
    void healthIsUpOnH2WithoutRedis() {
        Map<String, Object> health = http.getForObject("/actuator/health", Map.class);

        assertThat(health).containsEntry("status", "UP");
        Map<String, Object> components = (Map<String, Object>) health.get("components");
        assertThat(components).containsKeys("processEngine", "db").doesNotContainKey("redis");
        assertThat(components.get("db").toString()).contains("H2");
    }

    @Test
    void cockpitServesItsLoginPage() throws Exception {
        // Not following redirects: a redirect to the admin setup page would let anyone create an administrator.
        HttpResponse<String> cockpit = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build()
                .send(HttpRequest.newBuilder(URI.create(http.getRootUri() + "/camunda/app/cockpit/default/")).build(),
                        HttpResponse.BodyHandlers.ofString());

        assertThat(cockpit.statusCode()).as(cockpit.headers().toString()).isEqualTo(200);
        assertThat(cockpit.body()).contains("<title>Camunda Cockpit</title>");
    }

    @Test
    void theOperatorPasswordWasGeneratedIntoTheDataFolder() throws IOException {
        assertThat(Files.readString(Path.of(DATA_DIR, "operator-password")).trim()).hasSizeGreaterThanOrEqualTo(20);
    }

    @Test
    void vendorStubsAreServedInProcess() {
        String status = RestClient.create(vendors.baseUrl()).get().uri("/__status").retrieve().body(String.class);

        assertThat(status).contains("\"status\"").contains("UP");
    }

    @Autowired
    org.camunda.bpm.engine.ProcessEngine processEngine;

    @Test
    void historyIsCleanedUpInTheNightlyWindowAndEveryProcessHasATimeToLive() {
        var configuration = (org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl)
                processEngine.getProcessEngineConfiguration();

        assertThat(configuration.getHistoryCleanupBatchWindowStartTime()).isEqualTo("01:00");
        assertThat(configuration.getHistoryCleanupBatchWindowEndTime()).isEqualTo("05:00");
        assertThat(configuration.isEnforceHistoryTimeToLive()).isTrue();
        assertThat(processEngine.getRepositoryService().createProcessDefinitionQuery().list())
                .isNotEmpty().allSatisfy(d -> assertThat(d.getHistoryTimeToLive()).isPositive());
        assertThat(processEngine.getHistoryService().findHistoryCleanupJobs()).isNotEmpty();
    }

    @Test
    void aJourneyStartsOnTheEmbeddedDatabase() {
        Journey journey = journeys.startOrResume("embedded-account");

        assertThat(journey.processInstanceId()).isNotBlank();
    }
}

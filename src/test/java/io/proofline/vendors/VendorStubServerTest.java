package io.proofline.vendors;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.support.StaticListableBeanFactory;

/**
 * The stubs the embedded default serves keep no journal of what they received: the requests' bodies carry names,
 * SSNs, phones and addresses, and WireMock's admin API would hand them to anyone on the machine. Only the tests turn
 * the journal on, to read what the adapters sent.
 */
class VendorStubServerTest {

    @Test
    void withoutTheTestsJournalNothingAReceivedRequestHeldCanBeReadBack() throws Exception {
        VendorStubServer stubs = new VendorStubServer(new VendorStubProperties(true, 0, "vendor-stubs", false),
                new StaticListableBeanFactory().getBeanProvider(DevelopmentInbox.class));
        try {
            HttpClient http = HttpClient.newHttpClient();
            http.send(HttpRequest.newBuilder(URI.create(stubs.baseUrl() + "/resolution/v1/verify"))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"ssn\":\"900-41-7733\",\"lastName\":\"Abernathy\"}"))
                    .build(), HttpResponse.BodyHandlers.ofString());
            HttpResponse<String> journal = http.send(HttpRequest.newBuilder(
                    URI.create(stubs.baseUrl() + "/__admin/requests")).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(journal.body()).doesNotContain("900-41-7733", "Abernathy");
        } finally {
            stubs.stop();
        }
    }
}

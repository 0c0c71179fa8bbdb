package io.proofline.email;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;

import io.proofline.vendors.IdempotencyKey;
import io.proofline.vendors.StubbedVendors;
import io.proofline.vendors.VendorErrorKind;
import io.proofline.vendors.VendorId;
import io.proofline.vendors.VendorResult;

/** Emails against vendor-stubs/mappings/email.json. */
class EmailDeliveryTest {

    static WireMockServer server;
    StubbedVendors vendors;
    EmailDelivery delivery;

    @BeforeAll
    static void startStubs() {
        server = StubbedVendors.startStubServer();
    }

    @AfterAll
    static void stopStubs() {
        server.stop();
    }

    @BeforeEach
    void freshAdapter() {
        vendors = StubbedVendors.on(server);
        delivery = new VendorEmailDelivery(vendors.clients());
    }

    @Test
    void aMessageIsQueuedWithItsAddressSubjectTextAndKey() throws Exception {
        IdempotencyKey key = new IdempotencyKey("email:4f1c");
        VendorResult<EmailSent> sent = delivery.send(new Email("pat@example.org", "Confirm your email address",
                "Open https://secure.example.gov/sign-up/confirm?token=abc"), key);

        assertThat(sent).isEqualTo(VendorResult.pass(new EmailSent("msg-email:4f1c", false)));
        var requests = vendors.requestsTo(VendorEmailDelivery.PATH);
        assertThat(requests).hasSize(1);
        assertThat(requests.get(0).getHeader("Idempotency-Key")).isEqualTo("email:4f1c");
        var body = new ObjectMapper().readTree(requests.get(0).getBodyAsString());
        assertThat(body.get("to").asText()).isEqualTo("pat@example.org");
        assertThat(body.get("subject").asText()).isEqualTo("Confirm your email address");
        assertThat(body.get("text").asText()).contains("/sign-up/confirm?token=abc");
        assertThat(vendors.outcomeCount(VendorId.EMAIL, "pass")).isEqualTo(1);
    }

    @Test
    void anAddressThatCannotReceiveMailFailsAndAnOutageIsAVendorErrorNeitherRetried() {
        assertThat(delivery.send(new Email("pat@bounce.example.invalid", "s", "t"), new IdempotencyKey("email:b"))
                .reasonCodes()).containsExactly("UNDELIVERABLE");
        assertThat(delivery.send(new Email("pat@outage.example.invalid", "s", "t"), new IdempotencyKey("email:o")))
                .isEqualTo(VendorResult.error(VendorId.EMAIL, VendorErrorKind.SERVER_ERROR));
        assertThat(vendors.requestsTo(VendorEmailDelivery.PATH)).as("a send is never retried by the adapter").hasSize(2);
    }

    @Test
    void anEmailPrintsNothingOfItsAddressOrText() {
        assertThat(new Email("pat@example.org", "Confirm", "https://x/?token=secret").toString())
                .doesNotContain("pat@", "secret", "Confirm");
    }
}

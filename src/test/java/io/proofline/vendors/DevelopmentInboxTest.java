package io.proofline.vendors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.support.StaticListableBeanFactory;

import com.github.tomakehurst.wiremock.verification.RequestJournalDisabledException;

/** What the development inbox keeps of a request (the code, how, two digits) and what the stubs keep (nothing). */
class DevelopmentInboxTest {

    final DevelopmentInbox inbox = new DevelopmentInbox(Clock.fixed(Instant.parse("2026-12-01T12:00:00Z"), ZoneOffset.UTC));

    @Test
    void aTextAndALetterKeepTheirCodesAndNothingPersonal() {
        inbox.received("/telephony/v1/messages", "{\"channel\":\"VOICE\",\"to\":\"+14065550172\",\"code\":\"123456\"}", 202);
        inbox.received("/usps/v1/letters", """
                {"firstName":"Zebulon","lastName":"Quattlebaum","address":{"street":"742 Evergreen Terrace","zip":"59011"},
                 "code":"ABCD1234"}""", 201);

        assertThat(inbox.deliveries()).containsExactly(
                new DevelopmentInbox.Delivery(Instant.parse("2026-12-01T12:00:00Z"), "LETTER", "", "ABCD1234"),
                new DevelopmentInbox.Delivery(Instant.parse("2026-12-01T12:00:00Z"), "VOICE", "72", "123456"));
        assertThat(inbox.deliveries().toString()).doesNotContain("Zebulon", "Evergreen", "59011", "4065550172");
    }

    @Test
    void refusedRequestsAndOtherVendorsAreNotKeptAndOnlyTheNewestTwenty() {
        inbox.received("/telephony/v1/messages", "{\"to\":\"+17035555999\",\"code\":\"999999\"}", 503);
        inbox.received("/resolution/v1/verify", "{\"ssn\":\"900-12-3456\",\"code\":\"x\"}", 200);
        assertThat(inbox.deliveries()).isEmpty();
        for (int i = 0; i < 25; i++) {
            inbox.received("/telephony/v1/messages", "{\"to\":\"+14065550100\",\"code\":\"" + i + "\"}", 202);
        }
        assertThat(inbox.deliveries()).hasSize(DevelopmentInbox.KEPT).first()
                .satisfies(newest -> assertThat(newest.code()).isEqualTo("24"));
    }

    @Test
    void theStubServerKeepsNoJournalOfRequestsUnlessATestAsks() {
        VendorStubServer stubs = new VendorStubServer(new VendorStubProperties(true, 0, "vendor-stubs", false),
                new StaticListableBeanFactory().getBeanProvider(DevelopmentInbox.class));
        try {
            assertThatThrownBy(() -> stubs.server().getAllServeEvents()).isInstanceOf(RequestJournalDisabledException.class);
        } finally {
            stubs.stop();
        }
    }
}

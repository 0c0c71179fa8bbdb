package io.proofline.sampleagency;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.proofline.sampleagency.SampleAgencyController.Shown;

/** What the sample agency shows of the claims it received: an address by its lines, a moment as a date. */
class SampleAgencyControllerTest {

    /** 2025-01-05T15:04:05Z. */
    static final long VERIFIED_AT = 1736089445L;

    @Test
    void theAddressIsShownByItsFormattedLinesNotAsAMap() {
        Map<String, Object> address = new LinkedHashMap<>();
        address.put("formatted", "12 Larkspur Way\nBozeman, MT 59715");
        address.put("street_address", "12 Larkspur Way");
        address.put("locality", "Bozeman");
        address.put("region", "MT");
        address.put("postal_code", "59715");

        Shown shown = SampleAgencyController.shown(Map.of("address", address), Locale.ENGLISH).get("address");

        assertThat(shown.lines()).containsExactly("12 Larkspur Way", "Bozeman, MT 59715");
        assertThat(shown.datetime()).isNull();
    }

    @Test
    void verifiedAtIsADateAndTimeInThePagesLanguageWithTheValueReceivedKept() {
        Shown english = SampleAgencyController.shown(Map.of("verified_at", VERIFIED_AT), Locale.ENGLISH)
                .get("verified_at");
        Shown french = SampleAgencyController.shown(Map.of("verified_at", (int) VERIFIED_AT), Locale.FRENCH)
                .get("verified_at");

        assertThat(english.lines()).singleElement().asString().contains("January", "5", "2025");
        assertThat(french.lines()).singleElement().asString().contains("janvier", "2025");
        assertThat(english.datetime()).isEqualTo(french.datetime()).isEqualTo("2025-01-05T15:04:05Z");
        assertThat(english.raw()).isEqualTo(french.raw()).isEqualTo("1736089445");
    }

    @Test
    void otherClaimsAreShownAsTheyCameInTheirOrder() {
        Map<String, Object> received = new LinkedHashMap<>();
        received.put("acr", "urn:acr.login.gov:verified");
        received.put("email_verified", true);
        received.put("address", "not an object");

        Map<String, Shown> shown = SampleAgencyController.shown(received, Locale.ENGLISH);

        assertThat(shown.keySet()).containsExactly("acr", "email_verified", "address");
        assertThat(shown.get("acr").lines()).containsExactly("urn:acr.login.gov:verified");
        assertThat(shown.get("email_verified").lines()).containsExactly("true");
        assertThat(shown.get("address").lines()).containsExactly("not an object");
        assertThat(List.copyOf(shown.values())).allSatisfy(line -> assertThat(line.datetime()).isNull());
    }
}

package io.proofline.proofing;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.stereotype.Component;

/**
 * The time-based policy numbers the BPMN models read through expressions (e.g.
 * {@code ${proofingPolicy.inPersonPollInterval}}), with the seeds' values as defaults. Attempt limits
 * and lockout windows live with the counters, under {@code proofline.throttle}.
 *
 * <p>Getters return ISO-8601 strings because that is what Camunda timer expressions accept.
 */
@Component("proofingPolicy")
@ConfigurationProperties("proofline.policy")
public class ProofingPolicy {

    /** Seed 004: "This code is valid for 30 days." */
    private Duration letterCodeValidity = Duration.ofDays(30);
    /** Login.gov's in-person enrollment validity: 7 days. */
    private Duration inPersonEnrollmentValidity = Duration.ofDays(7);
    /** How often USPS is asked for an enrollment's status. */
    private Duration inPersonPollInterval = Duration.ofMinutes(30);
    /** Login.gov's one-time code validity: 10 minutes. */
    private Duration oneTimeCodeValidity = Duration.ofMinutes(10);
    /** Retries of automated steps before they become an incident in Cockpit. */
    private String vendorRetryCycle = "R3/PT5M";

    public Duration letterCodeValidity() {
        return letterCodeValidity;
    }

    public Duration inPersonEnrollmentValidity() {
        return inPersonEnrollmentValidity;
    }

    public Duration oneTimeCodeValidity() {
        return oneTimeCodeValidity;
    }

    public void setOneTimeCodeValidity(Duration oneTimeCodeValidity) {
        this.oneTimeCodeValidity = oneTimeCodeValidity;
    }

    public String getInPersonPollInterval() {
        return inPersonPollInterval.toString();
    }

    public String getVendorRetryCycle() {
        return vendorRetryCycle;
    }

    public void setLetterCodeValidity(Duration letterCodeValidity) {
        this.letterCodeValidity = letterCodeValidity;
    }

    public void setInPersonEnrollmentValidity(Duration inPersonEnrollmentValidity) {
        this.inPersonEnrollmentValidity = inPersonEnrollmentValidity;
    }

    public void setInPersonPollInterval(Duration inPersonPollInterval) {
        this.inPersonPollInterval = inPersonPollInterval;
    }

    public void setVendorRetryCycle(String vendorRetryCycle) {
        this.vendorRetryCycle = vendorRetryCycle;
    }
}

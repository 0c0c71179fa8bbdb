package io.proofline.proofing;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.stereotype.Component;

/**
 * The time-based policy numbers the BPMN models read through expressions (e.g.
 * {@code ${proofingPolicy.inPersonPollInterval}}), the seeds' values as defaults in application.yml. Attempt
 * limits and lockout windows live with the counters, under {@code proofline.throttle}; the address feature's code
 * and enrollment validity in {@code io.proofline.address.AddressPolicy}.
 *
 * <p>Getters return ISO-8601 strings because that is what Camunda timer expressions accept.
 */
@Component("proofingPolicy")
@ConfigurationProperties("proofline.policy")
public class ProofingPolicy {

    /** How often USPS is asked for an enrollment's status. */
    private Duration inPersonPollInterval;
    /** Retries of automated steps before they become an incident in Cockpit. */
    private String vendorRetryCycle;

    public String getInPersonPollInterval() {
        return inPersonPollInterval.toString();
    }

    public String getVendorRetryCycle() {
        return vendorRetryCycle;
    }

    public void setInPersonPollInterval(Duration inPersonPollInterval) {
        this.inPersonPollInterval = inPersonPollInterval;
    }

    public void setVendorRetryCycle(String vendorRetryCycle) {
        this.vendorRetryCycle = vendorRetryCycle;
    }
}

package io.proofline;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/**
 * Proofline: an identity-proofing orchestrator. A person proves who they are to NIST IAL2 through
 * the journeys modelled in {@code bpmn/}; a partner agency receives their verified attributes only
 * after they consent.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class ProoflineApplication {

    public static void main(String[] args) {
        SpringApplication.run(ProoflineApplication.class, args);
    }
}

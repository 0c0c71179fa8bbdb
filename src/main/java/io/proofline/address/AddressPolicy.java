package io.proofline.address;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How long the address feature's codes and enrollments stay good, from {@code proofline.policy} (the seeds'
 * values are the defaults, in application.yml): a letter's code (seed 004: "valid for 30 days"), a one-time code
 * (Login.gov: 10 minutes), an in-person enrollment (Login.gov: 7 days).
 */
@ConfigurationProperties("proofline.policy")
public record AddressPolicy(Duration letterCodeValidity, Duration oneTimeCodeValidity,
        Duration inPersonEnrollmentValidity) {
}

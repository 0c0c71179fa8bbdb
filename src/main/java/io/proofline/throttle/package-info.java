/**
 * Attempt counters and lockouts that survive a new journey, a new session and a restart: rows in our own
 * table, keyed by an opaque subject (an account id or a fingerprint, never PII) and a {@link
 * io.proofline.throttle.ThrottleType}. Limits are configuration ({@code proofline.throttle.<type>.*}); time
 * comes from the service's one {@link java.time.Clock}.
 */
package io.proofline.throttle;

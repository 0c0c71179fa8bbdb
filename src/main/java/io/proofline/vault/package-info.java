/**
 * The session vault: what proofing collects ({@link io.proofline.vault.ProofingPii}) between steps,
 * encrypted with the shared session key before it is stored (Redis in the postgres profile, memory in the
 * embedded default), keyed by the opaque journey id, expiring after {@code proofline.vault.ttl}, and
 * deleted once the profile is encrypted under the user's password.
 */
package io.proofline.vault;

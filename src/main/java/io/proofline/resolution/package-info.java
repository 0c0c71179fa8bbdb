/**
 * Identity resolution: name, date of birth, SSN and address checked against authoritative sources
 * ({@link io.proofline.resolution.IdentityResolution}), and the state ID confirmed with its issuing
 * state's DMV ({@link io.proofline.resolution.StateDmv}). Both answer a
 * {@link io.proofline.vendors.VendorResult}: pass, fail with reasons, or vendor error.
 */
package io.proofline.resolution;

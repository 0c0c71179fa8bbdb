/**
 * PIV/CAC: a client certificate chain validated against the configured federal trust anchors (JDK
 * PKIX, revocation by CRL), the certificate's usage checked, and the holder's name read from its
 * subject ({@link io.proofline.pivcac.PivCacVerification}).
 */
package io.proofline.pivcac;

/**
 * Document authentication: a state ID's front and back and a selfie go to the vendor, which checks the
 * ID's authenticity, matches the selfie to the ID's portrait, checks liveness and reads the ID's
 * fields ({@link io.proofline.documents.DocumentAuthentication}). Images are sent and forgotten:
 * never stored, never logged.
 */
package io.proofline.documents;

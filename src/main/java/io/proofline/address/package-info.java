/**
 * Proof of address: phone records ({@link io.proofline.address.PhoneRecords}), one-time codes by SMS or
 * voice ({@link io.proofline.address.OneTimeCodeDelivery}), and USPS: the letter with a code, and the
 * in-person proofing enrollment and its status ({@link io.proofline.address.Usps}).
 */
package io.proofline.address;

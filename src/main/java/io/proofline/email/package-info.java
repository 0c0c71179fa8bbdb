/**
 * Email to people, through an email vendor's HTTP API: the account's confirmation and reset links and its security
 * notices. {@link io.proofline.email.EmailDelivery} is the port; the adapter is shaped like every other vendor's.
 */
package io.proofline.email;

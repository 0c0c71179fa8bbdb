package io.proofline.accounts;

import java.time.Instant;

/**
 * What asking for a link by email did (a sign-up's, a password reset's): the same three answers whether or not the
 * address has an account.
 */
public sealed interface LinkRequest {

    /** An email went to the address: the link, or for an address without (or with) an account, what to do instead. */
    record Sent() implements LinkRequest {
    }

    /** Too many links were asked for this address or from this client; nothing was sent. */
    record Paused(Instant until) implements LinkRequest {
    }

    /** The email vendor did not take the message (it is down, or the address cannot receive mail). */
    record NotSent() implements LinkRequest {
    }
}

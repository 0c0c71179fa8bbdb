package io.proofline.accounts;

import java.time.Clock;
import java.util.Locale;
import java.util.Optional;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

import io.proofline.email.Email;
import io.proofline.email.EmailDelivery;
import io.proofline.email.EmailSent;
import io.proofline.throttle.ThrottleType;
import io.proofline.throttle.Throttles;
import io.proofline.vendors.IdempotencyKey;
import io.proofline.vendors.VendorResult;
import io.proofline.web.PublicAddress;

/**
 * What the links sent by email share (a sign-up's, a password reset's): the throttles on asking, the message in the
 * person's language, the send, and opening a link that was followed.
 */
@Component
class EmailLinks {

    /** Links asked from one client address, for any email and either purpose: bounds one sender. */
    static final ThrottleType FROM_CLIENT = ThrottleType.named("sign-up-client");

    private final EmailLinkRepository links;
    private final Throttles throttles;
    private final EmailDelivery email;
    private final MessageSource messages;
    private final PublicAddress publicAddress;
    private final AccountsProperties properties;
    private final Clock clock;

    EmailLinks(EmailLinkRepository links, Throttles throttles, EmailDelivery email, MessageSource messages,
            PublicAddress publicAddress, AccountsProperties properties, Clock clock) {
        this.links = links;
        this.throttles = throttles;
        this.email = email;
        this.messages = messages;
        this.publicAddress = publicAddress;
        this.properties = properties;
        this.clock = clock;
    }

    /** The attempts one request for a link took: given back if nothing is sent. */
    record Reservation(String address, ThrottleType perAddress, String client) {
    }

    /**
     * Counts a request for a link against the address (whoever asks) and the client, before anything is looked up
     * or sent; a paused one is the answer.
     */
    Optional<LinkRequest> paused(Reservation reservation) {
        Throttles.Attempt forAddress = throttles.reserve(reservation.address(), reservation.perAddress());
        if (!forAddress.admitted()) {
            return Optional.of(new LinkRequest.Paused(forAddress.status().lockedUntil().orElseThrow()));
        }
        Throttles.Attempt fromHere = throttles.reserve(reservation.client(), FROM_CLIENT);
        if (!fromHere.admitted()) {
            throttles.refund(reservation.address(), reservation.perAddress());
            return Optional.of(new LinkRequest.Paused(fromHere.status().lockedUntil().orElseThrow()));
        }
        links.deleteExpiredBefore(clock.instant());
        return Optional.empty();
    }

    /** Sends under the token's key (a retried send is one email); an email not sent gives the attempts back. */
    LinkRequest send(Email message, EmailToken token, Reservation reservation) {
        VendorResult<EmailSent> sent = email.send(message, new IdempotencyKey("email:" + token.digest().substring(0, 32)));
        if (!sent.isPass()) {
            throttles.refund(reservation.address(), reservation.perAddress());
            throttles.refund(reservation.client(), FROM_CLIENT);
            return new LinkRequest.NotSent();
        }
        return new LinkRequest.Sent();
    }

    /** A message whose text takes the link ({0}) and the link's validity in hours ({1}). */
    Email compose(String to, String subjectKey, String textKey, Locale locale, String path) {
        return new Email(to, messages.getMessage(subjectKey, null, locale), messages.getMessage(textKey,
                new Object[] {publicAddress.of(path), properties.emailLinkValidity().toHours()}, locale));
    }

    /** The link of this token, if it is one of this purpose and still works. */
    Optional<EmailLink> open(String token, EmailLink.Purpose purpose) {
        if (!EmailToken.wellFormed(token)) {
            return Optional.empty();
        }
        return links.findByTokenDigest(new EmailToken(token).digest())
                .filter(link -> link.purpose() == purpose && link.usableAt(clock.instant()));
    }

    /** Uses the link in the caller's transaction; false if another request used it first. */
    boolean use(EmailLink link) {
        return links.use(link.tokenDigest(), link.purpose(), clock.instant()) == 1;
    }

    void insert(EmailLink link) {
        links.insert(link);
    }
}

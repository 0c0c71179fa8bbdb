package io.proofline.accounts;

import java.time.Instant;
import java.util.Locale;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.MessageSource;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;

import io.proofline.crypto.AttributeEncryptor;
import io.proofline.crypto.Fingerprints;
import io.proofline.email.Email;
import io.proofline.email.EmailDelivery;
import io.proofline.email.EmailSent;
import io.proofline.throttle.ThrottleType;
import io.proofline.throttle.Throttles;
import io.proofline.vendors.IdempotencyKey;
import io.proofline.vendors.VendorResult;
import io.proofline.web.PublicAddress;

/**
 * Sign-up in two halves, so that nobody can open an account with an address they do not control: the address gets
 * a link (valid {@code proofline.accounts.email-link-validity}, once), and the password is chosen once the link is
 * followed. Whether the address already has an account is never shown on a page: its owner is told by email, and
 * the page answers the same either way.
 */
@Service
public class SignUps {

    private static final Logger log = LoggerFactory.getLogger(SignUps.class);

    /** Links asked for one address, whoever asks: bounds the mail a stranger can send to someone else. */
    public static final ThrottleType SIGN_UP = ThrottleType.named("sign-up");
    /** Links asked for from one client address, for any email: bounds one sender. */
    public static final ThrottleType SIGN_UP_CLIENT = ThrottleType.named("sign-up-client");

    private final Accounts accounts;
    private final AccountRepository accountRows;
    private final EmailLinkRepository links;
    private final AttributeEncryptor attributes;
    private final Fingerprints fingerprints;
    private final Throttles throttles;
    private final EmailDelivery email;
    private final MessageSource messages;
    private final PublicAddress publicAddress;
    private final AccountsProperties properties;
    private final java.time.Clock clock;

    SignUps(Accounts accounts, AccountRepository accountRows, EmailLinkRepository links, AttributeEncryptor attributes,
            Fingerprints fingerprints, Throttles throttles, EmailDelivery email, MessageSource messages,
            PublicAddress publicAddress, AccountsProperties properties, java.time.Clock clock) {
        this.accounts = accounts;
        this.accountRows = accountRows;
        this.links = links;
        this.attributes = attributes;
        this.fingerprints = fingerprints;
        this.throttles = throttles;
        this.email = email;
        this.messages = messages;
        this.publicAddress = publicAddress;
        this.properties = properties;
        this.clock = clock;
    }

    /** What asking for a sign-up link did; the same three answers whether or not the address has an account. */
    public sealed interface Started {
        /** An email went to the address: a link, or for an address with an account, the way to sign in. */
        record Sent() implements Started {
        }

        /** Too many links were asked for this address or from this client; nothing was sent. */
        record Paused(Instant until) implements Started {
        }

        /** The email vendor did not take the message (it is down, or the address cannot receive mail). */
        record NotSent() implements Started {
        }
    }

    /**
     * @param client the client's address ({@code request.getRemoteAddr()}); only its fingerprint is kept
     * @param locale the language of the email
     */
    public Started start(String address, String client, Locale locale) {
        String emailAddress = address.strip();
        Fingerprints.Lookup fingerprint = fingerprints.email(emailAddress);
        String fromClient = fingerprints.client(client).current().substring(0, 32);
        Throttles.Attempt forAddress = throttles.reserve(fingerprint.current(), SIGN_UP);
        if (!forAddress.admitted()) {
            return new Started.Paused(forAddress.status().lockedUntil().orElseThrow());
        }
        Throttles.Attempt fromHere = throttles.reserve(fromClient, SIGN_UP_CLIENT);
        if (!fromHere.admitted()) {
            throttles.refund(fingerprint.current(), SIGN_UP);
            return new Started.Paused(fromHere.status().lockedUntil().orElseThrow());
        }
        Instant now = clock.instant();
        links.deleteExpiredBefore(now);
        EmailToken token = EmailToken.random();
        Email message;
        if (accountRows.findByEmailFingerprintIn(fingerprint.candidates()).isPresent()) {
            message = compose(emailAddress, "email.alreadyRegistered.subject", "email.alreadyRegistered.text", locale,
                    publicAddress.of("/sign-in"));
        } else {
            links.insert(new EmailLink(token.digest(), EmailLink.Purpose.SIGN_UP, null,
                    attributes.encrypt(emailAddress, EmailLink.emailContext(token.digest())), fingerprint.current(), now,
                    now.plus(properties.emailLinkValidity())));
            message = compose(emailAddress, "email.confirmSignUp.subject", "email.confirmSignUp.text", locale,
                    publicAddress.of("/sign-up/confirm?token=" + token.value()));
        }
        // Both kinds go through the same call, so the page's answer and its time do not tell them apart.
        VendorResult<EmailSent> sent = email.send(message, new IdempotencyKey("email:" + token.digest().substring(0, 32)));
        if (!sent.isPass()) {
            throttles.refund(fingerprint.current(), SIGN_UP);
            throttles.refund(fromClient, SIGN_UP_CLIENT);
            return new Started.NotSent();
        }
        return new Started.Sent();
    }

    /** Whether a link followed from an email still works (to show the password form; following it uses nothing). */
    public boolean isOpen(String token) {
        return EmailToken.wellFormed(token) && links.findByTokenDigest(new EmailToken(token).digest())
                .filter(link -> link.purpose() == EmailLink.Purpose.SIGN_UP && link.usableAt(clock.instant()))
                .isPresent();
    }

    /** The end of a sign-up, once the password is chosen. */
    public sealed interface Completed {
        record SignedIn(AccountId account, SessionToken session) implements Completed {
        }

        /** The link was used already, has expired or never existed. */
        record LinkNotUsable() implements Completed {
        }

        /** The address got an account meanwhile (another link to it was followed first). */
        record EmailTaken() implements Completed {
        }
    }

    /**
     * Creates the account with the link's address and signs it in. The link is used in the transaction that creates
     * the account, after the password's one derivation: a too-short password, a busy moment or a second tab's
     * request leaves it working.
     *
     * @throws AccountsException.PasswordTooShort before anything is used
     */
    public Completed complete(String token, String password) {
        accounts.requireLongEnough(password);
        if (!EmailToken.wellFormed(token)) {
            return new Completed.LinkNotUsable();
        }
        String digest = new EmailToken(token).digest();
        Optional<EmailLink> link = links.findByTokenDigest(digest)
                .filter(found -> found.purpose() == EmailLink.Purpose.SIGN_UP && found.usableAt(clock.instant()));
        if (link.isEmpty()) {
            return new Completed.LinkNotUsable();
        }
        String emailAddress = attributes.decrypt(link.get().emailCiphertext(), EmailLink.emailContext(digest));
        AccountId account;
        try {
            account = accounts.register(emailAddress, password, () -> {
                if (links.use(digest, EmailLink.Purpose.SIGN_UP, clock.instant()) != 1) {
                    throw new LinkAlreadyUsed();
                }
            });
        } catch (LinkAlreadyUsed used) {
            return new Completed.LinkNotUsable();
        } catch (AccountsException.EmailAlreadyRegistered | DuplicateKeyException registered) {
            return new Completed.EmailTaken();
        }
        log.info("Account {} signed up with a confirmed email", account);
        return new Completed.SignedIn(account, accounts.openSession(account));
    }

    private Email compose(String to, String subjectKey, String textKey, Locale locale, String link) {
        return new Email(to, messages.getMessage(subjectKey, null, locale),
                messages.getMessage(textKey, new Object[] {link,
                        properties.emailLinkValidity().toHours()}, locale));
    }

    /** Rolls the account's creation back: the link was used by another request in the meantime. */
    private static final class LinkAlreadyUsed extends RuntimeException {
        LinkAlreadyUsed() {
            super("The email link was used meanwhile", null, false, false);
        }
    }
}

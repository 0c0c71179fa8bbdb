package io.proofline.accounts;

import java.time.Clock;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;

import io.proofline.crypto.AttributeEncryptor;
import io.proofline.crypto.Fingerprints;
import io.proofline.email.Email;
import io.proofline.throttle.ThrottleType;

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

    private final Accounts accounts;
    private final AccountRepository accountRows;
    private final EmailLinks emailLinks;
    private final AttributeEncryptor attributes;
    private final Fingerprints fingerprints;
    private final AccountsProperties properties;
    private final Clock clock;

    SignUps(Accounts accounts, AccountRepository accountRows, EmailLinks emailLinks, AttributeEncryptor attributes,
            Fingerprints fingerprints, AccountsProperties properties, Clock clock) {
        this.accounts = accounts;
        this.accountRows = accountRows;
        this.emailLinks = emailLinks;
        this.attributes = attributes;
        this.fingerprints = fingerprints;
        this.properties = properties;
        this.clock = clock;
    }

    /**
     * @param client the client's address ({@code request.getRemoteAddr()}); only its fingerprint is kept
     * @param locale the language of the email
     */
    public LinkRequest start(String address, String client, Locale locale) {
        String emailAddress = address.strip();
        Fingerprints.Lookup fingerprint = fingerprints.email(emailAddress);
        EmailLinks.Reservation reservation = new EmailLinks.Reservation(fingerprint.current(), SIGN_UP,
                fingerprints.client(client).current().substring(0, 32));
        Optional<LinkRequest> paused = emailLinks.paused(reservation);
        if (paused.isPresent()) {
            return paused.get();
        }
        Instant now = clock.instant();
        EmailToken token = EmailToken.random();
        Email message;
        if (accountRows.findByEmailFingerprintIn(fingerprint.candidates()).isPresent()) {
            message = emailLinks.compose(emailAddress, "email.alreadyRegistered.subject", "email.alreadyRegistered.text",
                    locale, "/sign-in");
        } else {
            emailLinks.insert(new EmailLink(token.digest(), EmailLink.Purpose.SIGN_UP, null,
                    attributes.encrypt(emailAddress, EmailLink.emailContext(token.digest())), fingerprint.current(), now,
                    now.plus(properties.emailLinkValidity())));
            message = emailLinks.compose(emailAddress, "email.confirmSignUp.subject", "email.confirmSignUp.text", locale,
                    "/sign-up/confirm?token=" + token.value());
        }
        // Both kinds go through the same call, so the page's answer and its time do not tell them apart.
        return emailLinks.send(message, token, reservation);
    }

    /** Whether a link followed from an email still works (to show the password form; following it uses nothing). */
    public boolean isOpen(String token) {
        return emailLinks.open(token, EmailLink.Purpose.SIGN_UP).isPresent();
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
        Optional<EmailLink> link = emailLinks.open(token, EmailLink.Purpose.SIGN_UP);
        if (link.isEmpty()) {
            return new Completed.LinkNotUsable();
        }
        String emailAddress = attributes.decrypt(link.get().emailCiphertext(),
                EmailLink.emailContext(link.get().tokenDigest()));
        AccountId account;
        try {
            account = accounts.register(emailAddress, password, () -> {
                if (!emailLinks.use(link.get())) {
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

    /** Rolls the account's creation back: the link was used by another request in the meantime. */
    private static final class LinkAlreadyUsed extends RuntimeException {
        LinkAlreadyUsed() {
            super("The email link was used meanwhile", null, false, false);
        }
    }
}

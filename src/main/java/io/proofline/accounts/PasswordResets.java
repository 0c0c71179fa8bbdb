package io.proofline.accounts;

import java.time.Clock;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

import io.proofline.crypto.Fingerprints;
import io.proofline.email.Email;
import io.proofline.throttle.ThrottleType;

/**
 * A forgotten password: a link by email (valid {@code proofline.accounts.email-link-validity}, once), then a new
 * password. The verified profile stays sealed under the old one until the personal key recovers it
 * ({@link Profiles#reactivate}). The page answers the same whether or not the address has an account.
 */
@Service
public class PasswordResets {

    private static final Logger log = LoggerFactory.getLogger(PasswordResets.class);

    /** Reset links asked for one address, whoever asks. */
    public static final ThrottleType PASSWORD_RESET = ThrottleType.named("password-reset");

    private final Accounts accounts;
    private final AccountRepository accountRows;
    private final EmailLinks emailLinks;
    private final Fingerprints fingerprints;
    private final AccountsProperties properties;
    private final Clock clock;
    private final SecurityNotices notices;
    private final AccountHistory history;

    PasswordResets(Accounts accounts, AccountRepository accountRows, EmailLinks emailLinks, Fingerprints fingerprints,
            AccountsProperties properties, Clock clock, SecurityNotices notices, AccountHistory history) {
        this.history = history;
        this.notices = notices;
        this.accounts = accounts;
        this.accountRows = accountRows;
        this.emailLinks = emailLinks;
        this.fingerprints = fingerprints;
        this.properties = properties;
        this.clock = clock;
    }

    /** @param client the client's address; only its fingerprint is kept */
    public LinkRequest start(String address, String client, Locale locale) {
        String emailAddress = address.strip();
        Fingerprints.Lookup fingerprint = fingerprints.email(emailAddress);
        EmailLinks.Reservation reservation = new EmailLinks.Reservation(fingerprint.current(), PASSWORD_RESET,
                fingerprints.client(client).current().substring(0, 32));
        Optional<LinkRequest> paused = emailLinks.paused(reservation);
        if (paused.isPresent()) {
            return paused.get();
        }
        EmailToken token = EmailToken.random();
        Optional<Account> account = accountRows.findByEmailFingerprintIn(fingerprint.candidates());
        Email message;
        if (account.isPresent()) {
            Instant now = clock.instant();
            emailLinks.insert(new EmailLink(token.digest(), EmailLink.Purpose.RESET, account.get().id(), null,
                    fingerprint.current(), now, now.plus(properties.emailLinkValidity())));
            message = emailLinks.compose(emailAddress, "email.resetPassword.subject", "email.resetPassword.text", locale,
                    "/forgot-password/reset?token=" + token.value());
        } else {
            message = emailLinks.compose(emailAddress, "email.noAccount.subject", "email.noAccount.text", locale,
                    "/sign-up");
        }
        return emailLinks.send(message, token, reservation);
    }

    public boolean isOpen(String token) {
        return emailLinks.open(token, EmailLink.Purpose.RESET).isPresent();
    }

    /** What following a reset link with a new password did. */
    public sealed interface Completed {
        /** The password is changed; every session of the account ended. */
        record Reset(AccountId account) implements Completed {
        }

        record LinkNotUsable() implements Completed {
        }
    }

    /**
     * Sets the new password; the link is used in the same transaction, after the one derivation.
     *
     * @throws AccountsException.PasswordTooShort before anything is used
     */
    public Completed complete(String token, String newPassword) {
        accounts.requireLongEnough(newPassword);
        Optional<EmailLink> link = emailLinks.open(token, EmailLink.Purpose.RESET);
        if (link.isEmpty()) {
            return new Completed.LinkNotUsable();
        }
        AccountId account = link.get().account();
        try {
            accounts.resetPassword(account, newPassword, () -> {
                if (!emailLinks.use(link.get())) {
                    throw new LinkUsedMeanwhile();
                }
            });
        } catch (LinkUsedMeanwhile used) {
            return new Completed.LinkNotUsable();
        }
        log.info("Account {} set a new password through a reset link", account);
        history.record(account, AccountHistory.Kind.PASSWORD_RESET);
        notices.send(account, SecurityNotices.Notice.PASSWORD_CHANGED);
        return new Completed.Reset(account);
    }

    private static final class LinkUsedMeanwhile extends RuntimeException {
        LinkUsedMeanwhile() {
            super("The reset link was used meanwhile", null, false, false);
        }
    }
}

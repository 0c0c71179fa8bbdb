package io.proofline.accounts;

import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import io.proofline.crypto.Fingerprints;
import io.proofline.throttle.Throttles;

/**
 * The person deletes their account, with its password typed again: the account and everything that is its goes, here
 * and in the other modules ({@link AccountDeleted}), in one transaction. What stays is what is not the account's:
 * lockouts keyed by a fingerprint ({@link Throttles#forgetAccount}), and the engine's deployments. The address may
 * sign up again at once.
 */
@Service
public class AccountDeletions {

    private static final Logger log = LoggerFactory.getLogger(AccountDeletions.class);

    private final Accounts accounts;
    private final AccountHistory history;
    private final Fingerprints fingerprints;
    private final Throttles throttles;
    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final ApplicationEventPublisher events;

    AccountDeletions(Accounts accounts, AccountHistory history, Fingerprints fingerprints, Throttles throttles,
            JdbcClient jdbc, TransactionTemplate transactions, ApplicationEventPublisher events) {
        this.accounts = accounts;
        this.history = history;
        this.fingerprints = fingerprints;
        this.throttles = throttles;
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.events = events;
    }

    /**
     * The password is checked as every re-entry is ({@link Accounts#unlockPassword}: counted before it is derived, a
     * wrong one a sign-in failure), so a session left open on a shared computer cannot delete the account, nor guess
     * at its password faster than the sign-in page allows.
     *
     * @throws AccountsException.WrongPassword, AccountsException.Locked (nothing is deleted)
     */
    public void delete(AccountId account, String password) {
        accounts.unlockPassword(account, password);
        // The sign-up's own link has no account yet: it is found by the address's fingerprint (under any key).
        List<String> emailFingerprints = accounts.email(account).map(email -> fingerprints.email(email).candidates())
                .orElse(List.of());
        transactions.executeWithoutResult(tx -> {
            // Theirs first: their rows reference the account's.
            events.publishEvent(new AccountDeleted(account));
            var id = account.value();
            history.forget(account);
            jdbc.sql("delete from identity_verification where account_id = :account")
                    .param("account", account.toString()).update();
            jdbc.sql("delete from account_profile where account_id = :account").param("account", id).update();
            // backup_code and security_key rows go with their method (on delete cascade).
            jdbc.sql("delete from auth_method where account_id = :account").param("account", id).update();
            // Spring Security's WebAuthn user entity, named by the account's id (SecurityKeys).
            jdbc.sql("delete from user_entities where name = :account").param("account", account.toString()).update();
            jdbc.sql("delete from email_link where account_id = :account").param("account", id).update();
            if (!emailFingerprints.isEmpty()) {
                jdbc.sql("delete from email_link where email_fingerprint in (:fingerprints)")
                        .param("fingerprints", emailFingerprints).update();
            }
            jdbc.sql("delete from account_session where account_id = :account").param("account", id).update();
            jdbc.sql("delete from remembered_browser where account_id = :account").param("account", id).update();
            jdbc.sql("delete from account where id = :account").param("account", id).update();
        });
        throttles.forgetAccount(account.toString());
        log.info("Account {} deleted by its owner", account);
    }
}

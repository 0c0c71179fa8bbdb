package io.proofline.accounts;

import java.util.Locale;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

import io.proofline.crypto.AttributeEncryptor;
import io.proofline.email.Email;
import io.proofline.email.EmailDelivery;
import io.proofline.vendors.IdempotencyKey;
import io.proofline.web.PublicAddress;

/**
 * An email to the account's address at every security event, so that a change the owner did not make is seen: a
 * method added or removed, the password changed, a new personal key, the profile deactivated. A notice that cannot
 * be sent is logged and never stops what it reports.
 */
@Component
class SecurityNotices {

    private static final Logger log = LoggerFactory.getLogger(SecurityNotices.class);

    enum Notice {
        METHOD_ADDED("email.notice.methodAdded.subject", "email.notice.methodAdded.text"),
        METHOD_REMOVED("email.notice.methodRemoved.subject", "email.notice.methodRemoved.text"),
        PASSWORD_CHANGED("email.notice.passwordChanged.subject", "email.notice.passwordChanged.text"),
        NEW_PERSONAL_KEY("email.notice.newPersonalKey.subject", "email.notice.newPersonalKey.text"),
        PROFILE_DEACTIVATED("email.notice.profileDeactivated.subject", "email.notice.profileDeactivated.text");

        private final String subjectKey;
        private final String textKey;

        Notice(String subjectKey, String textKey) {
            this.subjectKey = subjectKey;
            this.textKey = textKey;
        }
    }

    private final AccountRepository accounts;
    private final AttributeEncryptor attributes;
    private final EmailDelivery email;
    private final MessageSource messages;
    private final PublicAddress publicAddress;

    SecurityNotices(AccountRepository accounts, AttributeEncryptor attributes, EmailDelivery email,
            MessageSource messages, PublicAddress publicAddress) {
        this.accounts = accounts;
        this.attributes = attributes;
        this.email = email;
        this.messages = messages;
        this.publicAddress = publicAddress;
    }

    /** In the language of the request that caused it (the person's page). */
    void send(AccountId account, Notice notice) {
        Locale locale = LocaleContextHolder.getLocale();
        accounts.find(account).map(found -> attributes.decrypt(found.emailCiphertext(), Accounts.emailContext(account)))
                .ifPresent(address -> {
            var sent = email.send(new Email(address, messages.getMessage(notice.subjectKey, null, locale),
                    messages.getMessage(notice.textKey, new Object[] {publicAddress.of("/forgot-password")}, locale)),
                    new IdempotencyKey("notice:" + UUID.randomUUID()));
            if (!sent.isPass()) {
                log.warn("Account {}: the {} notice was not sent ({})", account, notice, sent.outcome());
            }
        });
    }
}

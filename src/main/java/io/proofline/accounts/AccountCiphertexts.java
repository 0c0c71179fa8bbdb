package io.proofline.accounts;

import org.springframework.stereotype.Component;

import io.proofline.crypto.AttributeEncryptor;
import io.proofline.crypto.SealedAttributes;

/** The accounts' column under the attribute key: {@code account.email_ciphertext}. */
@Component
class AccountCiphertexts implements SealedAttributes {

    private final AccountRepository accounts;

    AccountCiphertexts(AccountRepository accounts) {
        this.accounts = accounts;
    }

    @Override
    public ReEncrypted reEncrypt(AttributeEncryptor encryptor) {
        return SealedAttributes.column(encryptor, accounts.findAll(), Account::emailCiphertext,
                account -> Accounts.emailContext(account.id()),
                (account, before, after) -> accounts.replaceEmailCiphertext(account.id().value(), before, after) == 1);
    }
}

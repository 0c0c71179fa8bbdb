package io.proofline.accounts;

import java.util.UUID;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;

/** An account id in a {@code uuid} column of the accounts' own tables. */
@Converter
class AccountIdAsUuid implements AttributeConverter<AccountId, UUID> {

    @Override
    public UUID convertToDatabaseColumn(AccountId account) {
        return account == null ? null : account.value();
    }

    @Override
    public AccountId convertToEntityAttribute(UUID value) {
        return value == null ? null : new AccountId(value);
    }
}

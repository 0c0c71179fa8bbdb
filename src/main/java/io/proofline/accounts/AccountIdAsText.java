package io.proofline.accounts;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;

/**
 * An account id in a text column of another module's table (a journey's, a consent's), which refers to the
 * account by its id alone.
 */
@Converter
public class AccountIdAsText implements AttributeConverter<AccountId, String> {

    @Override
    public String convertToDatabaseColumn(AccountId account) {
        return account == null ? null : account.toString();
    }

    @Override
    public AccountId convertToEntityAttribute(String text) {
        return text == null ? null : AccountId.parse(text);
    }
}

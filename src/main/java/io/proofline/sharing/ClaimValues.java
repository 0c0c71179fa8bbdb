package io.proofline.sharing;

import java.util.Map;
import java.util.Set;

import org.springframework.stereotype.Component;

import io.proofline.accounts.AccountId;
import io.proofline.accounts.Accounts;
import io.proofline.accounts.IdentityVerifications;
import io.proofline.vault.ProofingPii;

/**
 * The values an agency would receive for these scopes, as the consent page shows them and the authorization releases
 * them: the account's email at any level; the verified profile and the verification's time only at the verified one.
 */
@Component
class ClaimValues {

    private final Accounts accounts;
    private final IdentityVerifications verifications;

    ClaimValues(Accounts accounts, IdentityVerifications verifications) {
        this.accounts = accounts;
        this.verifications = verifications;
    }

    /** @param profile the verified profile the session holds (null: none) */
    Map<String, Object> of(AccountId account, Set<String> scopes, AgencyLevel level, ProofingPii profile) {
        boolean verified = level == AgencyLevel.VERIFIED;
        return AgencyClaims.of(scopes, accounts.email(account).orElse(null), verified ? profile : null,
                verified ? verifications.verifiedAt(account).orElse(null) : null);
    }
}

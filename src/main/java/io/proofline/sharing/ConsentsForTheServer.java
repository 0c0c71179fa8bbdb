package io.proofline.sharing;

import java.util.HashSet;
import java.util.Set;

import org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationConsent;
import org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationConsentService;

import io.proofline.accounts.AccountId;

/**
 * Spring Authorization Server's view of our consents: a consent exists only while it stands by our rules (a year, no
 * verification since, not revoked), so the server asks again otherwise; agreeing records it with its time.
 */
class ConsentsForTheServer implements OAuth2AuthorizationConsentService {

    private final AgencyConsents consents;

    ConsentsForTheServer(AgencyConsents consents) {
        this.consents = consents;
    }

    @Override
    public void save(OAuth2AuthorizationConsent consent) {
        consents.grant(AccountId.parse(consent.getPrincipalName()), consent.getRegisteredClientId(),
                new HashSet<>(consent.getScopes()));
    }

    @Override
    public void remove(OAuth2AuthorizationConsent consent) {
        consents.revoke(AccountId.parse(consent.getPrincipalName()), consent.getRegisteredClientId());
    }

    @Override
    public OAuth2AuthorizationConsent findById(String registeredClientId, String principalName) {
        Set<String> standing = consents.standing(AccountId.parse(principalName), registeredClientId);
        if (standing.isEmpty()) {
            return null;
        }
        OAuth2AuthorizationConsent.Builder consent = OAuth2AuthorizationConsent.withId(registeredClientId,
                principalName);
        standing.forEach(consent::scope);
        return consent.build();
    }
}

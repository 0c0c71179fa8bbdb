package io.proofline.sharing;

import java.util.List;

import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

import io.proofline.accounts.AccountId;

/**
 * The person as the authorization server sees them on an agency's request: their account, what their session proved
 * (AAL2, phishing-resistant or not) and how (the {@code amr} values). Kept with each authorization by our own store,
 * never the web session's token.
 */
final class AgencyUser extends AbstractAuthenticationToken {

    private static final long serialVersionUID = 1L;

    private final AccountId account;
    private final String assurance;
    private final List<String> methods;
    /** Whether this request's session holds the verified profile decrypted; known only on the person's requests. */
    private final transient boolean profileHeld;

    AgencyUser(AccountId account, String assurance, List<String> methods) {
        this(account, assurance, methods, false);
    }

    AgencyUser(AccountId account, String assurance, List<String> methods, boolean profileHeld) {
        super(List.of(new SimpleGrantedAuthority("ROLE_PERSON")));
        this.account = account;
        this.assurance = assurance;
        this.methods = List.copyOf(methods);
        this.profileHeld = profileHeld;
        setAuthenticated(true);
    }

    AccountId account() {
        return account;
    }

    String assurance() {
        return assurance;
    }

    List<String> methods() {
        return methods;
    }

    boolean profileHeld() {
        return profileHeld;
    }

    @Override
    public Object getPrincipal() {
        return account.toString();
    }

    @Override
    public Object getCredentials() {
        return "";
    }
}

package io.proofline.accounts.web;

import java.util.List;

import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

import io.proofline.accounts.AccountId;
import io.proofline.accounts.SessionToken;

/**
 * A person signed in with their email and password, as Spring Security keeps it in the session: the account, and the
 * server-side session (its token) that signing out, a password reset or the session's end on the server revoke.
 */
final class SignedInAccount extends AbstractAuthenticationToken {

    private static final long serialVersionUID = 1L;

    static final String PERSON = "ROLE_PERSON";

    private final AccountId account;
    private final SessionToken session;

    SignedInAccount(AccountId account, SessionToken session) {
        super(List.of(new SimpleGrantedAuthority(PERSON)));
        this.account = account;
        this.session = session;
        setAuthenticated(true);
    }

    AccountId account() {
        return account;
    }

    SessionToken session() {
        return session;
    }

    /** The account id: what Spring Security (and later an OpenID Connect subject) names the person by. */
    @Override
    public Object getPrincipal() {
        return account.toString();
    }

    /** No password is ever kept after it was checked. */
    @Override
    public Object getCredentials() {
        return "";
    }
}

package io.proofline.accounts.web;

import java.util.Optional;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.authentication.logout.LogoutHandler;
import org.springframework.security.web.authentication.session.SessionAuthenticationStrategy;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.stereotype.Component;

import io.proofline.accounts.AccountId;
import io.proofline.accounts.Accounts;
import io.proofline.accounts.SessionToken;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Who is signed in on a request. The session (Spring Session: the server's memory or Redis, behind an HttpOnly
 * cookie) holds the account and its server-side session token; the token is checked on every request, so signing
 * out, a password reset or the session's end on the server takes effect at once, on every node.
 */
@Component
public class SignedInAccounts implements LogoutHandler {

    private static final String ANSWER = SignedInAccounts.class.getName();

    private final Accounts accounts;
    private final SessionAuthenticationStrategy signInSessions;
    private final SecurityContextRepository securityContexts;

    SignedInAccounts(Accounts accounts, SessionAuthenticationStrategy signInSessions,
            SecurityContextRepository securityContexts) {
        this.accounts = accounts;
        this.signInSessions = signInSessions;
        this.securityContexts = securityContexts;
    }

    /**
     * The account whose session this request carries, if the session is still valid. Looked up once per request (the
     * uploads' filter, the wizard, its forms and the layout all ask), and the answer kept on the request.
     */
    @SuppressWarnings("unchecked")
    public Optional<AccountId> of(HttpServletRequest request) {
        Object known = request.getAttribute(ANSWER);
        if (known != null) {
            return (Optional<AccountId>) known;
        }
        Optional<AccountId> answer = lookUp(request);
        request.setAttribute(ANSWER, answer);
        return answer;
    }

    private Optional<AccountId> lookUp(HttpServletRequest request) {
        // Read from the session itself: the uploads' filter asks before Spring Security's filters have run.
        Authentication signedIn = securityContexts.loadDeferredContext(request).get().getAuthentication();
        if (!(signedIn instanceof SignedInAccount account)) {
            return Optional.empty();
        }
        return accounts.signedIn(account.session()).filter(account.account()::equals);
    }

    /** A new session id and form token (what the browser held before may be an attacker's), then the account. */
    void start(AccountId account, SessionToken session, HttpServletRequest request, HttpServletResponse response) {
        SignedInAccount signedIn = new SignedInAccount(account, session);
        signInSessions.onAuthentication(signedIn, request, response);
        SecurityContext context = SecurityContextHolder.getContextHolderStrategy().createEmptyContext();
        context.setAuthentication(signedIn);
        SecurityContextHolder.getContextHolderStrategy().setContext(context);
        securityContexts.saveContext(context, request, response);
        request.setAttribute(ANSWER, Optional.of(account));
    }

    /** Sign-out (Spring Security's, at POST /sign-out): the server-side session ends too. */
    @Override
    public void logout(HttpServletRequest request, HttpServletResponse response, Authentication authentication) {
        if (authentication instanceof SignedInAccount account) {
            accounts.signOut(account.session());
        }
        request.removeAttribute(ANSWER);
    }
}

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
import io.proofline.accounts.Assurance;
import io.proofline.accounts.Accounts;
import io.proofline.accounts.SessionProfiles;
import io.proofline.accounts.SessionToken;
import io.proofline.accounts.SignedInSession;
import io.proofline.vault.ProofingPii;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Who is signed in on a request, and how far: the password only, or the password and a second method. The session (Spring Session: the server's memory or Redis, behind an HttpOnly
 * cookie) holds the account and its server-side session token; the token is checked on every request, so signing
 * out, a password reset or the session's end on the server takes effect at once, on every node.
 */
@Component
public class SignedInAccounts implements LogoutHandler {

    private static final String ANSWER = SignedInAccounts.class.getName();

    private final Accounts accounts;
    private final SessionProfiles sessionProfiles;
    private final SessionAuthenticationStrategy signInSessions;
    private final SecurityContextRepository securityContexts;

    SignedInAccounts(Accounts accounts, SessionProfiles sessionProfiles, SessionAuthenticationStrategy signInSessions,
            SecurityContextRepository securityContexts) {
        this.accounts = accounts;
        this.sessionProfiles = sessionProfiles;
        this.signInSessions = signInSessions;
        this.securityContexts = securityContexts;
    }

    /**
     * The account whose session this request carries, if the session is still valid and has proven the password and a
     * second method (AAL2): what every page past sign-in requires.
     */
    public Optional<AccountId> of(HttpServletRequest request) {
        return halfway(request).filter(session -> session.assurance().atLeast(Assurance.AAL2)).map(Halfway::account);
    }

    /** The AAL2 session of this request: whose, what it proved and how (for an agency's {@code acr} and {@code amr}). */
    public Optional<SignedInSession> session(HttpServletRequest request) {
        return halfway(request).filter(session -> session.assurance().atLeast(Assurance.AAL2))
                .flatMap(session -> accounts.session(session.session()));
    }

    /** The verified profile this session holds decrypted for an agency's request, if it holds one. */
    public Optional<ProofingPii> heldProfile(HttpServletRequest request) {
        return halfway(request).filter(session -> session.assurance().atLeast(Assurance.AAL2))
                .flatMap(session -> sessionProfiles.held(session.session()));
    }

    /** Whether this session holds the verified profile (an agency's request needs no password then). */
    public boolean holdsProfile(HttpServletRequest request) {
        return halfway(request).filter(session -> session.assurance().atLeast(Assurance.AAL2))
                .map(session -> sessionProfiles.holds(session.session())).orElse(false);
    }

    /**
     * The password typed again: the verified profile is decrypted and held for this session.
     *
     * @throws io.proofline.accounts.AccountsException.WrongPassword and the other refusals of the decryption
     */
    public void holdProfile(HttpServletRequest request, String password) {
        Halfway session = halfway(request).filter(found -> found.assurance().atLeast(Assurance.AAL2))
                .orElseThrow(() -> new IllegalStateException("Not signed in"));
        sessionProfiles.holdWithPassword(session.account(), session.session(), password);
    }

    /** The end of proofing while an agency waits: sealed under the password and held for this session. */
    io.proofline.crypto.PersonalKey sealAndHoldProfile(HttpServletRequest request, io.proofline.journey.JourneyId journey,
            String password) {
        Halfway session = halfway(request).filter(found -> found.assurance().atLeast(Assurance.AAL2))
                .orElseThrow(() -> new IllegalStateException("Not signed in"));
        return sessionProfiles.sealAndHold(session.account(), journey, session.session(), password);
    }

    /** A valid session, whatever it has proven so far (the password only, between the two steps of a sign-in). */
    record Halfway(AccountId account, SessionToken session, Assurance assurance) {
    }

    /**
     * Looked up once per request (the uploads' filter, the wizard, its forms and the layout all ask), and the answer
     * kept on the request.
     */
    @SuppressWarnings("unchecked")
    Optional<Halfway> halfway(HttpServletRequest request) {
        Object known = request.getAttribute(ANSWER);
        if (known != null) {
            return (Optional<Halfway>) known;
        }
        Optional<Halfway> answer = lookUp(request);
        request.setAttribute(ANSWER, answer);
        return answer;
    }

    private Optional<Halfway> lookUp(HttpServletRequest request) {
        // Read from the session itself: the uploads' filter asks before Spring Security's filters have run.
        Authentication signedIn = securityContexts.loadDeferredContext(request).get().getAuthentication();
        if (!(signedIn instanceof SignedInAccount account)) {
            return Optional.empty();
        }
        return accounts.session(account.session()).filter(session -> session.account().equals(account.account()))
                .map(session -> new Halfway(session.account(), account.session(), session.assurance()));
    }

    /** The session proved more (a second method): the answer kept on this request is stale. */
    void forget(HttpServletRequest request) {
        request.removeAttribute(ANSWER);
    }

    /** A new session id and form token (what the browser held before may be an attacker's), then the account. */
    void start(AccountId account, SessionToken session, HttpServletRequest request, HttpServletResponse response) {
        SignedInAccount signedIn = new SignedInAccount(account, session);
        signInSessions.onAuthentication(signedIn, request, response);
        SecurityContext context = SecurityContextHolder.getContextHolderStrategy().createEmptyContext();
        context.setAuthentication(signedIn);
        SecurityContextHolder.getContextHolderStrategy().setContext(context);
        securityContexts.saveContext(context, request, response);
        request.removeAttribute(ANSWER);
    }

    /**
     * Sign-out asked by an agency (OpenID Connect RP-initiated logout): the account's session ends and the web
     * session is invalidated, as at POST /sign-out.
     */
    public void signOut(HttpServletRequest request) {
        Authentication signedIn = securityContexts.loadDeferredContext(request).get().getAuthentication();
        if (signedIn instanceof SignedInAccount account) {
            accounts.signOut(account.session());
        }
        request.removeAttribute(ANSWER);
        jakarta.servlet.http.HttpSession session = request.getSession(false);
        if (session != null) {
            session.invalidate();
        }
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

package io.proofline.sharing;

import java.io.IOException;
import java.util.Optional;

import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.web.filter.OncePerRequestFilter;

import io.proofline.accounts.SignedInSession;
import io.proofline.accounts.web.SignedInAccounts;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Who is asking on the authorization server's own pages (the authorization request, the consent's answer, the
 * logout): the person signed in on this browser with both steps (AAL2), as the accounts module says, for this request
 * only. Nothing is kept in the web session by Spring Security: signing out of Proofline signs out of this too.
 */
final class AgencySignIns extends OncePerRequestFilter {

    private final SignedInAccounts signedIn;
    private final SecurityContextHolderStrategy contexts = SecurityContextHolder.getContextHolderStrategy();

    AgencySignIns(SignedInAccounts signedIn) {
        this.signedIn = signedIn;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Optional<SignedInSession> session = signedIn.session(request);
        if (session.isPresent()) {
            SignedInSession person = session.get();
            SecurityContext context = contexts.createEmptyContext();
            context.setAuthentication(new AgencyUser(person.account(), person.assurance().name(), person.methods(),
                    signedIn.holdsProfile(request)));
            contexts.setContext(context);
        }
        chain.doFilter(request, response);
    }
}

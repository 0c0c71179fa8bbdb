package io.proofline.documents.web;

import java.io.IOException;
import java.util.Locale;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

import io.proofline.accounts.web.SignedInAccounts;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * A multipart POST to the wizard ({@code /verify/**}: the ID photos) without a signed-in session is refused before
 * its body is read: Tomcat parses a multipart body (up to 40 MB, in memory) as soon as anything asks for a
 * parameter, and the form-token check does, so this runs before it and before any other filter that could. Only
 * the session cookie is read. The refusal is the wizard's own for a missing session, a redirect to the sign-in page,
 * with the connection closed rather than the unread body drained. Its log line says only the declared length: nothing
 * of the person, nothing the client wrote.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 20)
class SignedInUploadsFilter extends OncePerRequestFilter {

    private static final Logger log = LoggerFactory.getLogger(SignedInUploadsFilter.class);
    private static final String WIZARD = "/verify";

    private final SignedInAccounts signedIn;

    SignedInUploadsFilter(SignedInAccounts signedIn) {
        this.signedIn = signedIn;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        // The servlet path is decoded and without path parameters: /verify;x/... and /%76erify/... are /verify/...
        String path = request.getServletPath() + (request.getPathInfo() == null ? "" : request.getPathInfo());
        String type = request.getContentType();
        return !"POST".equalsIgnoreCase(request.getMethod())
                || !(path.equals(WIZARD) || path.startsWith(WIZARD + "/"))
                || type == null || !type.toLowerCase(Locale.ROOT).startsWith("multipart/");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (signedIn.of(request).isPresent()) {
            chain.doFilter(request, response);
            return;
        }
        log.info("Refused a multipart POST to the wizard without a signed-in session, before reading its body ({} "
                + "bytes declared)", request.getContentLengthLong());
        response.setHeader("Connection", "close");
        response.sendRedirect(request.getContextPath() + "/sign-in");
    }
}

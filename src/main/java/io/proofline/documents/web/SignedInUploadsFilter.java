package io.proofline.documents.web;

import java.io.IOException;
import java.util.List;
import java.util.Locale;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.security.SecurityProperties;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

import io.proofline.accounts.web.SignedInAccounts;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * A multipart POST to the wizard ({@code /verify/**}: the ID photos) without a signed-in session, and one to any
 * other page of ours (none takes files), is refused before its body is read: Tomcat parses a multipart body (up to
 * 40 MB, in memory) as soon as anything asks for a parameter, and Spring Security's form-token check does, so this
 * runs before it (after the session filter, which it needs) and before any other filter that could. Only the
 * session is read. The refusal is the wizard's own for a missing session, a redirect to the sign-in page,
 * with the connection closed rather than the unread body drained. Its log line says only the declared length: nothing
 * of the person, nothing the client wrote.
 */
@Component
@Order(SecurityProperties.DEFAULT_FILTER_ORDER - 10)
class SignedInUploadsFilter extends OncePerRequestFilter {

    private static final Logger log = LoggerFactory.getLogger(SignedInUploadsFilter.class);
    private static final String WIZARD = "/verify";
    private static final List<String> CONSOLES = List.of("/camunda/", "/actuator/");

    private final SignedInAccounts signedIn;

    SignedInUploadsFilter(SignedInAccounts signedIn) {
        this.signedIn = signedIn;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String type = request.getContentType();
        String path = path(request);
        return !"POST".equalsIgnoreCase(request.getMethod())
                || type == null || !type.toLowerCase(Locale.ROOT).startsWith("multipart/")
                || CONSOLES.stream().anyMatch(path::startsWith); // the management port's own (Cockpit's uploads)
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String path = path(request);
        if (!(path.equals(WIZARD) || path.startsWith(WIZARD + "/"))) {
            // No other page of ours takes files: refused unread (sign-in and sign-up took 40 MB bodies before)
            log.info("Refused a multipart POST to a page that takes no files, before reading its body ({} bytes "
                    + "declared)", request.getContentLengthLong());
            // answered here, not by the error page, whose rendering would read a parameter and so the body
            response.setHeader("Connection", "close");
            response.setStatus(HttpServletResponse.SC_UNSUPPORTED_MEDIA_TYPE);
            response.setContentType("text/plain;charset=UTF-8");
            response.getWriter().write("This page takes no files.");
            return;
        }
        if (signedIn.of(request).isPresent()) {
            chain.doFilter(request, response);
            return;
        }
        log.info("Refused a multipart POST to the wizard without a signed-in session, before reading its body ({} "
                + "bytes declared)", request.getContentLengthLong());
        response.setHeader("Connection", "close");
        response.sendRedirect(request.getContextPath() + "/sign-in");
    }

    /** Decoded and without path parameters: /verify;x/... and /%76erify/... are /verify/... */
    private static String path(HttpServletRequest request) {
        return request.getServletPath() + (request.getPathInfo() == null ? "" : request.getPathInfo());
    }
}

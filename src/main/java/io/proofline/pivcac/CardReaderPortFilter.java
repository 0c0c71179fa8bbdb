package io.proofline.pivcac;

import java.io.IOException;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.UrlPathHelper;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Keeps the two ports apart: the card-reader port serves only the card pages (and their styles), and the
 * card pages are served only there. Anything else is not found.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class CardReaderPortFilter extends OncePerRequestFilter {

    private static final String STYLES = "/uswds/";

    private final CardReaderPort port;

    CardReaderPortFilter(CardReaderPort port) {
        this.port = port;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        // As the servlet mapping sees it (decoded, without ;parameters): the raw URI let /%70ivcac/present and
        // /pivcac;x/present through on the main port. Spring Security's firewall refuses the ';' anyway.
        String path = UrlPathHelper.defaultInstance.getPathWithinApplication(request);
        boolean cardPage = path.startsWith(CardReaderPort.PATH_PREFIX);
        boolean onCardReaderPort = port.isOpen() && request.getLocalPort() == port.localPort();
        if (onCardReaderPort ? !(cardPage || path.startsWith(STYLES)) : cardPage) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        chain.doFilter(request, response);
    }
}

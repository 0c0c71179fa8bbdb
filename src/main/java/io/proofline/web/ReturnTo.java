package io.proofline.web;

import java.util.Optional;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;

/**
 * Where a person goes back to once they have signed in (or proven their identity): an agency's authorization request
 * that found them signed out. Kept in their session, only ever a path of our own (never a URL another site gave), and
 * taken once.
 */
public final class ReturnTo {

    /** The page that takes a person back to the waiting request. */
    public static final String CONTINUE = "/connect/continue";

    private static final String ATTRIBUTE = ReturnTo.class.getName();
    /** The only place a person is sent back to: the authorization endpoint, with the agency's request. */
    private static final String AUTHORIZATION_ENDPOINT = "/oauth2/authorize?";

    private ReturnTo() {
    }

    /** Remembers the agency's request (path and query of our authorization endpoint). */
    public static void agencyRequest(HttpServletRequest request, String pathAndQuery) {
        if (isOurs(pathAndQuery)) {
            request.getSession().setAttribute(ATTRIBUTE, pathAndQuery);
        }
    }

    /** Whether an agency's request waits for this sign-in (so that it can keep what the agency will ask for). */
    public static boolean waitingAgencyRequest(HttpServletRequest request) {
        return peek(request).isPresent();
    }

    public static Optional<String> peek(HttpServletRequest request) {
        HttpSession session = request.getSession(false);
        return Optional.ofNullable(session == null ? null : session.getAttribute(ATTRIBUTE)).map(String.class::cast)
                .filter(ReturnTo::isOurs);
    }

    /** The request to go back to, forgotten as it is taken. */
    public static Optional<String> take(HttpServletRequest request) {
        Optional<String> waiting = peek(request);
        waiting.ifPresent(found -> request.getSession().removeAttribute(ATTRIBUTE));
        return waiting;
    }

    private static boolean isOurs(String pathAndQuery) {
        return pathAndQuery != null && pathAndQuery.startsWith(AUTHORIZATION_ENDPOINT) && !pathAndQuery.contains("\\")
                && !pathAndQuery.contains("\r") && !pathAndQuery.contains("\n");
    }
}

package io.proofline.sharing.web;

import java.util.Objects;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;

import io.proofline.web.ReturnTo;

/**
 * The person declined at the end of their journey to share with the agency whose request waits in their session: going
 * back answers that request with {@code access_denied} rather than asking them again.
 */
final class DeclinedAtJourneyEnd {

    private static final String ATTRIBUTE = DeclinedAtJourneyEnd.class.getName();

    private DeclinedAtJourneyEnd() {
    }

    static void remember(HttpServletRequest request) {
        ReturnTo.peek(request).ifPresent(waiting -> request.getSession().setAttribute(ATTRIBUTE, waiting));
    }

    /** Whether the person declined this request (forgotten as it is asked). */
    static boolean take(HttpServletRequest request, String authorizationRequest) {
        HttpSession session = request.getSession(false);
        if (session == null || session.getAttribute(ATTRIBUTE) == null) {
            return false;
        }
        boolean declined = Objects.equals(session.getAttribute(ATTRIBUTE), authorizationRequest);
        session.removeAttribute(ATTRIBUTE);
        return declined;
    }
}

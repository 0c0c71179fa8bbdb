package io.proofline.web;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.servlet.ModelAndView;

import io.proofline.crypto.DerivationsBusyException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * A page whose password check found every scrypt slot busy (a burst of sign-ins): 503 with Retry-After, in the
 * person's language, and a way back to the page they came from. Nothing was checked, so nothing was counted.
 */
@ControllerAdvice
class BusyPages {

    private static final String WIZARD = "/verify";

    @ExceptionHandler(DerivationsBusyException.class)
    ModelAndView busy(DerivationsBusyException busy, HttpServletRequest request, HttpServletResponse response) {
        response.setHeader("Retry-After", Long.toString(busy.retryAfter().toSeconds()));
        ModelAndView page = new ModelAndView("error/busy", HttpStatus.SERVICE_UNAVAILABLE);
        String path = request.getServletPath();
        // The wizard shows the current step at its one address; any other page of ours at its own path.
        page.addObject("again", path.startsWith(WIZARD) ? WIZARD : path);
        return page;
    }
}

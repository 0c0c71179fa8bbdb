package io.proofline.journey;

import java.util.Locale;

import org.springframework.ui.Model;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * The step being shown or posted: whose journey, where it stands, in which language, and the page's model. The
 * request and response are there for what a step keeps in the browser (the personal key's sealed cookie, a
 * refused upload's codes in the address); the signed-in account, where a step needs it, comes from
 * {@code accounts.web.SignedInAccounts}.
 */
public record StepPage(JourneyId journey, JourneyStep step, Locale locale, Model model, HttpServletRequest request,
        HttpServletResponse response) {

    /** Adds an attribute to the page's model. */
    public StepPage with(String name, Object value) {
        model.addAttribute(name, value);
        return this;
    }
}

package io.proofline.proofing.web;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.ResolvableType;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.ServletRequestDataBinder;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;

import io.proofline.accounts.AccountId;
import io.proofline.accounts.web.SignedInAccounts;
import io.proofline.journey.JourneyStep;
import io.proofline.journey.StepAnswer;
import io.proofline.journey.StepForm;
import io.proofline.journey.StepPage;
import io.proofline.proofing.Journey;
import io.proofline.proofing.JourneyEngine;
import io.proofline.proofing.Journeys;
import io.proofline.proofing.StaleStepException;

import io.proofline.web.ReturnTo;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * The proofing wizard's dispatcher. {@code GET /verify} asks the engine where the signed-in person's journey stands
 * and shows that page; a step's form posts to {@code /verify/<stepId>}, which binds it to the step's
 * {@link StepForm} (each feature's {@code web} package has its own) and completes the step with what the form
 * answers: choices and outcomes only. A form for a step the journey is not at (back button, refresh, second tab)
 * changes nothing and leads back to the current step.
 */
@Controller
class WizardController {

    static final String VERIFY = "redirect:/verify";
    static final String SIGN_IN = "redirect:/sign-in";
    private static final Logger log = LoggerFactory.getLogger(WizardController.class);

    private final SignedInAccounts signedIn;
    private final Journeys journeys;
    private final JourneyEngine engine;
    private final StepPages pages;
    private final WaitPages waits;
    private final DetailsLost detailsLost;

    WizardController(SignedInAccounts signedIn, Journeys journeys, JourneyEngine engine, StepPages pages,
            WaitPages waits, DetailsLost detailsLost) {
        this.detailsLost = detailsLost;
        this.signedIn = signedIn;
        this.journeys = journeys;
        this.engine = engine;
        this.pages = pages;
        this.waits = waits;
    }

    @GetMapping("/verify")
    String currentStep(@RequestParam(required = false) Long checkingSince, Locale locale, Model model,
            HttpServletRequest request, HttpServletResponse response) throws InterruptedException {
        Optional<AccountId> account = signedIn.of(request);
        if (account.isEmpty()) {
            return SIGN_IN;
        }
        model.addAttribute("signedIn", true);
        // An agency's request waits for this proofing: the done page leads back to it.
        model.addAttribute("agencyWaiting", ReturnTo.waitingAgencyRequest(request));
        model.addAttribute("continueToAgency", ReturnTo.CONTINUE);
        Optional<String> ended = waits.endedPage(account.get(), model);
        if (ended.isPresent()) {
            return ended.get();
        }
        Journey journey = journeys.startOrResume(account.get());
        JourneyStep step = waits.awaitCheck(journey.id(), checkingSince);
        StepPage page = new StepPage(journey.id(), step, locale, model, request, response);
        return switch (step.kind()) {
            case TASK -> detailsLost.at(step, journey.id()) ? "verify/details-lost" : pages.show(step, page);
            case CHECKING -> WaitPages.checking(checkingSince, model);
            case UNAVAILABLE -> "verify/unavailable";
            case WAITING -> waits.show(account.get(), page);
            case ENDED -> waits.afterTheEnd(account.get(), journey.id(), checkingSince, model);
        };
    }

    /**
     * What the checking page's script asks about once a second (instead of reloading the page, which a screen
     * reader announces each time): whether a check still runs. Nothing else, and nothing personal.
     */
    @GetMapping(value = "/verify/status", produces = "application/json")
    @ResponseBody
    Map<String, Boolean> checkStatus(HttpServletRequest request) {
        boolean checking = signedIn.of(request).flatMap(journeys::active)
                .map(journey -> engine.currentStep(journey.id()).kind() == JourneyStep.Kind.CHECKING).orElse(false);
        return Map.of("checking", checking);
    }

    /**
     * A step's address opened directly: the language switch on a page re-shown with errors, a bookmark.
     * The language has already switched (the interceptor ran); the current step is shown.
     */
    @GetMapping("/verify/{stepId}")
    String stepAddressOpened() {
        return VERIFY;
    }

    /** A step's form: bound to the step's record, checked by the step's form, and the step completed. */
    @PostMapping("/verify/{stepId}")
    String submit(@PathVariable String stepId, Locale locale, Model model, HttpServletRequest request,
            HttpServletResponse response) {
        Optional<AccountId> account = signedIn.of(request);
        if (account.isEmpty()) {
            return SIGN_IN;
        }
        model.addAttribute("signedIn", true);
        Journey journey = journeys.startOrResume(account.get());
        JourneyStep step = engine.currentStep(journey.id());
        Optional<StepForm<?>> form = pages.form(stepId);
        if (!step.isTask(stepId) || form.isEmpty() || detailsLost.at(step, journey.id())) {
            return VERIFY; // a form from an earlier page, another tab or a refresh, or lost details: where things stand
        }
        return submit(form.get(), new StepPage(journey.id(), step, locale, model, request, response));
    }

    private <F> String submit(StepForm<F> form, StepPage page) {
        Class<F> type = form.formType();
        ServletRequestDataBinder binder = new ServletRequestDataBinder(null, "form");
        binder.setTargetType(ResolvableType.forClass(type));
        binder.construct(page.request());
        BindingResult errors = binder.getBindingResult();
        if (binder.getTarget() == null) {
            // only a hand-made post gets here (text where a file belongs): refused, and no value is logged
            log.warn("A post to the step {} could not be bound: {}", form.stepId(), errors.getFieldErrors().stream()
                    .map(error -> error.getField() + " " + error.getCode()).toList());
            return VERIFY;
        }
        F typed = type.cast(binder.getTarget());
        StepAnswer answer = form.submit(typed, errors, page);
        if (answer instanceof StepAnswer.RedirectTo redirect) {
            return "redirect:" + redirect.location();
        }
        if (answer instanceof StepAnswer.Complete complete && !errors.hasErrors()) {
            try {
                engine.completeStep(page.journey(), form.stepId(), complete.variables());
            } catch (StaleStepException twoTabsAtOnce) {
                // the other tab won; this one shows where the journey is now
            }
            return VERIFY;
        }
        page.with("form", typed).with("errors", StepPages.messages(errors));
        return pages.show(page.step(), page);
    }

    /**
     * The person gives up this journey and starts again (a PIV/CAC holder without a card at hand, or on a
     * site whose card-reader port is closed). Lockouts belong to the person, not the journey, so starting
     * again never lifts one.
     */
    @PostMapping("/verify/start-over")
    String startOver(HttpServletRequest request) {
        return asSignedIn(request, journeys::abandon);
    }

    /** After a journey that ended unverified: a new one, at its first step. */
    @PostMapping("/verify/start-again")
    String startAgain(HttpServletRequest request) {
        return asSignedIn(request, journeys::startOrResume);
    }

    /** Does {@code work} for the signed-in person, then shows where their journey stands. */
    private String asSignedIn(HttpServletRequest request, Consumer<AccountId> work) {
        Optional<AccountId> account = signedIn.of(request);
        if (account.isEmpty()) {
            return SIGN_IN;
        }
        work.accept(account.get());
        return VERIFY;
    }
}

package io.proofline.proofing.web;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.springframework.stereotype.Component;
import org.springframework.validation.Errors;
import org.springframework.validation.FieldError;

import io.proofline.journey.FailureReason;
import io.proofline.journey.JourneyStep;
import io.proofline.journey.ProcessIds;
import io.proofline.journey.ProcessIds.Outcome;
import io.proofline.journey.StepForm;
import io.proofline.journey.StepPage;
import io.proofline.journey.StepView;
import io.proofline.throttle.ThrottleProperties;
import io.proofline.throttle.ThrottleType;

/**
 * The person's step pages, found by their step id among the features' {@link StepView}s, and what every one of
 * them says before its form: that the service was unavailable (which did not count), or that the last try failed,
 * with the advice for its reasons and the attempts left before the lockout.
 */
@Component
class StepPages {

    private final Map<String, StepView> views;
    private final ThrottleProperties throttles;

    /** Two pages for one step stop the start: which would the person see? */
    StepPages(List<StepView> views, ThrottleProperties throttles) {
        this.views = views.stream().collect(Collectors.toMap(StepView::stepId, Function.identity()));
        this.throttles = throttles;
    }

    Optional<StepForm<?>> form(String stepId) {
        return views.get(stepId) instanceof StepForm<?> form ? Optional.of(form) : Optional.empty();
    }

    /** The step ids that have a page: every user task of the models, as {@code StepPagesTest} checks. */
    Set<String> stepIds() {
        return views.keySet();
    }

    /** Fills the page's model for {@code step} and names its template. */
    String show(JourneyStep step, StepPage page) {
        StepView view = views.get(step.activityId());
        if (view == null) {
            throw new IllegalStateException("No page for the step " + step.activityId());
        }
        page.with("vendorError", step.checkWas(Outcome.VENDOR_ERROR)).with("failed", step.checkWas(Outcome.FAIL))
                .with("failureAdvice", FailureReason.messageKeys(step.failureReasons(), view.explains()))
                .with("attemptsRemaining", step.attemptsRemaining());
        addLockoutLength(step.activityId(), page);
        if (!page.model().containsAttribute("form") && view instanceof StepForm<?> form) {
            page.with("form", form.initial(page));
        }
        view.show(page.with("stepId", step.activityId()));
        return view.template();
    }

    /** How long the step would be locked: in whole hours when it is that, else in minutes. */
    private void addLockoutLength(String stepId, StepPage page) {
        String lockout = ProcessIds.LOCKOUT_AT.get(stepId);
        if (lockout == null) {
            return;
        }
        Duration length = throttles.lockoutLength(ThrottleType.named(lockout));
        if (length.toMinutesPart() == 0 && length.toSecondsPart() == 0 && length.toHours() > 0) {
            page.with("lockoutHours", length.toHours());
        } else {
            page.with("lockoutMinutes", Math.max(1, length.toMinutes()));
        }
    }

    /**
     * The form's field errors as the templates show them: field to message key, in the order the form rejected them
     * (its fields' order), the first error of each field.
     */
    static Map<String, String> messages(Errors errors) {
        Map<String, String> messages = new LinkedHashMap<>();
        for (FieldError error : errors.getFieldErrors()) {
            messages.putIfAbsent(error.getField(), error.getCode());
        }
        return messages;
    }
}

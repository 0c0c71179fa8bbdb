package io.proofline.journey;

import org.springframework.core.ResolvableType;
import org.springframework.validation.Errors;

/**
 * A step the person completes by posting its form to {@code POST /verify/<stepId>}. The dispatcher binds the post
 * to {@link #formType()}, a record, by its constructor (every component a request parameter of the same name), and
 * passes it here with the binding's {@link Errors}. The form validates it, hands the person's data to its feature
 * (the vault, a service), and answers with the step's variables: choices and outcomes, never PII. On field errors
 * the page is shown again with them, in the person's language, and with what they typed.
 *
 * @param <F> the form's record
 */
public interface StepForm<F> extends StepView {

    /** The form's record: {@code F}, as the implementing class declares it. */
    @SuppressWarnings("unchecked")
    default Class<F> formType() {
        return (Class<F>) ResolvableType.forClass(getClass()).as(StepForm.class).getGeneric(0).resolve();
    }

    /** The form as the page first shows it: what is already known, or null for empty fields. */
    default F initial(StepPage page) {
        return null;
    }

    /** Validates the form and, when it holds, does the step's work. Reject fields on {@code errors} with message keys. */
    StepAnswer submit(F form, Errors errors, StepPage page);
}

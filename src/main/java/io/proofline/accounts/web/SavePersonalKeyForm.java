package io.proofline.accounts.web;

import org.springframework.stereotype.Component;
import org.springframework.validation.Errors;

import io.proofline.journey.ProcessIds.Activities;
import io.proofline.journey.StepAnswer;
import io.proofline.journey.StepForm;
import io.proofline.journey.StepPage;
import io.proofline.web.TypedText;

/**
 * The personal key, shown once, typed back to show it was kept. Without the cookie (another browser) the key cannot
 * be shown again: the profile stays recoverable with the password, so the step is not made impossible.
 */
@Component
class SavePersonalKeyForm implements StepForm<SavePersonalKeyForm.TypedKey> {

    record TypedKey(String personalKey) {

        TypedKey {
            personalKey = personalKey == null ? "" : personalKey;
        }
    }

    private final PersonalKeyCookie personalKeys;

    SavePersonalKeyForm(PersonalKeyCookie personalKeys) {
        this.personalKeys = personalKeys;
    }

    @Override
    public String stepId() {
        return Activities.SAVE_PERSONAL_KEY;
    }


    @Override
    public void show(StepPage page) {
        page.with("personalKey", personalKeys.read(page.request(), page.journey()).map(PersonalKeyCookie::formatted)
                .orElse(null));
    }

    @Override
    public StepAnswer submit(TypedKey form, Errors errors, StepPage page) {
        if (!TypedText.fits(errors, "personalKey", form.personalKey(), TypedText.CODE)) {
            return StepAnswer.showAgain();
        }
        var issued = personalKeys.read(page.request(), page.journey());
        if (issued.isPresent() && !PersonalKeyCookie.sameKey(issued.get(), form.personalKey())) {
            errors.rejectValue("personalKey", "verify.personalKey.error");
            return StepAnswer.showAgain();
        }
        personalKeys.clear(page.request(), page.response());
        return StepAnswer.complete();
    }
}

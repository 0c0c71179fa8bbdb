package io.proofline.address.web;

import java.util.Map;
import java.util.Optional;

import org.springframework.stereotype.Component;
import org.springframework.validation.Errors;

import io.proofline.address.PhoneVerification;
import io.proofline.journey.ProcessIds;
import io.proofline.journey.ProcessIds.Activities;
import io.proofline.journey.ProcessIds.CodeStepChoice;
import io.proofline.journey.ProcessIds.Outcome;
import io.proofline.journey.ProcessIds.Variables;
import io.proofline.journey.StepAnswer;
import io.proofline.journey.StepForm;
import io.proofline.journey.StepPage;

/**
 * The code sent to the phone, or, as Login.gov offers, the code sent again, another number, or a letter instead:
 * none of these counts as a wrong code. {@code oneTimeCodeCheck} then says RESENT or NOT_TRIED, so that the page
 * shown next says a new code went, not that the last one was wrong.
 */
@Component
class EnterOneTimeCodeForm implements StepForm<TypedCode> {

    private final AddressPages pages;
    private final PhoneVerification phones;

    EnterOneTimeCodeForm(AddressPages pages, PhoneVerification phones) {
        this.pages = pages;
        this.phones = phones;
    }

    @Override
    public String stepId() {
        return Activities.ENTER_ONE_TIME_CODE;
    }


    @Override
    public void show(StepPage page) {
        pages.typedPhone(page.journey()).ifPresent(phone -> page.with("codeSentTo", phone));
        page.with("codeSentAgain", page.step().checkWas(Outcome.RESENT));
    }

    @Override
    public StepAnswer submit(TypedCode form, Errors errors, StepPage page) {
        Optional<CodeStepChoice> choice = ProcessIds.named(CodeStepChoice.class, form.choice());
        if (choice.isPresent() && choice.get() != CodeStepChoice.CODE) {
            return new StepAnswer.Complete(Map.of(Variables.CODE_STEP_CHOICE, choice.get().name(),
                    Variables.ONE_TIME_CODE_CHECK,
                    (choice.get() == CodeStepChoice.RESEND ? Outcome.RESENT : Outcome.NOT_TRIED).name()));
        }
        if (!form.typed(errors, "verify.oneTimeCode.error")) {
            return StepAnswer.showAgain();
        }
        Outcome checked = phones.verifyCode(page.journey(), form.code()) ? Outcome.PASS : Outcome.FAIL;
        return new StepAnswer.Complete(Map.of(Variables.CODE_STEP_CHOICE, CodeStepChoice.CODE.name(),
                Variables.ONE_TIME_CODE_CHECK, checked.name()));
    }
}

package io.proofline.address.web;

import java.util.List;
import java.util.Optional;

import org.springframework.stereotype.Component;
import org.springframework.validation.Errors;

import io.proofline.address.AddressFailure;
import io.proofline.journey.FailureReason;
import io.proofline.journey.ProcessIds;
import io.proofline.journey.ProcessIds.Activities;
import io.proofline.journey.ProcessIds.AddressMethod;
import io.proofline.journey.ProcessIds.Variables;
import io.proofline.journey.StepAnswer;
import io.proofline.journey.StepForm;
import io.proofline.journey.StepPage;

/** A way to verify the address: a phone in the person's name, or a letter with a code. */
@Component
class ChooseAddressMethodForm implements StepForm<ChooseAddressMethodForm.Choice> {

    record Choice(String addressMethod) {
    }

    private final AddressPages pages;

    ChooseAddressMethodForm(AddressPages pages) {
        this.pages = pages;
    }

    @Override
    public String stepId() {
        return Activities.CHOOSE_ADDRESS_METHOD;
    }


    /** The phone records' refusals: the number is not the person's, or not a U.S. one. */
    @Override
    public List<? extends FailureReason> explains() {
        return List.of(AddressFailure.PHONE_NOT_TIED_TO_PERSON, AddressFailure.NOT_A_US_NUMBER);
    }

    @Override
    public void show(StepPage page) {
        pages.addLetterCodeValidity(page);
    }

    @Override
    public StepAnswer submit(Choice form, Errors errors, StepPage page) {
        Optional<AddressMethod> method = ProcessIds.named(AddressMethod.class, form.addressMethod());
        if (method.isEmpty()) {
            errors.rejectValue("addressMethod", "verify.addressMethod.error");
            return StepAnswer.showAgain();
        }
        return StepAnswer.complete(Variables.ADDRESS_METHOD, method.get().name());
    }
}

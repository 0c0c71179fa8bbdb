package io.proofline.address.web;

import java.util.List;
import java.util.Optional;

import org.springframework.stereotype.Component;
import org.springframework.validation.Errors;

import io.proofline.address.AddressFailure;
import io.proofline.journey.FailureReason;
import io.proofline.journey.ProcessIds;
import io.proofline.journey.ProcessIds.Activities;
import io.proofline.journey.ProcessIds.CodeChannel;
import io.proofline.journey.ProcessIds.Variables;
import io.proofline.journey.StepAnswer;
import io.proofline.journey.StepForm;
import io.proofline.journey.StepPage;
import io.proofline.vault.PiiVault;
import io.proofline.web.TypedText;

/**
 * The phone the one-time code goes to, and how (a text unless a call is chosen). Shown again, the number kept, when
 * the phone could not receive the code that way.
 */
@Component
class EnterPhoneForm implements StepForm<EnterPhoneForm.Phone> {

    /** @param codeChannel SMS when nothing was chosen */
    record Phone(String phone, String codeChannel) {

        Phone {
            phone = phone == null ? "" : phone;
            codeChannel = codeChannel == null ? CodeChannel.SMS.name() : codeChannel;
        }

        /** Ten digits, from (406) 555-0134, 406.555.0134 or +1 406 555 0134; empty when it is not a U.S. number. */
        Optional<String> digits() {
            String digits = phone.replaceAll("[\\s().+-]", "");
            if (digits.length() == 11 && digits.startsWith("1")) {
                digits = digits.substring(1);
            }
            return digits.matches("[2-9]\\d{9}") ? Optional.of(digits) : Optional.empty();
        }
    }

    private final AddressPages pages;
    private final PiiVault vault;

    EnterPhoneForm(AddressPages pages, PiiVault vault) {
        this.pages = pages;
        this.vault = vault;
    }

    @Override
    public String stepId() {
        return Activities.ENTER_PHONE;
    }


    /** The phone cannot receive the code the way chosen (a landline and a text). */
    @Override
    public List<? extends FailureReason> explains() {
        return List.of(AddressFailure.CODE_UNDELIVERABLE);
    }

    @Override
    public Phone initial(StepPage page) {
        return pages.typedPhone(page.journey()).map(typed -> new Phone(typed, null)).orElse(null);
    }

    @Override
    public StepAnswer submit(Phone form, Errors errors, StepPage page) {
        Optional<String> digits = form.digits();
        Optional<CodeChannel> channel = ProcessIds.named(CodeChannel.class, form.codeChannel());
        if (TypedText.fits(errors, "phone", form.phone(), TypedText.PHONE) && digits.isEmpty()) {
            errors.rejectValue("phone", "verify.phone.error");
        }
        if (channel.isEmpty()) {
            errors.rejectValue("codeChannel", "verify.phone.channel.error");
        }
        if (errors.hasErrors()) {
            return StepAnswer.showAgain();
        }
        vault.update(page.journey(), pii -> pii.withPhone(digits.get()));
        return StepAnswer.complete(Variables.CODE_CHANNEL, channel.get().name());
    }
}

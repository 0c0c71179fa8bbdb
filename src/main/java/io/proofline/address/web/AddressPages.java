package io.proofline.address.web;

import java.util.Optional;

import org.springframework.stereotype.Component;

import io.proofline.address.AddressPolicy;
import io.proofline.journey.JourneyId;
import io.proofline.journey.StepPage;
import io.proofline.vault.PiiVault;
import io.proofline.vault.ProofingPii;

/** What the address pages share: the letter's validity as configured, and the phone number as the person typed it. */
@Component
class AddressPages {

    private final PiiVault vault;
    private final AddressPolicy policy;

    AddressPages(PiiVault vault, AddressPolicy policy) {
        this.vault = vault;
        this.policy = policy;
    }

    /** How long a letter's code works ({@code proofline.policy.letter-code-validity}), as the letter pages say it. */
    void addLetterCodeValidity(StepPage page) {
        page.with("letterCodeValidityDays", policy.letterCodeValidity().toDays());
    }

    /** The phone number as the person typed it, formatted: (406) 555-0134. */
    Optional<String> typedPhone(JourneyId journey) {
        return held(journey).map(ProofingPii::phone).filter(phone -> phone.length() == 10)
                .map(p -> "(" + p.substring(0, 3) + ") " + p.substring(3, 6) + "-" + p.substring(6));
    }

    Optional<ProofingPii> held(JourneyId journey) {
        return vault.find(journey);
    }
}

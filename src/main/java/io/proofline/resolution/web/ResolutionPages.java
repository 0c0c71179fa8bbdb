package io.proofline.resolution.web;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import io.proofline.journey.ProcessIds.Activities;
import io.proofline.resolution.IdentityChecks;
import io.proofline.vault.PiiVault;

/** The two steps that ask for every personal detail, one form each. */
@Configuration(proxyBeanMethods = false)
class ResolutionPages {

    @Bean
    PersonalDetailsForm enterIdDetailsForm(DetailsValidator validator, PiiVault vault, IdentityChecks checks) {
        return new PersonalDetailsForm(Activities.ENTER_ID_DETAILS, false, validator, vault, checks);
    }

    @Bean
    PersonalDetailsForm enterPersonalDetailsForm(DetailsValidator validator, PiiVault vault, IdentityChecks checks) {
        return new PersonalDetailsForm(Activities.ENTER_PERSONAL_DETAILS, true, validator, vault, checks);
    }
}

package io.proofline.sharing.web;

import java.util.Map;
import java.util.Optional;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.stereotype.Component;
import org.springframework.validation.Errors;

import io.proofline.accounts.web.SignedInAccounts;
import io.proofline.journey.ProcessIds.Activities;
import io.proofline.journey.ProcessIds.SharingAnswer;
import io.proofline.journey.ProcessIds.Variables;
import io.proofline.journey.StepAnswer;
import io.proofline.journey.StepForm;
import io.proofline.journey.StepPage;
import io.proofline.sharing.ConsentRequests;
import io.proofline.sharing.ConsentRequests.ConsentRequest;
import io.proofline.web.ReturnTo;

/**
 * The journey's last step. Seed 004: "The user provides explicit consent to allow us to share any data with a service
 * provider." When an agency sent the person (its request waits in their session), the page names it and shows each
 * attribute it asked for with the value it would receive; they agree or decline, and the agency gets the answer when
 * they go back. A journey started on Proofline itself shares nothing here: the agency that first asks will ask then.
 */
@Component
class ConsentToShareForm implements StepForm<ShareAnswer> {

    private final SignedInAccounts signedIn;
    private final ConsentRequests requests;

    ConsentToShareForm(SignedInAccounts signedIn, ConsentRequests requests) {
        this.signedIn = signedIn;
        this.requests = requests;
    }

    @Override
    public String stepId() {
        return Activities.CONSENT_TO_SHARE;
    }

    @Override
    public void show(StepPage page) {
        waiting(page.request()).ifPresent(asked -> {
            page.with("agency", asked.agency());
            page.with("attributes", ConnectController.attributes(asked.claims(), page.locale()));
        });
    }

    @Override
    public StepAnswer submit(ShareAnswer form, Errors errors, StepPage page) {
        Optional<ConsentRequest> waiting = waiting(page.request());
        if (waiting.isEmpty()) {
            return StepAnswer.complete(Variables.SHARING_ANSWER, SharingAnswer.NO_AGENCY.name());
        }
        if (!form.agreed() && !form.declined()) {
            errors.rejectValue("answer", "verify.share.error");
            return StepAnswer.showAgain();
        }
        if (form.declined()) {
            DeclinedAtJourneyEnd.remember(page.request());
        }
        return new StepAnswer.Complete(Map.of(
                Variables.SHARING_ANSWER, (form.agreed() ? SharingAnswer.AGREED : SharingAnswer.DECLINED).name(),
                Variables.SHARING_AGENCY, waiting.get().clientId(),
                Variables.SHARING_SCOPES, String.join(" ", waiting.get().scopes())));
    }

    /** The agency's request that sent the person here, when the session holds it and their verified profile. */
    private Optional<ConsentRequest> waiting(HttpServletRequest request) {
        return signedIn.of(request).flatMap(account -> ReturnTo.peek(request)
                .flatMap(authorization -> signedIn.heldProfile(request)
                        .flatMap(profile -> requests.waiting(account, authorization, profile))));
    }
}

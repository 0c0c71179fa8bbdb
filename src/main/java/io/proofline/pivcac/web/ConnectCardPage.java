package io.proofline.pivcac.web;

import java.util.List;

import org.springframework.stereotype.Component;

import io.proofline.journey.FailureReason;
import io.proofline.journey.ProcessIds.Activities;
import io.proofline.journey.StepPage;
import io.proofline.journey.StepView;
import io.proofline.pivcac.PivCacFailure;

/**
 * "Connect your card": a link to the card-reader port, made anew each time the page is shown. The step has no form:
 * it is completed on the card-reader port, once a card is presented ({@link CardReaderController}).
 */
@Component
class ConnectCardPage implements StepView {

    private final CardHandOffs handOffs;

    ConnectCardPage(CardHandOffs handOffs) {
        this.handOffs = handOffs;
    }

    @Override
    public String stepId() {
        return Activities.CONNECT_CARD;
    }

    @Override
    public List<? extends FailureReason> explains() {
        return List.of(PivCacFailure.values());
    }

    @Override
    public void show(StepPage page) {
        page.with("cardReaderUrl", handOffs.link(page.journey()).orElse(null))
                .with("noCardPresented", CardReaderController.NO_CARD.equals(page.request().getParameter("card")));
    }
}

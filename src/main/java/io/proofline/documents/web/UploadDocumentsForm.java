package io.proofline.documents.web;

import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Component;
import org.springframework.validation.Errors;

import io.proofline.documents.DocumentCheck;
import io.proofline.documents.DocumentFailure;
import io.proofline.documents.web.AcceptedPhotos.Photos;
import io.proofline.journey.FailureReason;
import io.proofline.journey.ProcessIds.Activities;
import io.proofline.journey.StepAnswer;
import io.proofline.journey.StepForm;
import io.proofline.journey.StepPage;

/**
 * The ID's front and back and a selfie. A refused photo sends the person back to the step by a redirect (a reload
 * re-posts nothing), its refusal in the address; the accepted photos are kept for the retry ({@link AcceptedPhotos}).
 */
@Component
class UploadDocumentsForm implements StepForm<Photos> {

    private final AcceptedPhotos acceptedPhotos;
    private final DocumentCheck documents;

    UploadDocumentsForm(AcceptedPhotos acceptedPhotos, DocumentCheck documents) {
        this.acceptedPhotos = acceptedPhotos;
        this.documents = documents;
    }

    @Override
    public String stepId() {
        return Activities.UPLOAD_DOCUMENTS;
    }


    @Override
    public List<? extends FailureReason> explains() {
        return List.of(DocumentFailure.values());
    }

    @Override
    public void show(StepPage page) {
        Map<String, String> refused = AcceptedPhotos.decode(page.request().getParameter("uploadErrors"));
        if (!refused.isEmpty()) {
            page.with("errors", refused);
        }
        page.with("keptPhotos", acceptedPhotos.kept(page.journey()));
    }

    @Override
    public StepAnswer submit(Photos photos, Errors errors, StepPage page) {
        acceptedPhotos.take(page.journey(), photos, errors).ifPresent(images -> documents.upload(page.journey(), images));
        return errors.hasErrors() ? new StepAnswer.RedirectTo("/verify?uploadErrors=" + AcceptedPhotos.encode(errors))
                : StepAnswer.complete();
    }
}

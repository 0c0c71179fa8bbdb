package io.proofline.documents.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.validation.MapBindingResult;

/** A refusal travels in the redirect's address as a code and comes back as its own message, never another's. */
class AcceptedPhotosTest {

    @Test
    void everyRefusalComesBackFromTheAddressAsItsOwnMessage() {
        List<String> keys = List.of("verify.upload.error.missing", "verify.upload.error.tooLarge",
                "verify.upload.error.type", "verify.upload.error.damaged", "verify.upload.error.dimensions",
                "verify.upload.error.tooManyPixels");
        for (String key : keys) {
            MapBindingResult errors = new MapBindingResult(new HashMap<>(Map.of("front", "")), "photos");
            errors.rejectValue("front", key);

            assertThat(AcceptedPhotos.decode(AcceptedPhotos.encode(errors))).containsExactly(Map.entry("front", key));
        }
    }
}

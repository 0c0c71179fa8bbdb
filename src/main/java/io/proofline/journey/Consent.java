package io.proofline.journey;

/** A step whose form is one box to tick (consent to proofing, consent to share): {@code consent} is sent when ticked. */
public record Consent(String consent) {

    public boolean given() {
        return consent != null;
    }
}

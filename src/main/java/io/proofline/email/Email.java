package io.proofline.email;

import java.util.Objects;

/** One plain-text email. The address and the text are personal (the text may hold a link that signs in). */
public record Email(String to, String subject, String text) {

    public Email {
        Objects.requireNonNull(to, "to");
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(text, "text");
    }

    @Override
    public String toString() {
        return "Email[…]";
    }
}

package io.proofline.journey;

/** The form of a step whose button is its whole answer (confirm the letter's address, ask for a new letter). */
public record Confirmation() {
}

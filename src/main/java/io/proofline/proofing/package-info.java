/**
 * The proofing journey: start or resume one (one active journey per account; the engine's business
 * key is an opaque journey id, never anything personal), and where it stands. The workflow engine
 * itself sits behind {@link io.proofline.proofing.JourneyEngine}, implemented in
 * {@code proofing.process}, the only package that imports Camunda.
 */
package io.proofline.proofing;

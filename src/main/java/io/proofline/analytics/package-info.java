/**
 * What the operations analysts see: how journeys move, counted in hourly buckets that do not grow with history
 * ({@link io.proofline.analytics.JourneyBuckets}: per process definition and version, BPMN element and outcome; ids
 * and outcomes only, never PII), and their pages on the management port ({@code /analytics}, in {@code web}). The
 * engine's side, which tells the buckets what moved, is {@code proofing.process}'s (only it knows Camunda); the
 * staff's sign-in is {@code system}'s.
 */
package io.proofline.analytics;

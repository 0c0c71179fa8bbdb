/**
 * Everything that imports Camunda: the engine adapter behind {@link io.proofline.proofing.JourneyEngine},
 * delegates and listeners (thin: they map variables and call a feature service), the BPMN id constants
 * and the engine configuration. Keeping Camunda here makes a move to the Operaton fork mechanical.
 */
package io.proofline.proofing.process;

/**
 * What every feature knows of a journey and nothing more: its opaque id, and the event that it ended. At the
 * bottom of the modules, so features never import the proofing orchestration that calls them.
 */
package io.proofline.journey;

/**
 * The card's pages: the wizard's "Connect your card" step, the hand-off link to the card-reader port, and that
 * port's one page. The wizard's dispatcher and the choice of a way ask {@link CardHandOffs} whether cards can be
 * read here.
 */
@org.springframework.modulith.NamedInterface("web")
package io.proofline.pivcac.web;

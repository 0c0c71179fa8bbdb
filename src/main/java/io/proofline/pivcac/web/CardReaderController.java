package io.proofline.pivcac.web;

import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Optional;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

import io.proofline.pivcac.CardPresented;
import io.proofline.pivcac.CardReaderPort;
import io.proofline.pivcac.CertificateCheck;

import jakarta.servlet.http.HttpServletRequest;

/**
 * The one page of the card-reader port (see {@link CardReaderPort}): the browser arrives from the wizard's
 * "Connect your card" link, having presented the card's certificate in the TLS handshake. The chain is sealed
 * in the journey's vault for the {@code ValidateCertificate} step, {@link CardPresented} tells the journey (which
 * completes its {@code ConnectCard} step if it is there), and the browser goes back to the wizard, which shows the
 * check's outcome.
 */
@Controller
class CardReaderController {

    static final String NO_CARD = "none";

    private final CardHandOffs handOffs;
    private final CertificateCheck certificates;
    private final ApplicationEventPublisher events;

    CardReaderController(CardHandOffs handOffs, CertificateCheck certificates, ApplicationEventPublisher events) {
        this.handOffs = handOffs;
        this.certificates = certificates;
        this.events = events;
    }

    @GetMapping(CardReaderPort.PATH_PREFIX + "present")
    String present(@RequestParam(defaultValue = "") String token, HttpServletRequest request, Model model) {
        Optional<CardHandOffs.HandOff> handOff = handOffs.open(token);
        if (handOff.isEmpty() || !handOffs.claim(handOff.get())) {
            // Not ours, used already or too old: nothing happens to the journey; the person goes back and
            // selects "Connect your card" again, which makes a new link.
            model.addAttribute("wizard", handOff.map(h -> h.returnTo() + "/verify").orElse(null));
            // this port serves nothing else: the service's name leads back to the wizard's site when known
            model.addAttribute("homeUrl", handOff.map(h -> h.returnTo() + "/").orElse(null));
            return "pivcac/link-expired";
        }
        String wizard = handOff.get().returnTo() + "/verify";
        X509Certificate[] chain = (X509Certificate[]) request.getAttribute(CardReaderPort.CERTIFICATE_ATTRIBUTE);
        if (chain == null || chain.length == 0) {
            return "redirect:" + wizard + "?card=" + NO_CARD;
        }
        // A chain sealed while the journey is elsewhere is never checked: only this event completes ConnectCard,
        // and the next card presented replaces it.
        certificates.present(handOff.get().journey(), List.of(chain));
        events.publishEvent(new CardPresented(handOff.get().journey()));
        return "redirect:" + wizard;
    }
}

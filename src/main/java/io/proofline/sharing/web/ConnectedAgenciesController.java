package io.proofline.sharing.web;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;

import io.proofline.accounts.AccountId;
import io.proofline.accounts.web.SignedInAccounts;
import io.proofline.sharing.Agencies;
import io.proofline.sharing.AgencyConsents;
import io.proofline.sharing.SharingEvents;
import io.proofline.web.LocalTimes;
import jakarta.servlet.http.HttpServletRequest;

/**
 * The person's agencies (seed 001: "you are the only one who can view and make changes to your account
 * information"): whom they share with, what each receives and since when, a revocation for each, and the history of
 * what was agreed, declined, revoked and sent (names of attributes, never their values).
 */
@Controller
class ConnectedAgenciesController {

    static final String PATH = "/account/agencies";

    record Connection(String clientId, String agency, String receives, String since) {
    }

    record HistoryLine(String agency, String kind, String claims, String at) {
    }

    private final SignedInAccounts signedIn;
    private final AgencyConsents consents;
    private final SharingEvents events;
    private final Agencies agencies;
    private final MessageSource messages;

    ConnectedAgenciesController(SignedInAccounts signedIn, AgencyConsents consents, SharingEvents events,
            Agencies agencies, MessageSource messages) {
        this.messages = messages;
        this.signedIn = signedIn;
        this.consents = consents;
        this.events = events;
        this.agencies = agencies;
    }

    @GetMapping(PATH)
    String connectedAgencies(@org.springframework.web.bind.annotation.RequestParam(required = false) String revoked,
            HttpServletRequest request, Locale locale, Model model) {
        Optional<AccountId> account = signedIn.of(request);
        if (account.isEmpty()) {
            return "redirect:/sign-in";
        }
        model.addAttribute("signedIn", true);
        List<Connection> connections = consents.connected(account.get()).stream()
                .map(connected -> new Connection(connected.clientId(), connected.agency(),
                        String.join(", ", ConnectController.claimLabels(connected.claimNames(), locale, messages)),
                        LocalTimes.dateAndTime(connected.since(), locale)))
                .toList();
        List<HistoryLine> history = events.of(account.get()).stream()
                .map(event -> new HistoryLine(agencies.find(event.agency()).map(found -> found.displayName())
                        .orElse(event.agency()), event.kind().name(),
                        String.join(", ", ConnectController.claimLabels(event.claimNames(), locale, messages)),
                        LocalTimes.dateAndTime(event.at(), locale)))
                .toList();
        model.addAttribute("connections", connections);
        if (revoked != null) {
            model.addAttribute("revokedAgency", agencies.find(revoked).map(found -> found.displayName()).orElse(null));
        }
        model.addAttribute("history", history);
        return "sharing/agencies";
    }

    @PostMapping(PATH + "/{clientId}/revoke")
    String revoke(@PathVariable String clientId, HttpServletRequest request) {
        Optional<AccountId> account = signedIn.of(request);
        if (account.isEmpty()) {
            return "redirect:/sign-in";
        }
        consents.revoke(account.get(), clientId);
        return "redirect:" + PATH + "?revoked=" + java.net.URLEncoder.encode(clientId,
                java.nio.charset.StandardCharsets.UTF_8);
    }
}

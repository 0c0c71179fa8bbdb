package io.proofline.accounts.web;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;

import io.proofline.accounts.AccountHistory;
import io.proofline.accounts.AccountId;
import io.proofline.accounts.Accounts;
import io.proofline.accounts.BrowserDescription;
import io.proofline.accounts.IdentityVerifications;
import io.proofline.accounts.SecondFactors;
import io.proofline.web.LocalTimes;

/**
 * What the account page shows, for its owner: the email, the ways to sign in, the verified identity, the account's
 * history; shown by each of its forms again with the form's errors ({@link AccountController},
 * {@link DeleteAccountController}).
 */
@Component
class AccountPage {

    private static final Map<String, String> PATHWAYS = Map.of("STATE_ID", "account.pathway.STATE_ID",
            "PIV_CAC", "account.pathway.PIV_CAC", "IN_PERSON", "account.pathway.IN_PERSON");

    private final Accounts accounts;
    private final SecondFactors secondFactors;
    private final IdentityVerifications verifications;
    private final AccountHistory history;
    private final MessageSource messages;

    AccountPage(Accounts accounts, SecondFactors secondFactors, IdentityVerifications verifications,
            AccountHistory history, MessageSource messages) {
        this.accounts = accounts;
        this.secondFactors = secondFactors;
        this.verifications = verifications;
        this.history = history;
        this.messages = messages;
    }

    String render(AccountId account, Locale locale, Model model) {
        model.addAttribute("signedIn", true);
        model.addAttribute("email", accounts.email(account).orElse(""));
        model.addAttribute("methods", secondFactors.methods(account).stream().map(method -> new ShownMethod(
                method.id(), method.kind().name(), method.name(), LocalTimes.dateAndTime(method.addedAt(), locale),
                method.lastUsedAt().map(used -> LocalTimes.dateAndTime(used, locale)).orElse(null),
                method.backupCodesLeft(), method.phoneEnding())).toList());
        verifications.of(account).ifPresent(verified -> model.addAttribute("verified", new ShownVerification(
                LocalTimes.dateAndTime(verified.at(), locale),
                PATHWAYS.getOrDefault(verified.pathway(), "account.pathway.STATE_ID"))));
        model.addAttribute("history", shown(history.recent(account), locale));
        return "accounts/account";
    }

    private List<ShownEvent> shown(List<AccountHistory.Event> events, Locale locale) {
        return events.stream().map(event -> new ShownEvent(LocalTimes.moment(event.at(), locale),
                "account.history." + event.kind().name(), browser(event.browser(), locale))).toList();
    }

    /** "Chrome on Linux" in the page's language; the names themselves are the same in every language. */
    private String browser(BrowserDescription browser, Locale locale) {
        if (browser.browser().isPresent() && browser.system().isPresent()) {
            return messages.getMessage("account.history.browserOn",
                    new Object[] {browser.browser().get(), browser.system().get()}, locale);
        }
        return browser.browser().or(browser::system)
                .orElseGet(() -> messages.getMessage("account.history.unknownBrowser", null, locale));
    }

    /** @param kind the method's kind (its message key's last part) */
    record ShownMethod(UUID id, String kind, String name, String added, String lastUsed, long codesLeft,
            String phoneEnding) {
    }

    /** @param pathwayKey the message key of the evidence it was verified with */
    record ShownVerification(String at, String pathwayKey) {
    }

    /** @param whatKey the message key of what happened */
    record ShownEvent(LocalTimes.Moment at, String whatKey, String browser) {
    }
}

package io.proofline.accounts;

import java.util.Locale;
import java.util.Optional;

/**
 * A browser as a person recognises it on their account's history, "Chrome on Linux", read coarsely from the
 * User-Agent. Only names from the fixed lists below come out, so nothing the client sent (a version, a device model,
 * anything made up) is ever stored: the description says which of the person's browsers it was and nothing that
 * tells one person from another.
 *
 * @param browser the browser's name, or empty when none of the list matched
 * @param system  the operating system's name, or empty
 */
public record BrowserDescription(Optional<String> browser, Optional<String> system) {

    private static final String ON = " on ";

    /** Order matters: Edge and Opera say Chrome too, Chrome says Safari, Android says Linux. */
    private static final String[][] BROWSERS = {{"edg/", "Edge"}, {"edga/", "Edge"}, {"edgios/", "Edge"},
            {"opr/", "Opera"}, {"samsungbrowser/", "Samsung Internet"}, {"firefox/", "Firefox"}, {"fxios/", "Firefox"},
            {"chromium/", "Chromium"}, {"chrome/", "Chrome"}, {"crios/", "Chrome"}, {"safari/", "Safari"}};
    private static final String[][] SYSTEMS = {{"windows", "Windows"}, {"android", "Android"}, {"iphone", "iOS"},
            {"ipad", "iPadOS"}, {"cros", "ChromeOS"}, {"mac os x", "macOS"}, {"linux", "Linux"}};

    public static BrowserDescription of(String userAgent) {
        if (userAgent == null) {
            return new BrowserDescription(Optional.empty(), Optional.empty());
        }
        String agent = userAgent.toLowerCase(Locale.ROOT);
        return new BrowserDescription(first(BROWSERS, agent), first(SYSTEMS, agent));
    }

    private static Optional<String> first(String[][] names, String agent) {
        for (String[] name : names) {
            if (agent.contains(name[0])) {
                return Optional.of(name[1]);
            }
        }
        return Optional.empty();
    }

    /** As stored: "Chrome on Linux", "Chrome", " on Linux" (the system only), or null when nothing was recognised. */
    String stored() {
        if (browser.isEmpty() && system.isEmpty()) {
            return null;
        }
        return browser.orElse("") + system.map(name -> ON + name).orElse("");
    }

    static BrowserDescription fromStored(String stored) {
        if (stored == null || stored.isEmpty()) {
            return new BrowserDescription(Optional.empty(), Optional.empty());
        }
        int on = stored.indexOf(ON);
        return on < 0 ? new BrowserDescription(Optional.of(stored), Optional.empty())
                : new BrowserDescription(Optional.of(stored.substring(0, on)).filter(name -> !name.isEmpty()),
                        Optional.of(stored.substring(on + ON.length())));
    }

    @Override
    public String toString() {
        return browser.isPresent() && system.isPresent() ? browser.get() + ON + system.get()
                : browser.or(() -> system).orElse("unknown");
    }
}

package io.proofline.analytics.web;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestMethod;

import io.proofline.analytics.JourneyBuckets;
import io.proofline.system.StaffCredentials;
import io.proofline.web.LocalTimes;
import jakarta.servlet.http.HttpServletRequest;

/**
 * The analysts' pages on the management port: the sign-in (its form is checked by {@code system.StaffSignIn}, which
 * also lets only analysts in) and the dashboard, for now the journeys per process.
 */
@Controller
class AnalyticsController {

    private final JourneyBuckets buckets;

    AnalyticsController(JourneyBuckets buckets) {
        this.buckets = buckets;
    }

    /** Each process's journeys and checks, summed over the buckets kept. */
    record ProcessRow(String processKey, long started, long completed, long cancelled, long passed, long failed,
            long vendorErrors) {
    }

    @GetMapping("/analytics")
    String dashboard(Model model) {
        List<ProcessRow> rows = buckets.totalsPerProcess().entrySet().stream().map(entry -> row(entry.getKey(),
                entry.getValue())).toList();
        model.addAttribute("rows", rows);
        model.addAttribute("homeUrl", "/analytics");
        return "analytics/dashboard";
    }

    /** The form; and, forwarded by the sign-in, an attempt not evaluated (429, with when to try again). */
    @RequestMapping(path = {"/analytics/sign-in", "/analytics/sign-in/wait"}, method = {RequestMethod.GET,
            RequestMethod.POST})
    String signIn(HttpServletRequest request, Model model, Locale locale) {
        if (request.getAttribute(StaffCredentials.LOCKED_UNTIL_ATTRIBUTE) instanceof Instant until) {
            model.addAttribute("lockedUntil", LocalTimes.dateAndTime(until, locale));
        }
        model.addAttribute("homeUrl", "/analytics");
        return "analytics/sign-in";
    }

    private static ProcessRow row(String processKey, Map<String, Long> totals) {
        return new ProcessRow(processKey, totals.getOrDefault(JourneyBuckets.ENTERED, 0L),
                totals.getOrDefault(JourneyBuckets.COMPLETED, 0L), totals.getOrDefault(JourneyBuckets.CANCELLED, 0L),
                totals.getOrDefault("PASS", 0L), totals.getOrDefault("FAIL", 0L),
                totals.getOrDefault("VENDOR_ERROR", 0L));
    }
}

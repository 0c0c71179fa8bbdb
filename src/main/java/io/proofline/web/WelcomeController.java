package io.proofline.web;

import java.time.Duration;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** The front door: what proofing is and what to have at hand before starting. */
@Controller
class WelcomeController {

    private final long letterCodeValidityDays;

    WelcomeController(@Value("${proofline.policy.letter-code-validity}") Duration letterCodeValidity) {
        this.letterCodeValidityDays = letterCodeValidity.toDays();
    }

    @GetMapping("/")
    String welcome(Model model) {
        model.addAttribute("letterCodeValidityDays", letterCodeValidityDays);
        return "welcome";
    }
}

package io.proofline.proofing.web;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

import io.proofline.address.AddressPolicy;

/** The front door: what proofing is and what to have at hand before starting. */
@Controller
class WelcomeController {

    private final AddressPolicy addressPolicy;

    WelcomeController(AddressPolicy addressPolicy) {
        this.addressPolicy = addressPolicy;
    }

    @GetMapping("/")
    String welcome(Model model) {
        model.addAttribute("letterCodeValidityDays", addressPolicy.letterCodeValidity().toDays());
        return "welcome";
    }
}

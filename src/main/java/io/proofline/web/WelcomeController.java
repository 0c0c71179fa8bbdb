package io.proofline.web;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/** The front door: what proofing is and what to have at hand before starting. */
@Controller
class WelcomeController {

    @GetMapping("/")
    String welcome() {
        return "welcome";
    }
}

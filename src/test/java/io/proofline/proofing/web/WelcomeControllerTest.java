package io.proofline.proofing.web;

import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.autoconfigure.web.servlet.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

import io.proofline.accounts.web.SignedInAccounts;
import io.proofline.address.AddressPolicy;
import io.proofline.pivcac.CardReaderPort;
import io.proofline.web.WebSecurity;

/** The welcome page tells the letter code's life as configured, not a number written into the text. */
@WebMvcTest(value = WelcomeController.class, properties = "proofline.policy.letter-code-validity=P21D")
@EnableConfigurationProperties(AddressPolicy.class)
@Import(WebSecurity.class)
class WelcomeControllerTest {

    @Autowired MockMvc mvc;
    @MockitoBean CardReaderPort cardReaderPort;
    /** For the uploads' filter, which every MVC slice includes. */
    @MockitoBean SignedInAccounts signedIn;
    @MockitoBean io.proofline.accounts.SessionProfiles sessionProfiles;

    @Test
    void theLetterCodesLifeComesFromThePolicy() throws Exception {
        mvc.perform(get("/").param("lang", "en")).andExpect(content().string(containsString("The code is good for 21 days.")));
        mvc.perform(get("/").param("lang", "fr"))
                .andExpect(content().string(containsString("Le code est valable 21\u00a0jours.")));
    }
}

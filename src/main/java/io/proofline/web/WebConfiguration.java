package io.proofline.web;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.i18n.LocaleChangeInterceptor;
import org.springframework.web.servlet.support.RequestDataValueProcessor;

/** Language switching for every page: {@code ?lang=en|fr}, remembered in a cookie. */
@Configuration(proxyBeanMethods = false)
class WebConfiguration implements WebMvcConfigurer {

    static final String LANGUAGE_PARAMETER = "lang";

    private final FormTokens formTokens = new FormTokens();

    /** Thymeleaf asks the bean of this name for the hidden fields of every form it renders. */
    @Bean
    RequestDataValueProcessor requestDataValueProcessor() {
        return formTokens;
    }

    @Bean
    LocaleResolver localeResolver() {
        return new LanguageCookieLocaleResolver();
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        LocaleChangeInterceptor languageSwitch = new LocaleChangeInterceptor();
        languageSwitch.setParamName(LANGUAGE_PARAMETER);
        languageSwitch.setIgnoreInvalidLocale(true);
        registry.addInterceptor(languageSwitch);
        // Our pages only: Cockpit has its own CSRF protection, actuator and REST clients send no forms.
        registry.addInterceptor(formTokens).excludePathPatterns("/actuator/**", "/camunda/**");
    }
}

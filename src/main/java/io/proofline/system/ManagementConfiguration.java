package io.proofline.system;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.web.embedded.tomcat.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

/** The management port's connector, and the filter that decides what each port serves (first of all filters). */
@Configuration(proxyBeanMethods = false)
class ManagementConfiguration {

    @Bean
    ManagementPort managementPort(@Value("${proofline.management.port}") int port,
            @Value("${proofline.management.address}") String address) {
        return new ManagementPort(port, address);
    }

    @Bean
    WebServerFactoryCustomizer<TomcatServletWebServerFactory> managementConnector(ManagementPort port) {
        return factory -> factory.addAdditionalTomcatConnectors(port.connector());
    }

    @Bean
    FilterRegistrationBean<ManagementPortFilter> managementPortFilter(ManagementPort port) {
        FilterRegistrationBean<ManagementPortFilter> registration = new FilterRegistrationBean<>(new ManagementPortFilter(port));
        registration.addUrlPatterns("/*");
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
        return registration;
    }
}

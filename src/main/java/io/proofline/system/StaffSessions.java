package io.proofline.system;

import java.util.List;

import org.springframework.boot.autoconfigure.web.ServerProperties;
import org.springframework.boot.context.properties.PropertyMapper;
import org.springframework.boot.web.servlet.server.Session;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.session.web.http.CookieSerializer;
import org.springframework.session.web.http.DefaultCookieSerializer;

import jakarta.servlet.http.HttpServletRequest;

/**
 * Staff sessions are not the people's. Browsers send a host's cookies to all its ports, so on the management port
 * (Cockpit, the analysts' pages) the session lives under a cookie of its own, {@code proofline-staff-session}
 * (HttpOnly, SameSite=Strict; Secure when the port is reached over TLS), and the people's cookie is never read there;
 * on the public port only the people's cookie is read, so a staff session's id signs nobody in. Replaces Spring Boot's
 * one cookie serializer with one per port (the people's built from {@code server.servlet.session.cookie.*} as Boot
 * builds it).
 */
@Configuration(proxyBeanMethods = false)
class StaffSessions {

    static final String STAFF_COOKIE = "proofline-staff-session";

    @Bean
    CookieSerializer cookieSerializer(ServerProperties server, ManagementPort managementPort) {
        return new PerPort(peoples(server.getServlet().getSession().getCookie()), staff(), managementPort);
    }

    private static DefaultCookieSerializer peoples(Session.Cookie cookie) {
        DefaultCookieSerializer serializer = new DefaultCookieSerializer();
        PropertyMapper map = PropertyMapper.get().alwaysApplyingWhenNonNull();
        map.from(cookie::getName).to(serializer::setCookieName);
        map.from(cookie::getDomain).to(serializer::setDomainName);
        map.from(cookie::getPath).to(serializer::setCookiePath);
        map.from(cookie::getHttpOnly).to(serializer::setUseHttpOnlyCookie);
        map.from(cookie::getSecure).to(serializer::setUseSecureCookie);
        map.from(cookie::getMaxAge).asInt(duration -> (int) duration.getSeconds()).to(serializer::setCookieMaxAge);
        map.from(cookie::getSameSite).as(Enum::name).as(name -> name.charAt(0) + name.substring(1).toLowerCase())
                .to(serializer::setSameSite);
        map.from(cookie::getPartitioned).to(serializer::setPartitioned);
        return serializer;
    }

    private static DefaultCookieSerializer staff() {
        DefaultCookieSerializer serializer = new DefaultCookieSerializer();
        serializer.setCookieName(STAFF_COOKIE);
        serializer.setCookiePath("/");
        serializer.setUseHttpOnlyCookie(true);
        serializer.setSameSite("Strict");
        return serializer;
    }

    private record PerPort(CookieSerializer peoples, CookieSerializer staff, ManagementPort managementPort)
            implements CookieSerializer {

        @Override
        public void writeCookieValue(CookieValue value) {
            of(value.getRequest()).writeCookieValue(value);
        }

        @Override
        public List<String> readCookieValues(HttpServletRequest request) {
            return of(request).readCookieValues(request);
        }

        private CookieSerializer of(HttpServletRequest request) {
            return request.getLocalPort() == managementPort.localPort() ? staff : peoples;
        }
    }
}

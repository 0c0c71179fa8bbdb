package io.proofline.web;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.session.MapSessionRepository;
import org.springframework.session.Session;
import org.springframework.session.config.annotation.web.http.EnableSpringHttpSession;

import jakarta.annotation.PreDestroy;

/**
 * The embedded default's sessions: in this process's memory, through Spring Session like the postgres profile's
 * Redis sessions, so both serve the same cookie and the same behaviour. One node only; expired sessions are
 * dropped every minute (Spring Session's map forgets them only when asked for them).
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "proofline.session.store", havingValue = "memory", matchIfMissing = true)
@EnableSpringHttpSession
class InMemorySessions {

    private final Map<String, Session> sessions = new ConcurrentHashMap<>();
    private final ScheduledExecutorService sweeper = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "expired-session-sweeper");
        thread.setDaemon(true);
        return thread;
    });

    @Bean
    MapSessionRepository sessionRepository(@Value("${server.servlet.session.timeout:PT30M}") Duration timeout) {
        MapSessionRepository repository = new MapSessionRepository(sessions);
        repository.setDefaultMaxInactiveInterval(timeout);
        sweeper.scheduleWithFixedDelay(() -> sessions.values().removeIf(Session::isExpired), 1, 1, TimeUnit.MINUTES);
        return repository;
    }

    @PreDestroy
    void stopSweeping() {
        sweeper.shutdownNow();
    }
}

package io.proofline.persistence;

import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.support.SQLExceptionSubclassTranslator;
import org.springframework.orm.jpa.vendor.HibernateJpaVendorAdapter;

/**
 * Hibernate on its own reports a unique-key violation as a plain {@code DataIntegrityViolationException}; the
 * services tell a taken key (an email already registered, an SSN another profile holds, a counter another node
 * has just created) from other failures by {@code DuplicateKeyException}, as they did with JDBC. Translating the
 * SQL state itself (23505 on H2 and PostgreSQL alike) keeps that, for repository calls and commits both.
 */
@Configuration(proxyBeanMethods = false)
class PersistenceConfiguration {

    @Bean
    static BeanPostProcessor duplicateKeysReportedAsSuch() {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessBeforeInitialization(Object bean, String beanName) {
                if (bean instanceof HibernateJpaVendorAdapter adapter) {
                    adapter.getJpaDialect().setJdbcExceptionTranslator(new SQLExceptionSubclassTranslator());
                }
                return bean;
            }
        };
    }
}

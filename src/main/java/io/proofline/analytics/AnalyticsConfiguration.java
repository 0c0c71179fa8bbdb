package io.proofline.analytics;

import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

/** The buckets' hourly removal of what is older than the history's time-to-live ({@link JourneyBuckets#removeExpired}). */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
class AnalyticsConfiguration {
}

package io.proofline.vault;

import java.time.Duration;
import java.util.Optional;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.stereotype.Component;

/** The vault shared by every node: Redis, with Redis's own expiry. */
@Component
@ConditionalOnProperty(name = "proofline.vault.store", havingValue = "redis")
class RedisVaultStore implements VaultStore {

    private final StringRedisTemplate redis;
    private final String keyPrefix;

    RedisVaultStore(StringRedisTemplate redis, VaultProperties properties) {
        this.redis = redis;
        this.keyPrefix = properties.keyPrefix();
    }

    @Override
    public void put(String key, String sealed, Duration ttl) {
        redis.opsForValue().set(keyPrefix + key, sealed, ttl);
    }

    @Override
    public Optional<String> get(String key) {
        return Optional.ofNullable(redis.opsForValue().get(keyPrefix + key));
    }

    @Override
    public void delete(String key) {
        redis.delete(keyPrefix + key);
    }
}

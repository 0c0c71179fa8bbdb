package io.proofline.persistence;

import org.springframework.transaction.annotation.Transactional;

import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

/** Found by Spring Data by its name (the fragment's name and {@code Impl}). */
class InsertsImpl<T> implements Inserts<T> {

    @PersistenceContext
    private EntityManager entityManager;

    /** Flushed at once, so that a taken key fails here and not at some later commit. */
    @Override
    @Transactional
    public void insert(T entity) {
        entityManager.persist(entity);
        entityManager.flush();
    }
}

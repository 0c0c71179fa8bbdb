package io.proofline.persistence;

/**
 * A repository fragment: {@link #insert} writes a new row at once, as SQL's insert does. Spring Data's
 * {@code save} would merge an entity whose id we assign (every id here is ours, never generated): it would
 * read the row first and turn a row another node has just written into an update of it. An insert instead
 * fails on a key that is taken, with a {@link org.springframework.dao.DuplicateKeyException}.
 *
 * @param <T> the entity
 */
public interface Inserts<T> {

    void insert(T entity);
}

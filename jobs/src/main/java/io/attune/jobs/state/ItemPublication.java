package io.attune.jobs.state;

/**
 * When an item last broadcast its tables and how much pair weight it had taken in by then, so that a table which
 * has moved by only a small share of that since can wait (up to a staleness bound) instead of being read whole
 * and broadcast again. The weight taken in since is kept beside it, in a state of its own, since every pair
 * updates it and only a publication reads this.
 *
 * @param publishedAt processing time of the last publication, ms
 * @param publishedWeight all pair weight the item had taken in when it last published
 */
public record ItemPublication(long publishedAt, float publishedWeight) {}

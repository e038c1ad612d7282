package dev.escrow.platform.rest;

import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.ws.rs.ext.ContextResolver;

/**
 * One JSON-B instance for every request. Without a resolver RESTEasy builds a fresh {@code Jsonb}
 * per body, and Yasson then parses each class's model again: the benchmark's profile (JFR) showed
 * about a tenth of the bank API's CPU in {@code MappingContext.getOrCreateClassModel}. A {@code
 * Jsonb} is thread-safe and caches the models it has parsed.
 *
 * <p>Each war registers a {@code @Provider} subclass.
 */
public abstract class SharedJsonb implements ContextResolver<Jsonb> {

  private static final Jsonb JSONB = JsonbBuilder.create();

  @Override
  public Jsonb getContext(Class<?> type) {
    return JSONB;
  }
}

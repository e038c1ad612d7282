package dev.escrow.platform.rest;

import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.ws.rs.ext.ContextResolver;

/**
 * One JSON-B instance for all of an API's bodies. Without a resolver, RESTEasy builds a new {@code
 * Jsonb} for every body it writes or reads ({@code JsonbBuilder.create()}: a service-loader scan
 * and, worse, a fresh class model, so each response introspects its records again): a JFR profile
 * of the catalogue under load put 30 % of the server's CPU there. A {@code Jsonb} is thread-safe
 * and meant to be shared; the configuration is the default one RESTEasy used.
 *
 * <p>Each war registers a {@code @Provider} subclass.
 */
public abstract class SharedJsonb implements ContextResolver<Jsonb> {

  private final Jsonb jsonb = JsonbBuilder.create();

  @Override
  public Jsonb getContext(Class<?> type) {
    return jsonb;
  }
}

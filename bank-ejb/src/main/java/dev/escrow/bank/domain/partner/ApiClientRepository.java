package dev.escrow.bank.domain.partner;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.Optional;

/** Partners by the hash of their API key or by name. */
@ApplicationScoped
public class ApiClientRepository {

  @PersistenceContext(unitName = "bank")
  EntityManager em;

  public void add(ApiClient client) {
    em.persist(client);
  }

  public Optional<ApiClient> byKeyHash(String hash) {
    return em.createQuery("select c from ApiClient c where c.keyHash = :h", ApiClient.class)
        .setParameter("h", hash)
        .getResultStream()
        .findFirst();
  }

  public Optional<ApiClient> byName(String name) {
    return em.createQuery("select c from ApiClient c where c.name = :n", ApiClient.class)
        .setParameter("n", name)
        .getResultStream()
        .findFirst();
  }

  public ApiClient byId(long id) {
    return em.find(ApiClient.class, id);
  }
}

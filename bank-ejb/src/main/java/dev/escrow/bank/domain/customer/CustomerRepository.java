package dev.escrow.bank.domain.customer;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import java.util.Optional;

/** Customers by id, or found by part of the name or e-mail. */
@ApplicationScoped
public class CustomerRepository {

  @PersistenceContext(unitName = "bank")
  EntityManager em;

  public Customer add(Customer customer) {
    em.persist(customer);
    return customer;
  }

  public Optional<Customer> byId(long id) {
    return Optional.ofNullable(em.find(Customer.class, id));
  }

  public List<Customer> search(String text, int limit) {
    String like = "%" + (text == null ? "" : text.strip().toLowerCase()) + "%";
    return em.createQuery(
            "select c from Customer c where lower(c.fullName) like :t or lower(c.email) like :t"
                + " order by c.id",
            Customer.class)
        .setParameter("t", like)
        .setMaxResults(limit)
        .getResultList();
  }
}

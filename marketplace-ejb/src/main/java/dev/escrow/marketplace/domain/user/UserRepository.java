package dev.escrow.marketplace.domain.user;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import java.util.Optional;

/** The users of the marketplace, looked up by id or login. */
@ApplicationScoped
public class UserRepository {

  @PersistenceContext(unitName = "marketplace")
  EntityManager em;

  public Optional<User> findById(long id) {
    return Optional.ofNullable(em.find(User.class, id));
  }

  public Optional<User> findByLogin(String login) {
    return em.createQuery("select u from User u where u.login = :login", User.class)
        .setParameter("login", login)
        .getResultStream()
        .findFirst();
  }

  public boolean loginTaken(String login) {
    return findByLogin(login).isPresent();
  }

  public List<User> clients() {
    return em.createQuery("select u from User u where u.role = :role order by u.id", User.class)
        .setParameter("role", Role.CLIENT)
        .getResultList();
  }

  public User add(User user) {
    em.persist(user);
    em.flush();
    return user;
  }
}

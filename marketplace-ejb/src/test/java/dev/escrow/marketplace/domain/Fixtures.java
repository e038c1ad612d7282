package dev.escrow.marketplace.domain;

import dev.escrow.marketplace.domain.account.ClientAccount;
import dev.escrow.marketplace.domain.bank.Bank;
import dev.escrow.marketplace.domain.offer.Offer;
import dev.escrow.marketplace.domain.user.User;
import dev.escrow.platform.money.Money;
import dev.escrow.platform.money.Percent;
import java.lang.reflect.Field;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicLong;

/** Domain objects for plain unit tests, with the ids the database would give them. */
public final class Fixtures {

  private static final AtomicLong IDS = new AtomicLong(1);
  public static final Instant NOW = Instant.parse("2026-11-26T10:00:00Z");
  public static final Duration WINDOW = Duration.ofHours(48);

  private Fixtures() {}

  public static User client(String login) {
    return withId(User.client(login, "Client " + login, "$2a$hash", NOW));
  }

  public static ClientAccount account(User owner) {
    Bank bank = withId(new Bank("Alpha", "044525042", NOW));
    String number = String.format("044%010X", IDS.getAndIncrement());
    return withId(new ClientAccount(owner, bank, number, NOW));
  }

  /** An approved offer in the catalogue, paid within {@link #WINDOW}. */
  public static Offer activeOffer(User seller, String price, String commissionPercent) {
    Offer offer =
        withId(
            new Offer(
                seller,
                "Lamp",
                "A lamp",
                Money.of(price),
                WINDOW,
                Percent.of(commissionPercent),
                NOW));
    offer.approve(Percent.of(commissionPercent), NOW);
    return offer;
  }

  public static <T> T withId(T entity) {
    set(entity, "id", IDS.getAndIncrement());
    return entity;
  }

  public static void set(Object target, String name, Object value) {
    try {
      Field field = target.getClass().getDeclaredField(name);
      field.setAccessible(true);
      field.set(target, value);
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException(e);
    }
  }
}

package dev.escrow.marketplace.infrastructure.seed;

import dev.escrow.marketplace.application.AccountService;
import dev.escrow.marketplace.application.BankService;
import dev.escrow.marketplace.application.ClientService;
import dev.escrow.marketplace.application.ModerationService;
import dev.escrow.marketplace.application.NewAccount;
import dev.escrow.marketplace.application.NewBank;
import dev.escrow.marketplace.application.NewClient;
import dev.escrow.marketplace.application.OfferDraft;
import dev.escrow.marketplace.application.OfferService;
import dev.escrow.marketplace.application.SettingsService;
import dev.escrow.marketplace.application.bank.BankInfo;
import dev.escrow.marketplace.domain.account.ClientAccountRepository;
import dev.escrow.marketplace.domain.bank.Bank;
import dev.escrow.marketplace.domain.offer.Offer;
import dev.escrow.marketplace.domain.user.UserRepository;
import dev.escrow.platform.money.Money;
import jakarta.annotation.Resource;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The marketplace's demo data, made through its own services as an administrator and clients would
 * make it, in one transaction: the banks of the bank service registered (their list read over
 * HTTP), the settlement account, demo sellers and buyers with their accounts bound (each confirmed
 * by the bank over HTTP: the accounts are the fixed demo customers of the bank's own seed,
 * docs/bank-service.md), and approved offers. A row in {@code demo_seed} is inserted first: a
 * second node that starts at the same time waits on its key and then fails, and every later start
 * finds it. When the bank is not ready (not started, its seed not done) the transaction rolls back,
 * the row with it, and the caller tries again later.
 */
@Stateless
public class DemoMarketplaceSeeder {

  /** The bank's settlement account of its demo seed (customer "Marketplace", bank 042). */
  static final String SETTLEMENT_ACCOUNT = "0420000000001";

  static final String SETTLEMENT_REQUISITE = "044525042";

  record DemoClient(
      String login, String fullName, String requisite, String account, boolean seller) {}

  /** The bank's fixed demo customers (bank-ejb MarketplaceDemoCustomers), one per bank. */
  static final List<DemoClient> CLIENTS =
      List.of(
          new DemoClient("seller-anna", "Анна Смирнова", "044030117", "1170000000101", true),
          new DemoClient("seller-dmitry", "Дмитрий Козлов", "042202205", "2050000000102", true),
          new DemoClient("buyer-olga", "Ольга Новикова", "046577318", "3180000000103", false),
          new DemoClient("buyer-sergey", "Сергей Попов", "044525042", "0420000000104", false));

  record DemoOffer(
      String seller, String title, String description, String price, Duration window) {}

  static final List<DemoOffer> OFFERS =
      List.of(
          new DemoOffer(
              "seller-anna",
              "Велосипед городской Stels Navigator 300",
              "Городской велосипед, рама 19″, 7 скоростей. Проехал около 300 км, хранился в"
                  + " квартире. В комплекте крылья, багажник и звонок. Самовывоз у м. «Сокол»"
                  + " или доставка по договорённости.",
              "18500.00",
              Duration.ofDays(3)),
          new DemoOffer(
              "seller-anna",
              "Кофемашина De'Longhi Magnifica S",
              "Автоматическая кофемашина с капучинатором, 2019 год. Регулярно чистилась от"
                  + " накипи, работает исправно. Отдаю с инструкцией и двумя пачками зёрен.",
              "24900.00",
              Duration.ofDays(5)),
          new DemoOffer(
              "seller-anna",
              "Булгаков: «Мастер и Маргарита» и «Белая гвардия»",
              "Два романа в твёрдом переплёте, издательство «Азбука». Прочитаны один раз,"
                  + " без пометок и загибов.",
              "890.00",
              Duration.ofDays(2)),
          new DemoOffer(
              "seller-anna",
              "Набор посуды для кемпинга",
              "Котелок, сковорода, две кружки и столовые приборы в чехле. Нержавеющая сталь,"
                  + " брали в один поход.",
              "1250.00",
              Duration.ofDays(2)),
          new DemoOffer(
              "seller-dmitry",
              "Смартфон Xiaomi Redmi Note 12, 128 ГБ",
              "Серый, полный комплект: коробка, зарядка, чек. Экран без царапин, всегда был в"
                  + " чехле и под стеклом. Аккумулятор держит день.",
              "12990.00",
              Duration.ofDays(3)),
          new DemoOffer(
              "seller-dmitry",
              "Палатка туристическая трёхместная",
              "Двухслойная, с тамбуром, водостойкость 3000 мм. Была в двух походах, все"
                  + " колышки и растяжки на месте. Вес 3,8 кг.",
              "6400.00",
              Duration.ofDays(7)),
          new DemoOffer(
              "seller-dmitry",
              "Детское автокресло, 9–18 кг",
              "Группа 1, крепится штатным ремнём. Чехол снимается и стирается, после"
                  + " химчистки. В ДТП не было.",
              "3500.00",
              Duration.ofDays(3)),
          new DemoOffer(
              "seller-dmitry",
              "Ноутбук Lenovo ThinkPad T480",
              "Intel Core i5-8350U, 16 ГБ ОЗУ, SSD 512 ГБ, экран 14″ Full HD. Новая батарея,"
                  + " Windows 10 Pro. Подходит для работы и учёбы.",
              "42000.00",
              Duration.ofDays(5)));

  /** What one try did. */
  public record Outcome(Kind kind, String detail, List<String> sellers, List<String> buyers) {
    public enum Kind {
      SEEDED,
      ALREADY_THERE,
      NOT_YET
    }

    static Outcome notYet(String why) {
      return new Outcome(Kind.NOT_YET, why, List.of(), List.of());
    }
  }

  @PersistenceContext(unitName = "marketplace")
  EntityManager em;

  @Resource SessionContext context;

  @Inject BankService banks;
  @Inject ClientService clients;
  @Inject AccountService accounts;
  @Inject SettingsService settings;
  @Inject OfferService offers;
  @Inject ModerationService moderation;
  @Inject UserRepository users;
  @Inject ClientAccountRepository clientAccounts;

  @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
  public Outcome seedOnce(String password) {
    try {
      if (((Number) em.createNativeQuery("select count(*) from demo_seed").getSingleResult())
              .longValue()
          > 0) {
        return new Outcome(Outcome.Kind.ALREADY_THERE, null, List.of(), List.of());
      }
      em.createNativeQuery("insert into demo_seed (id, seeded_at) values (1, current_timestamp)")
          .executeUpdate();
      return seed(password);
    } catch (RuntimeException e) {
      // The bank is away or not seeded yet, or another node holds the mark: nothing of this try
      // stays; the caller tries again.
      context.setRollbackOnly();
      return Outcome.notYet(e.getClass().getSimpleName() + ": " + e.getMessage());
    }
  }

  private Outcome seed(String password) {
    Map<String, Bank> byRequisite = new HashMap<>();
    banks.banks().forEach(b -> byRequisite.put(b.requisite(), b));
    for (BankInfo info : banks.banksOfTheBankService()) {
      if (!byRequisite.containsKey(info.requisite())) {
        String name =
            banks.banks().stream().anyMatch(b -> b.name().equals(info.name()))
                ? info.name() + " (" + info.requisite() + ")"
                : info.name();
        byRequisite.put(info.requisite(), banks.registerBank(new NewBank(name, info.requisite())));
      }
    }
    if (!settings.settings().hasSettlementAccount()) {
      settings.changeSettlementAccount(
          new NewAccount(
              SETTLEMENT_ACCOUNT, String.valueOf(byRequisite.get(SETTLEMENT_REQUISITE).id())));
    }
    List<String> sellers = new ArrayList<>();
    List<String> buyers = new ArrayList<>();
    for (DemoClient client : CLIENTS) {
      if (users.loginTaken(client.login())) {
        continue; // somebody made this login by hand: theirs stays as it is
      }
      clients.registerClient(new NewClient(client.fullName(), client.login(), password));
      Bank bank = byRequisite.get(client.requisite());
      if (!clientAccounts.bound(bank.id(), client.account())) {
        accounts.bindAccount(
            client.login(), new NewAccount(client.account(), String.valueOf(bank.id())));
      }
      (client.seller() ? sellers : buyers).add(client.login());
    }
    int listed = 0;
    for (DemoOffer o : OFFERS) {
      if (sellers.contains(o.seller())) {
        Offer offer =
            offers.submitOffer(
                o.seller(),
                new OfferDraft(o.title(), o.description(), Money.of(o.price()), o.window()));
        moderation.approve(offer.id(), null);
        listed++;
      }
    }
    return new Outcome(
        Outcome.Kind.SEEDED,
        String.format(
            "%d banks, settlement account %s, %d offers in the catalogue",
            byRequisite.size(), SETTLEMENT_ACCOUNT, listed),
        sellers,
        buyers);
  }
}

package dev.escrow.it.bank;

import static dev.escrow.it.bank.BankFixture.AURORA;
import static dev.escrow.it.bank.BankFixture.NORTHERN;
import static dev.escrow.it.bank.BankFixture.VOLGA;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import dev.escrow.it.bank.BankFixture.Holder;
import dev.escrow.it.support.Api;
import dev.escrow.it.support.EarDeployment;
import jakarta.json.JsonObject;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Many partners' threads pay at once among a few accounts, with settlements and reversals mixed in:
 * no update is lost, nothing goes below zero, nothing deadlocks, and the money adds up.
 */
class BankConcurrencyIT extends EarDeployment {

  @RegisterExtension static GreenMailExtension mail = BankFixture.mailServer();

  static final int THREADS = 8;
  static final int TRANSFERS = 1000;
  static final int ACCOUNTS = 20;
  static final BigDecimal DEPOSIT = new BigDecimal("1000.00");

  @Test
  void concurrentTransfersSettlementsAndReversalsKeepEveryKopeck() throws Exception {
    BankFixture.processingDelay(0);
    String[] banks = {AURORA, NORTHERN, VOLGA};
    List<Holder> holders = new ArrayList<>();
    for (int i = 0; i < ACCOUNTS; i++) {
      holders.add(
          BankFixture.holder("Holder " + i, banks[i % banks.length], DEPOSIT.toPlainString()));
    }
    Holder commission = BankFixture.holder("Commission", AURORA, "0");
    // The fees below are the bank's whole fee income: start when nothing else moves it.
    JsonObject auditBefore = BankFixture.quietAudit();
    BigDecimal feesBefore = new BigDecimal(auditBefore.getString("fees"));

    AtomicInteger transfers = new AtomicInteger();
    AtomicInteger completed = new AtomicInteger();
    AtomicInteger failed = new AtomicInteger();
    AtomicInteger settled = new AtomicInteger();
    AtomicInteger reversed = new AtomicInteger();
    ExecutorService pool = Executors.newFixedThreadPool(THREADS);
    long started = System.nanoTime();
    List<Future<?>> workers = new ArrayList<>();
    for (int t = 0; t < THREADS; t++) {
      workers.add(
          pool.submit(
              () -> {
                ThreadLocalRandom random = ThreadLocalRandom.current();
                while (transfers.get() < TRANSFERS) {
                  String group = "deal-" + UUID.randomUUID();
                  int size = 1 + random.nextInt(3);
                  Holder payee = holders.get(random.nextInt(ACCOUNTS));
                  List<String> ids = new ArrayList<>();
                  String key = null;
                  for (int i = 0; i < size && transfers.getAndIncrement() < TRANSFERS; i++) {
                    Holder payer;
                    do {
                      payer = holders.get(random.nextInt(ACCOUNTS));
                    } while (payer == payee);
                    String amount =
                        BigDecimal.valueOf(1 + random.nextInt(10_000), 2).toPlainString();
                    JsonObject authorization =
                        BankFixture.authorizedPayment(mail, payer, payee, amount);
                    Api.Reply accepted =
                        BankFixture.submit(
                            authorization,
                            payer,
                            payee,
                            amount,
                            authorization.getString("fee"),
                            group,
                            UUID.randomUUID().toString());
                    assertEquals(202, accepted.status(), accepted.body());
                    ids.add(accepted.json().getString("id"));
                    key = accepted.json().getString("operationKey");
                  }
                  BigDecimal held = BigDecimal.ZERO;
                  for (String id : ids) {
                    JsonObject done = BankFixture.awaitFinal(id);
                    if (done.getString("status").equals("COMPLETED")) {
                      completed.incrementAndGet();
                      held = held.add(new BigDecimal(done.getString("amount")));
                    } else {
                      failed.incrementAndGet();
                    }
                  }
                  if (key == null) {
                    continue;
                  }
                  int choice = random.nextInt(3);
                  if (choice == 0) {
                    BigDecimal cut =
                        held.multiply(new BigDecimal("0.05"))
                            .setScale(2, java.math.RoundingMode.DOWN);
                    Api.Reply reply =
                        BankFixture.partnerPost(
                            "/operations/" + key + "/settlement",
                            "{\"commissionAmount\":\""
                                + cut.toPlainString()
                                + "\",\"commissionAccount\":\""
                                + commission.number()
                                + "\"}");
                    assertEquals(200, reply.status(), reply.body());
                    settled.incrementAndGet();
                  } else if (choice == 1) {
                    Api.Reply reply =
                        BankFixture.partnerPost("/operations/" + key + "/reversal", null);
                    assertEquals(200, reply.status(), reply.body());
                    reversed.incrementAndGet();
                  }
                }
                return null;
              }));
    }
    for (Future<?> worker : workers) {
      worker.get();
    }
    double seconds = (System.nanoTime() - started) / 1e9;
    pool.shutdown();
    int done = completed.get() + failed.get();
    System.out.printf(
        "Bank concurrency: %d transfers (%d completed, %d failed), %d settlements, %d reversals by %d"
            + " threads in %.1f s: %.1f transfers/s end to end (code, verification, transfer, outcome)%n",
        done,
        completed.get(),
        failed.get(),
        settled.get(),
        reversed.get(),
        THREADS,
        seconds,
        done / seconds);
    assertTrue(done >= TRANSFERS, "at least " + TRANSFERS + " transfers: " + done);

    BigDecimal total = BigDecimal.ZERO;
    for (Holder holder : holders) {
      JsonObject account = BankFixture.account(holder.number());
      BigDecimal balance = new BigDecimal(account.getString("balance"));
      BigDecimal held = new BigDecimal(account.getString("held"));
      assertTrue(balance.signum() >= 0 && held.signum() >= 0, account.toString());
      total = total.add(balance).add(held);
    }
    total = total.add(BankFixture.balance(commission.number()));
    JsonObject auditAfter = BankFixture.audit();
    assertTrue(auditAfter.getBoolean("consistent"), auditAfter.toString());
    BigDecimal fees = new BigDecimal(auditAfter.getString("fees")).subtract(feesBefore);
    assertEquals(
        DEPOSIT.multiply(BigDecimal.valueOf(ACCOUNTS)),
        total.add(fees),
        "the accounts plus the fees earned hold exactly what was deposited");
    assertEquals(auditBefore.getString("deposits"), auditAfter.getString("deposits"));
  }

  @Test
  void theQueueCarriesOutAcceptedTransfersWithoutLosingAnUpdate() throws Exception {
    BankFixture.processingDelay(0);
    int count = 400;
    List<Holder> holders = new ArrayList<>();
    for (int i = 0; i < ACCOUNTS; i++) {
      holders.add(BankFixture.holder("Queue " + i, i % 2 == 0 ? AURORA : NORTHERN, "100000.00"));
    }
    BigDecimal feesBefore = new BigDecimal(BankFixture.audit().getString("fees"));
    ExecutorService pool = Executors.newFixedThreadPool(THREADS);
    List<Future<String[]>> prepared = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      prepared.add(
          pool.submit(
              () -> {
                ThreadLocalRandom random = ThreadLocalRandom.current();
                Holder payer = holders.get(random.nextInt(ACCOUNTS));
                Holder payee;
                do {
                  payee = holders.get(random.nextInt(ACCOUNTS));
                } while (payee == payer);
                String amount = BigDecimal.valueOf(1 + random.nextInt(10_000), 2).toPlainString();
                JsonObject authorization =
                    BankFixture.authorizedPayment(mail, payer, payee, amount);
                return new String[] {
                  authorization.getString("id"),
                  payer.number(),
                  payee.number(),
                  amount,
                  authorization.getString("fee")
                };
              }));
    }
    List<String[]> ready = new ArrayList<>();
    for (Future<String[]> f : prepared) {
      ready.add(f.get());
    }
    long started = System.nanoTime();
    List<Future<String>> submitted = new ArrayList<>();
    for (String[] t : ready) {
      submitted.add(
          pool.submit(
              () -> {
                Api.Reply accepted =
                    BankFixture.partnerPost(
                        "/transfers",
                        "{\"authorizationId\":\""
                            + t[0]
                            + "\",\"payerAccount\":\""
                            + t[1]
                            + "\",\"payeeAccount\":\""
                            + t[2]
                            + "\",\"amount\":\""
                            + t[3]
                            + "\",\"fee\":\""
                            + t[4]
                            + "\",\"groupReference\":\"q-"
                            + UUID.randomUUID()
                            + "\"}",
                        java.util.Map.of("Idempotency-Key", UUID.randomUUID().toString()));
                assertEquals(202, accepted.status(), accepted.body());
                return accepted.json().getString("id");
              }));
    }
    List<String> ids = new ArrayList<>();
    for (Future<String> f : submitted) {
      ids.add(f.get());
    }
    double acceptSeconds = (System.nanoTime() - started) / 1e9;
    int completed = 0;
    for (String id : ids) {
      if (BankFixture.awaitFinal(id).getString("status").equals("COMPLETED")) {
        completed++;
      }
    }
    double seconds = (System.nanoTime() - started) / 1e9;
    pool.shutdown();
    System.out.printf(
        "Bank queue: %d transfers accepted in %.1f s and carried out (%d completed) within %.1f s:"
            + " %.1f transfers/s%n",
        count, acceptSeconds, completed, seconds, count / seconds);
    assertEquals(count, completed, "every payer had enough");
    BigDecimal total = BigDecimal.ZERO;
    for (Holder holder : holders) {
      total =
          total.add(BankFixture.balance(holder.number())).add(BankFixture.held(holder.number()));
    }
    BigDecimal fees = new BigDecimal(BankFixture.audit().getString("fees")).subtract(feesBefore);
    assertEquals(
        new BigDecimal("100000.00").multiply(BigDecimal.valueOf(ACCOUNTS)), total.add(fees));
  }
}

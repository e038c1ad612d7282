package dev.escrow.bank.domain.bank;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * One of the banks this service simulates: a 3-digit code (the first digits of every account number
 * it opens), a name and a 9-digit requisite by which the outside world knows it.
 */
@Entity
@Table(name = "bank")
public class Bank {

  @Id private Long id;

  @Column(nullable = false, length = 3)
  private String code;

  @Column(nullable = false, length = 100)
  private String name;

  @Column(nullable = false, length = 9)
  private String requisite;

  protected Bank() {}

  public Long id() {
    return id;
  }

  public String code() {
    return code;
  }

  public String name() {
    return name;
  }

  public String requisite() {
    return requisite;
  }
}

package dev.escrow.marketplace.domain.dealstatus;

import dev.escrow.marketplace.domain.StateConflictException;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/**
 * A deal status as people see it. The four system statuses (AWAITING_PAYMENT, IN_PROGRESS,
 * COMPLETED, EXPIRED) are set by the marketplace itself and cannot be removed; the administrator
 * may rename any status and add more.
 */
@Entity
@Table(name = "deal_status")
public class DealStatus {

  public static final String AWAITING_PAYMENT = "AWAITING_PAYMENT";
  public static final String IN_PROGRESS = "IN_PROGRESS";
  public static final String COMPLETED = "COMPLETED";
  public static final String EXPIRED = "EXPIRED";
  public static final int NAME_MAX = 200;

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(nullable = false, length = 64)
  private String code;

  @Column(nullable = false, length = NAME_MAX)
  private String name;

  @Column(name = "is_system", nullable = false)
  private boolean system;

  @Version private long version;

  protected DealStatus() {}

  /** A status the administrator adds. */
  public DealStatus(String code, String name) {
    if (!isWellFormedCode(code)) {
      throw new IllegalArgumentException("code is not valid");
    }
    this.code = code;
    this.name = checkName(name);
    this.system = false;
  }

  private static String checkName(String name) {
    if (name == null || name.isBlank()) {
      throw new IllegalArgumentException("name is required");
    }
    String text = name.strip();
    if (text.length() > NAME_MAX) {
      throw new IllegalArgumentException("name is longer than " + NAME_MAX + " characters");
    }
    return text;
  }

  public void rename(String newName) {
    this.name = checkName(newName);
  }

  /**
   * Throws when the status may not be removed: a system one, or one that a deal has or had (its
   * history would lose the name).
   */
  public void checkRemovable(boolean inUse) {
    if (system) {
      throw new StateConflictException("A system deal status cannot be removed");
    }
    if (inUse) {
      throw new StateConflictException(
          "A deal has or had this status: it cannot be removed (rename it instead)");
    }
  }

  /** The system statuses' names as the schema seeds them (V2). */
  private static final java.util.Map<String, String> SEEDED =
      java.util.Map.of(
          AWAITING_PAYMENT, "ожидает оплаты",
          IN_PROGRESS, "в процессе",
          COMPLETED, "завершена",
          EXPIRED, "просрочена (средства возвращены)");

  /**
   * Whether people read the administrator's name: for an added status, and a system one renamed
   * from its seeded name. A system status still named as seeded reads as the built-in label in the
   * reader's language.
   */
  public boolean namedByAdministrator() {
    return !system || !name.equals(SEEDED.get(code));
  }

  public Long id() {
    return id;
  }

  /** Upper-case letters, digits and underscores, 1 to 64 of them. */
  public static boolean isWellFormedCode(String code) {
    return code != null && code.matches("[A-Z0-9_]{1,64}");
  }

  public String code() {
    return code;
  }

  public String name() {
    return name;
  }

  public boolean system() {
    return system;
  }
}

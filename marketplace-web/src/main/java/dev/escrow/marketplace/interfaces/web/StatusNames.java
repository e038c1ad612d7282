package dev.escrow.marketplace.interfaces.web;

import dev.escrow.marketplace.application.DealStatusService;
import dev.escrow.marketplace.domain.dealstatus.DealStatus;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The deal statuses' names as the administrator keeps them, for every page: a status the
 * administrator added or renamed reads as they wrote it, in any language; a system status never
 * renamed reads as the built-in label in the reader's language.
 */
@Named("statusNames")
@RequestScoped
public class StatusNames {

  @Inject DealStatusService statuses;

  private Map<String, DealStatus> byCode;

  private Map<String, DealStatus> byCode() {
    if (byCode == null) {
      byCode =
          statuses.statuses().stream()
              .collect(Collectors.toMap(DealStatus::code, Function.identity()));
    }
    return byCode;
  }

  /** The name of the status with this code. */
  public String name(String code) {
    if (code == null || code.isEmpty()) {
      return "";
    }
    DealStatus status = byCode().get(code);
    if (status != null && status.namedByAdministrator()) {
      return status.name();
    }
    String label = Pages.textOf("dm", "status." + code);
    if (!label.equals("status." + code)) {
      return label;
    }
    return status != null ? status.name() : code;
  }

  /**
   * A deal's status as people read it: "Отправлено (завершена)" when the administrator gave it an
   * added status (the system one in brackets still says where the money is), else the system one.
   */
  public String ofDeal(String systemCode, String stageCode) {
    if (stageCode == null || stageCode.isEmpty()) {
      return name(systemCode);
    }
    return name(stageCode) + " (" + name(systemCode) + ")";
  }

  /** The statuses an administrator may move a deal to: the added ones. */
  public List<DealStatus> added() {
    return byCode().values().stream()
        .filter(s -> !s.system())
        .sorted((a, b) -> Long.compare(a.id(), b.id()))
        .toList();
  }
}

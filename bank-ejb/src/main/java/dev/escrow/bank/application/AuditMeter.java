package dev.escrow.bank.application;

/** Where the audit's last result is shown to the operators (a gauge). */
public interface AuditMeter {

  void audited(boolean consistent);
}

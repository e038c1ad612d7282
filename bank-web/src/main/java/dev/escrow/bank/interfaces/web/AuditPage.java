package dev.escrow.bank.interfaces.web;

import dev.escrow.bank.application.AuditService;
import dev.escrow.bank.application.Views.AuditView;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

/** The audit equation, as of now. */
@Named
@RequestScoped
public class AuditPage {

  @Inject AuditService audit;
  @Inject dev.escrow.bank.application.FeeScheduleService fees;

  private AuditView figures;

  public java.util.List<dev.escrow.bank.application.FeeScheduleService.FeeIncomeView>
      getFeeIncome() {
    return fees.incomes();
  }

  public AuditView getFigures() {
    if (figures == null) {
      figures = audit.audit();
    }
    return figures;
  }
}

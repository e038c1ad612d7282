package dev.escrow.marketplace.interfaces.web;

import dev.escrow.platform.money.Money;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.component.UIComponent;
import jakarta.faces.context.FacesContext;
import jakarta.faces.convert.Converter;
import jakarta.faces.convert.ConverterException;
import jakarta.faces.convert.FacesConverter;

/** A positive amount typed by a person: "1500,5" or "1500.50"; at most two decimals. */
@FacesConverter("money")
public class MoneyFacesConverter implements Converter<Money> {

  @Override
  public Money getAsObject(FacesContext context, UIComponent component, String value) {
    if (value == null || value.isBlank()) {
      return null;
    }
    try {
      Money money = Money.of(value.strip().replace(" ", "").replace(',', '.'));
      if (!money.isPositive()) {
        throw new IllegalArgumentException("not positive");
      }
      return money;
    } catch (IllegalArgumentException e) {
      throw new ConverterException(
          new FacesMessage(FacesMessage.SEVERITY_ERROR, Pages.text("validation.amount"), null));
    }
  }

  @Override
  public String getAsString(FacesContext context, UIComponent component, Money value) {
    return value == null ? "" : value.toString();
  }
}

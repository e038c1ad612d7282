package dev.escrow.marketplace.interfaces.web;

import dev.escrow.platform.money.Money;
import jakarta.faces.component.UIComponent;
import jakarta.faces.context.FacesContext;
import jakarta.faces.convert.Converter;
import jakarta.faces.convert.FacesConverter;
import org.omnifaces.util.Messages;

/**
 * A positive amount typed by a person: "1500,5", "1 500,50 ₽" or "1,500.50"; at most two decimals.
 * Shown back without grouping, in the page's language ("300,00" / "300.00").
 */
@FacesConverter("money")
public class MoneyFacesConverter implements Converter<Money> {

  @Override
  public Money getAsObject(FacesContext context, UIComponent component, String value) {
    if (value == null || value.isBlank()) {
      return null;
    }
    try {
      String typed = value.replaceAll("[\\s\u00a0\u202f₽]", "");
      // "1,500.50": the comma groups; "1500,50": it is the decimal separator
      typed = typed.contains(".") ? typed.replace(",", "") : typed.replace(',', '.');
      Money money = Money.of(typed);
      if (!money.isPositive()) {
        throw new IllegalArgumentException("not positive");
      }
      return money;
    } catch (IllegalArgumentException e) {
      throw Messages.asConverterException("validation.amount");
    }
  }

  @Override
  public String getAsString(FacesContext context, UIComponent component, Money value) {
    return value == null
        ? ""
        : dev.escrow.platform.web.Formats.plainAmount(
            value.amount(), context.getViewRoot().getLocale());
  }
}

package dev.escrow.bank.interfaces.web;

import jakarta.faces.component.UIComponent;
import jakarta.faces.context.FacesContext;
import jakarta.faces.convert.Converter;
import jakarta.faces.convert.FacesConverter;
import java.math.BigDecimal;
import org.omnifaces.util.Messages;

/**
 * An amount or percent as an operator types it: "250,00" in Russian as well as "250.00", spaces
 * between thousands allowed. Shown as the plain number.
 */
@FacesConverter("amount")
public class AmountConverter implements Converter<BigDecimal> {

  @Override
  public BigDecimal getAsObject(FacesContext context, UIComponent component, String text) {
    if (text == null || text.isBlank()) {
      return null;
    }
    String plain = text.strip().replaceAll("[\\s\u00a0\u202f]", "").replace(',', '.');
    try {
      return new BigDecimal(plain);
    } catch (NumberFormatException e) {
      throw Messages.asConverterException("jakarta.faces.converter.BigDecimalConverter.DECIMAL");
    }
  }

  @Override
  public String getAsString(FacesContext context, UIComponent component, BigDecimal value) {
    return value == null ? "" : value.toPlainString();
  }
}

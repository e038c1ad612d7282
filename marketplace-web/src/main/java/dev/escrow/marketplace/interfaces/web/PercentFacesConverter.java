package dev.escrow.marketplace.interfaces.web;

import dev.escrow.platform.money.Percent;
import jakarta.faces.component.UIComponent;
import jakarta.faces.context.FacesContext;
import jakarta.faces.convert.Converter;
import jakarta.faces.convert.FacesConverter;
import org.omnifaces.util.Messages;

/** A percent typed by a person: 0 to 100, at most two decimals ("5", "7,5"). */
@FacesConverter("percent")
public class PercentFacesConverter implements Converter<Percent> {

  @Override
  public Percent getAsObject(FacesContext context, UIComponent component, String value) {
    if (value == null || value.isBlank()) {
      return null;
    }
    try {
      return Percent.of(value.strip().replace(',', '.'));
    } catch (IllegalArgumentException e) {
      throw Messages.asConverterException("validation.percent");
    }
  }

  @Override
  public String getAsString(FacesContext context, UIComponent component, Percent value) {
    return value == null ? "" : value.toString();
  }
}

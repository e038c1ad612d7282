package dev.escrow.platform.money;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;
import java.math.BigDecimal;

/** A percent in a NUMERIC(5,2) column. List it as a {@code <class>} in each persistence.xml. */
@Converter(autoApply = true)
public class PercentConverter implements AttributeConverter<Percent, BigDecimal> {

  @Override
  public BigDecimal convertToDatabaseColumn(Percent percent) {
    return percent == null ? null : percent.value();
  }

  @Override
  public Percent convertToEntityAttribute(BigDecimal value) {
    return Percent.ofStored(value);
  }
}

package dev.escrow.marketplace.domain.user;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;

/** Stores a role under its security name, the value the realm's query returns as is. */
@Converter(autoApply = true)
public class RoleConverter implements AttributeConverter<Role, String> {

  @Override
  public String convertToDatabaseColumn(Role role) {
    return role == null ? null : role.securityName();
  }

  @Override
  public Role convertToEntityAttribute(String name) {
    return name == null ? null : Role.fromSecurityName(name);
  }
}

package dev.escrow.marketplace.domain.user;

/** What a user may do. The names are the security roles the server's realm hands out. */
public enum Role {
  ADMIN("admin"),
  CLIENT("client");

  public static final String ADMIN_NAME = "admin";
  public static final String CLIENT_NAME = "client";

  private final String securityName;

  Role(String securityName) {
    this.securityName = securityName;
  }

  public String securityName() {
    return securityName;
  }

  public static Role fromSecurityName(String name) {
    for (Role role : values()) {
      if (role.securityName.equals(name)) {
        return role;
      }
    }
    throw new IllegalArgumentException("Unknown role " + name);
  }
}

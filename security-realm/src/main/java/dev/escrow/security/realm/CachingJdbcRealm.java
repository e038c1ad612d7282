package dev.escrow.security.realm;

import java.security.GeneralSecurityException;
import java.security.Principal;
import java.security.spec.AlgorithmParameterSpec;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import javax.naming.InitialContext;
import javax.naming.NamingException;
import javax.sql.DataSource;
import org.wildfly.security.auth.SupportLevel;
import org.wildfly.security.auth.principal.NamePrincipal;
import org.wildfly.security.auth.server.RealmIdentity;
import org.wildfly.security.auth.server.RealmUnavailableException;
import org.wildfly.security.auth.server.SecurityRealm;
import org.wildfly.security.authz.AuthorizationIdentity;
import org.wildfly.security.authz.MapAttributes;
import org.wildfly.security.credential.Credential;
import org.wildfly.security.evidence.Evidence;
import org.wildfly.security.evidence.PasswordGuessEvidence;
import org.wildfly.security.password.Password;
import org.wildfly.security.password.PasswordFactory;
import org.wildfly.security.password.WildFlyElytronPasswordProvider;
import org.wildfly.security.password.util.ModularCrypt;

/**
 * A security realm over an application's users table, as the Elytron {@code jdbc-realm} with a
 * {@code modular-crypt-mapper} was, plus a cache of verified passwords: the API uses HTTP Basic, so
 * every request signs in again, and a bcrypt check (cost 10) per request would cap the server at a
 * few dozen requests a second. The first check of a login's password runs bcrypt; the same correct
 * password against the same stored hash is then accepted without it for the cache's TTL (see {@link
 * VerifiedPasswords}). Every sign-in still runs the principal query, so a disabled user or a
 * changed password takes effect at once.
 *
 * <p>Configured as a {@code custom-realm} (module {@code dev.escrow.security}) with:
 *
 * <ul>
 *   <li>{@code data-source}: JNDI name of the datasource, looked up at the first sign-in;
 *   <li>{@code principal-query}: SQL with one {@code ?} for the login, answering the hash in
 *       modular-crypt form in column 1 and a role in column 2 (one row per role);
 *   <li>{@code cache-max-entries} (default 10000) and {@code cache-ttl-seconds} (default 300; 0
 *       turns the cache off).
 * </ul>
 *
 * The roles go to the identity's {@code Roles} attribute, as the jdbc-realm's attribute mapping
 * did, for the domain's role decoder.
 */
public final class CachingJdbcRealm implements SecurityRealm {

  static final String ROLES = "Roles";

  private String dataSourceName;
  private String principalQuery;
  private VerifiedPasswords verified;
  private volatile DataSource dataSource;

  /** Called by the server with the {@code configuration} of the {@code custom-realm}. */
  public void initialize(Map<String, String> configuration) {
    dataSourceName = required(configuration, "data-source");
    principalQuery = required(configuration, "principal-query");
    int maxEntries = Integer.parseInt(configuration.getOrDefault("cache-max-entries", "10000"));
    long ttlSeconds = Long.parseLong(configuration.getOrDefault("cache-ttl-seconds", "300"));
    verified =
        new VerifiedPasswords(maxEntries, TimeUnit.SECONDS.toNanos(ttlSeconds), System::nanoTime);
  }

  private static String required(Map<String, String> configuration, String key) {
    String value = configuration.get(key);
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException("custom-realm configuration needs '" + key + "'");
    }
    return value;
  }

  @Override
  public RealmIdentity getRealmIdentity(Principal principal) {
    if (!(principal instanceof NamePrincipal)) {
      return RealmIdentity.NON_EXISTENT;
    }
    return new Identity(principal);
  }

  @Override
  public SupportLevel getCredentialAcquireSupport(
      Class<? extends Credential> credentialType,
      String algorithmName,
      AlgorithmParameterSpec parameterSpec) {
    return SupportLevel.UNSUPPORTED; // the hash never leaves the realm
  }

  @Override
  public SupportLevel getEvidenceVerifySupport(
      Class<? extends Evidence> evidenceType, String algorithmName) {
    return PasswordGuessEvidence.class.isAssignableFrom(evidenceType)
        ? SupportLevel.POSSIBLY_SUPPORTED
        : SupportLevel.UNSUPPORTED;
  }

  private DataSource dataSource() throws RealmUnavailableException {
    DataSource found = dataSource;
    if (found == null) {
      try {
        found = (DataSource) new InitialContext().lookup(dataSourceName);
      } catch (NamingException | ClassCastException e) {
        throw new RealmUnavailableException("No datasource " + dataSourceName, e);
      }
      dataSource = found;
    }
    return found;
  }

  /** One row set of the principal query: the stored hash and the roles. */
  private record Stored(String hash, Set<String> roles) {}

  private final class Identity implements RealmIdentity {

    private final Principal principal;
    private Stored stored;
    private boolean loaded;

    Identity(Principal principal) {
      this.principal = principal;
    }

    private Stored stored() throws RealmUnavailableException {
      if (!loaded) {
        stored = load(principal.getName());
        loaded = true;
      }
      return stored;
    }

    @Override
    public Principal getRealmIdentityPrincipal() {
      return principal;
    }

    @Override
    public boolean exists() throws RealmUnavailableException {
      return stored() != null;
    }

    @Override
    public SupportLevel getCredentialAcquireSupport(
        Class<? extends Credential> credentialType,
        String algorithmName,
        AlgorithmParameterSpec parameterSpec) {
      return SupportLevel.UNSUPPORTED;
    }

    @Override
    public <C extends Credential> C getCredential(Class<C> credentialType) {
      return null;
    }

    @Override
    public SupportLevel getEvidenceVerifySupport(
        Class<? extends Evidence> evidenceType, String algorithmName)
        throws RealmUnavailableException {
      return PasswordGuessEvidence.class.isAssignableFrom(evidenceType) && stored() != null
          ? SupportLevel.SUPPORTED
          : SupportLevel.UNSUPPORTED;
    }

    @Override
    public boolean verifyEvidence(Evidence evidence) throws RealmUnavailableException {
      if (!(evidence instanceof PasswordGuessEvidence guess)) {
        return false;
      }
      Stored row = stored();
      if (row == null) {
        return false;
      }
      String login = principal.getName();
      char[] password = guess.getGuess();
      if (verified.contains(login, password, row.hash())) {
        return true;
      }
      boolean matches = bcrypt(row.hash(), password);
      if (matches) {
        verified.add(login, password, row.hash());
      }
      return matches;
    }

    @Override
    public AuthorizationIdentity getAuthorizationIdentity() throws RealmUnavailableException {
      Stored row = stored();
      if (row == null) {
        return AuthorizationIdentity.EMPTY;
      }
      MapAttributes attributes = new MapAttributes();
      attributes.addAll(ROLES, List.copyOf(row.roles()));
      return AuthorizationIdentity.basicIdentity(attributes);
    }
  }

  private Stored load(String login) throws RealmUnavailableException {
    try (Connection connection = dataSource().getConnection();
        PreparedStatement query = connection.prepareStatement(principalQuery)) {
      query.setString(1, login);
      try (ResultSet rows = query.executeQuery()) {
        String hash = null;
        Set<String> roles = new LinkedHashSet<>();
        while (rows.next()) {
          if (hash == null) {
            hash = rows.getString(1);
          }
          if (rows.getMetaData().getColumnCount() >= 2 && rows.getString(2) != null) {
            roles.add(rows.getString(2));
          }
        }
        return hash == null ? null : new Stored(hash, roles);
      }
    } catch (SQLException e) {
      throw new RealmUnavailableException("The principal query failed", e);
    }
  }

  static boolean bcrypt(String modularCrypt, char[] guess) {
    try {
      Password decoded = ModularCrypt.decode(modularCrypt);
      PasswordFactory factory =
          PasswordFactory.getInstance(
              decoded.getAlgorithm(), WildFlyElytronPasswordProvider.getInstance());
      return factory.verify(factory.translate(decoded), guess);
    } catch (GeneralSecurityException | IllegalArgumentException notAHash) {
      return false; // a malformed stored hash matches no password
    }
  }
}

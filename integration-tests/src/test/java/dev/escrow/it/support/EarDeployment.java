package dev.escrow.it.support;

import java.io.File;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Every black-box test extends this: Arquillian starts the provisioned WildFly (managed container)
 * and deploys the very EAR the build produced; the test then talks to it over HTTP like any client.
 * Tests make their own data (unique logins), so they can run alone or together.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
public abstract class EarDeployment {

  static {
    // The marketplace reaches the bank through the suite's proxy (MARKETPLACE_BANK_URL), and the
    // bank's callbacks the marketplace through another (BANK_CALLBACK_URL): they must listen
    // before the server starts.
    BankProxy.shared();
    BankProxy.callbacks();
  }

  @Deployment(testable = false)
  public static EnterpriseArchive ear() {
    File ear = new File(System.getProperty("ear.file", "../ear/target/escrow.ear"));
    return ShrinkWrap.createFromZipFile(EnterpriseArchive.class, ear);
  }
}

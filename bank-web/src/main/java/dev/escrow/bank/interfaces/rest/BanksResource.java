package dev.escrow.bank.interfaces.rest;

import dev.escrow.bank.domain.bank.BankRepository;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;

/** Public: the banks this service simulates. */
@Path("/banks")
@Produces(MediaType.APPLICATION_JSON)
public class BanksResource {

  public record BankView(String code, String name, String requisite) {}

  @Inject BankRepository banks;

  @GET
  public List<BankView> banks() {
    return banks.all().stream().map(b -> new BankView(b.code(), b.name(), b.requisite())).toList();
  }
}

package dev.escrow.bank.interfaces.rest;

import dev.escrow.bank.application.OperationService;
import dev.escrow.bank.application.OperationService.Reversal;
import dev.escrow.bank.application.Requests.SettlementRequest;
import dev.escrow.bank.application.Requests.TransferItem;
import dev.escrow.bank.application.Requests.TransferRequest;
import dev.escrow.bank.application.TransferAcceptance.Attempt;
import dev.escrow.bank.application.TransferService;
import dev.escrow.bank.application.Views.OperationView;
import dev.escrow.bank.application.Views.TransferView;
import dev.escrow.platform.json.Jsonp;
import dev.escrow.platform.rest.Problem;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Providers;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The partner API's batches (docs/bank-partner-api.md): many transfers, settlements or reversals in
 * one request, each item with its own key and its own answer, in request order. Transfers are
 * accepted in one transaction ({@link TransferService#submitAll}), reversals carried out in one
 * ({@link OperationService#reverseBatch}): item by item only when that transaction fails as a
 * whole; settlements each in a transaction of its own, as their single endpoint. A bad item (400,
 * 404, 409) spoils no other, and a repeat of the whole batch with the same keys answers each item
 * as before. Only a malformed envelope (no items, more than {@link #MAX_ITEMS}, a key twice)
 * refuses the request.
 */
@Path("/partner")
@PartnerApi
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class PartnerBatchResource {

  /** Items one request may carry at most. */
  public static final int MAX_ITEMS = 100;

  /** One transfer of a batch: a single submission's body and its Idempotency-Key. */
  public record BatchTransfer(
      String idempotencyKey,
      String authorizationId,
      String payerAccount,
      String payeeAccount,
      BigDecimal amount,
      BigDecimal fee,
      String groupReference,
      String code) {}

  public record TransferBatch(List<BatchTransfer> transfers) {}

  /** One settlement of a batch: the operation and the single settlement's body. */
  public record SettlementItem(
      String operationKey, BigDecimal commissionAmount, String commissionAccount) {}

  public record SettlementBatch(List<SettlementItem> settlements) {}

  public record ReversalItem(String operationKey) {}

  public record ReversalBatch(List<ReversalItem> reversals) {}

  /** A transfer item's answer: 202 accepted, 200 a repeat of its key, else the problem. */
  public record TransferAnswer(
      String idempotencyKey, int status, TransferView transfer, JsonObject problem) {}

  /** An operation item's answer: 200 with the operation (a repeat too), else the problem. */
  public record OperationAnswer(
      String operationKey, int status, OperationView operation, JsonObject problem) {}

  public record Answers<T>(List<T> results) {}

  @Inject TransferService transfers;
  @Inject OperationService operations;
  @Inject Validator validator;
  @Context Providers providers;
  @Context HttpServletRequest request;

  @POST
  @Path("/transfers/batch")
  public Response submitAll(TransferBatch batch) {
    List<BatchTransfer> items = batch == null ? null : batch.transfers();
    Response malformed = envelope(items, "transfers", BatchTransfer::idempotencyKey);
    if (malformed != null) {
      return malformed;
    }
    long partner = PartnerKeyFilter.partnerOf(request);
    TransferAnswer[] answers = new TransferAnswer[items.size()];
    List<TransferItem> valid = new ArrayList<>(items.size());
    List<Integer> validAt = new ArrayList<>(items.size());
    for (int i = 0; i < items.size(); i++) {
      BatchTransfer item = items.get(i);
      String key = item.idempotencyKey() == null ? null : item.idempotencyKey().strip();
      TransferRequest body =
          new TransferRequest(
              item.authorizationId(),
              item.payerAccount(),
              item.payeeAccount(),
              item.amount(),
              item.fee(),
              item.groupReference(),
              item.code());
      Problem invalid = invalid(key, body);
      if (invalid != null) {
        answers[i] = new TransferAnswer(key, invalid.status(), null, json(invalid.toResponse()));
      } else {
        valid.add(new TransferItem(key, body));
        validAt.add(i);
      }
    }
    if (!valid.isEmpty()) {
      Outcome<List<Attempt>> outcome = attempt(() -> transfers.submitAll(partner, valid));
      for (int v = 0; v < valid.size(); v++) {
        String key = valid.get(v).idempotencyKey();
        Attempt one = outcome.value() == null ? null : outcome.value().get(v);
        Outcome<Attempt> item = itemOf(outcome, one, one == null ? null : one.refusal());
        answers[validAt.get(v)] =
            item.value() == null
                ? new TransferAnswer(key, item.status(), null, item.problem())
                : new TransferAnswer(key, one.repeat() ? 200 : 202, one.transfer(), null);
      }
    }
    return Response.ok(new Answers<>(List.of(answers))).build();
  }

  @POST
  @Path("/operations/settlements")
  public Response settleAll(SettlementBatch batch) {
    List<SettlementItem> items = batch == null ? null : batch.settlements();
    Response malformed = envelope(items, "settlements", SettlementItem::operationKey);
    if (malformed != null) {
      return malformed;
    }
    long partner = PartnerKeyFilter.partnerOf(request);
    List<OperationAnswer> answers = new ArrayList<>(items.size());
    for (SettlementItem item : items) {
      SettlementRequest body =
          new SettlementRequest(item.commissionAmount(), item.commissionAccount());
      answers.add(
          operationAnswer(
              item.operationKey(),
              body,
              () -> operations.settle(partner, item.operationKey().strip(), body)));
    }
    return Response.ok(new Answers<>(answers)).build();
  }

  @POST
  @Path("/operations/reversals")
  public Response reverseAll(ReversalBatch batch) {
    List<ReversalItem> items = batch == null ? null : batch.reversals();
    Response malformed = envelope(items, "reversals", ReversalItem::operationKey);
    if (malformed != null) {
      return malformed;
    }
    long partner = PartnerKeyFilter.partnerOf(request);
    OperationAnswer[] answers = new OperationAnswer[items.size()];
    List<String> valid = new ArrayList<>(items.size());
    List<Integer> validAt = new ArrayList<>(items.size());
    for (int i = 0; i < items.size(); i++) {
      String key = items.get(i).operationKey();
      OperationAnswer invalid = invalidOperation(key, null);
      if (invalid != null) {
        answers[i] = invalid;
      } else {
        valid.add(key.strip());
        validAt.add(i);
      }
    }
    if (!valid.isEmpty()) {
      Outcome<List<Reversal>> outcome = attempt(() -> operations.reverseBatch(partner, valid));
      for (int v = 0; v < valid.size(); v++) {
        String key = valid.get(v);
        Reversal one = outcome.value() == null ? null : outcome.value().get(v);
        Outcome<Reversal> item = itemOf(outcome, one, one == null ? null : one.refusal());
        answers[validAt.get(v)] =
            item.value() == null
                ? new OperationAnswer(key, item.status(), null, item.problem())
                : new OperationAnswer(key, 200, one.operation(), null);
      }
    }
    return Response.ok(new Answers<>(List.of(answers))).build();
  }

  private OperationAnswer operationAnswer(
      String key, Object body, Supplier<OperationView> carryOut) {
    OperationAnswer invalid = invalidOperation(key, body);
    if (invalid != null) {
      return invalid;
    }
    Outcome<OperationView> outcome = attempt(carryOut);
    return outcome.value() != null
        ? new OperationAnswer(key.strip(), 200, outcome.value(), null)
        : new OperationAnswer(key.strip(), outcome.status(), null, outcome.problem());
  }

  /** The item's key or body wrong (its 400 answer), or null. */
  private OperationAnswer invalidOperation(String key, Object body) {
    List<Problem.FieldError> errors = new ArrayList<>();
    if (key == null || key.isBlank() || key.strip().length() > 36) {
      errors.add(new Problem.FieldError("operationKey", "is required, 1 to 36 characters"));
    }
    if (body != null) {
      for (ConstraintViolation<Object> v : validator.validate(body)) {
        errors.add(new Problem.FieldError(v.getPropertyPath().toString(), v.getMessage()));
      }
    }
    if (errors.isEmpty()) {
      return null;
    }
    Problem invalid =
        Problem.of(Response.Status.BAD_REQUEST, "The item has invalid fields").withErrors(errors);
    return new OperationAnswer(key, 400, null, json(invalid.toResponse()));
  }

  /** The item's own fields wrong, as the single endpoint's validation would say (400), or null. */
  private Problem invalid(String key, TransferRequest body) {
    List<Problem.FieldError> errors = new ArrayList<>();
    if (key == null || key.isEmpty() || key.length() > 100) {
      errors.add(new Problem.FieldError("idempotencyKey", "is required, 1 to 100 characters"));
    }
    for (ConstraintViolation<TransferRequest> v : validator.validate(body)) {
      errors.add(new Problem.FieldError(v.getPropertyPath().toString(), v.getMessage()));
    }
    return errors.isEmpty()
        ? null
        : Problem.of(Response.Status.BAD_REQUEST, "The item has invalid fields").withErrors(errors);
  }

  /** 400 for the whole request when its envelope is malformed; null when it is sound. */
  private static <T> Response envelope(List<T> items, String name, Function<T, String> key) {
    if (items == null || items.isEmpty() || items.size() > MAX_ITEMS) {
      return Problem.of(
              Response.Status.BAD_REQUEST, "Send 1 to " + MAX_ITEMS + " " + name + " at a time")
          .withErrors(List.of(new Problem.FieldError(name, "1 to " + MAX_ITEMS + " items")))
          .toResponse();
    }
    Set<String> seen = new HashSet<>();
    for (T item : items) {
      if (item == null) {
        return Problem.of(Response.Status.BAD_REQUEST, "An item of " + name + " is null")
            .withErrors(List.of(new Problem.FieldError(name, "has a null item")))
            .toResponse();
      }
      String k = key.apply(item);
      if (k != null && !seen.add(k.strip())) {
        return Problem.of(
                Response.Status.BAD_REQUEST,
                "A key appears twice in one request; each item has its own")
            .withErrors(List.of(new Problem.FieldError(name, "repeats the key " + k.strip())))
            .toResponse();
      }
    }
    return null;
  }

  /** What one item's attempt came to: its value, or its status and problem. */
  private record Outcome<T>(T value, int status, JsonObject problem) {}

  /**
   * Runs the service and turns a refusal into the status and problem its single endpoint would
   * answer, through the same exception mappers.
   */
  private <T> Outcome<T> attempt(Supplier<T> item) {
    try {
      return new Outcome<>(item.get(), 0, null);
    } catch (RuntimeException e) {
      Response mapped = map(e);
      return new Outcome<>(null, mapped.getStatus(), json(mapped));
    }
  }

  /**
   * One item of a call for many: the whole call's refusal when it had one, else the item's own
   * refusal (through the same mappers), else the item.
   */
  private <T> Outcome<T> itemOf(Outcome<?> whole, T item, RuntimeException refusal) {
    if (whole.value() == null) {
      return new Outcome<>(null, whole.status(), whole.problem());
    }
    if (refusal != null) {
      Response mapped = map(refusal);
      return new Outcome<>(null, mapped.getStatus(), json(mapped));
    }
    return new Outcome<>(item, 0, null);
  }

  @SuppressWarnings({"unchecked", "rawtypes"})
  private Response map(RuntimeException e) {
    ExceptionMapper mapper = providers.getExceptionMapper(e.getClass());
    return mapper.toResponse(e);
  }

  private static JsonObject json(Response problem) {
    Object entity = problem.getEntity();
    try (JsonReader reader = Jsonp.reader(String.valueOf(entity))) {
      return reader.readObject();
    } catch (RuntimeException notJson) {
      return Jsonp.object()
          .add("status", problem.getStatus())
          .add("detail", String.valueOf(entity))
          .build();
    }
  }
}

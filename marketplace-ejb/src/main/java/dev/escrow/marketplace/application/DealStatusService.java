package dev.escrow.marketplace.application;

import dev.escrow.marketplace.domain.deal.DealRepository;
import dev.escrow.marketplace.domain.dealstatus.DealStatus;
import dev.escrow.marketplace.domain.dealstatus.DealStatusRepository;
import dev.escrow.marketplace.domain.history.History;
import dev.escrow.platform.problem.InvalidInputException;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.text.Normalizer;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Deal statuses as the administrator keeps them: list, add, rename, remove (not system ones, not
 * one a deal has or had).
 */
@Stateless
public class DealStatusService {

  @Inject DealStatusRepository statuses;
  @Inject DealRepository deals;
  @Inject History history;

  public List<DealStatus> statuses() {
    return statuses.all();
  }

  public DealStatus addStatus(@NotBlank @Size(max = DealStatus.NAME_MAX) String name) {
    if (statuses.nameTaken(name, null)) {
      throw new BusinessConflictException("name", "A deal status with this name exists");
    }
    String base = codeFor(name);
    String code = base;
    for (int n = 2; statuses.codeTaken(code); n++) {
      String suffix = "_" + n;
      code = base.substring(0, Math.min(base.length(), 64 - suffix.length())) + suffix;
    }
    return statuses.add(new DealStatus(code, name));
  }

  public DealStatus renameStatus(long id, @NotBlank @Size(max = DealStatus.NAME_MAX) String name) {
    DealStatus status = find(id);
    if (statuses.nameTaken(name, status.id())) {
      throw new BusinessConflictException("name", "A deal status with this name exists");
    }
    status.rename(name);
    statuses.renamed(status);
    return status;
  }

  public void removeStatus(long id) {
    DealStatus status = find(id);
    status.checkRemovable(
        !status.system()
            && (deals.anyAtStage(status.code()) || history.dealsEverHad(status.code())));
    statuses.remove(status);
  }

  /** The status with this code, for a move; none is a field error. */
  public DealStatus byCode(String code) {
    String given = code == null ? "" : code.strip();
    // A code no status can have is not looked up: PostgreSQL refuses some text (a NUL) outright.
    return (DealStatus.isWellFormedCode(given)
            ? statuses.findByCode(given)
            : Optional.<DealStatus>empty())
        .orElseThrow(() -> new InvalidInputException("code", "no such deal status"));
  }

  private DealStatus find(long id) {
    return statuses.findById(id).orElseThrow(() -> new UnknownObjectException("Deal status"));
  }

  private static final Map<Character, String> CYRILLIC =
      Map.ofEntries(
          Map.entry('а', "A"),
          Map.entry('б', "B"),
          Map.entry('в', "V"),
          Map.entry('г', "G"),
          Map.entry('д', "D"),
          Map.entry('е', "E"),
          Map.entry('ё', "E"),
          Map.entry('ж', "ZH"),
          Map.entry('з', "Z"),
          Map.entry('и', "I"),
          Map.entry('й', "Y"),
          Map.entry('к', "K"),
          Map.entry('л', "L"),
          Map.entry('м', "M"),
          Map.entry('н', "N"),
          Map.entry('о', "O"),
          Map.entry('п', "P"),
          Map.entry('р', "R"),
          Map.entry('с', "S"),
          Map.entry('т', "T"),
          Map.entry('у', "U"),
          Map.entry('ф', "F"),
          Map.entry('х', "KH"),
          Map.entry('ц', "TS"),
          Map.entry('ч', "CH"),
          Map.entry('ш', "SH"),
          Map.entry('щ', "SHCH"),
          Map.entry('ъ', ""),
          Map.entry('ы', "Y"),
          Map.entry('ь', ""),
          Map.entry('э', "E"),
          Map.entry('ю', "YU"),
          Map.entry('я', "YA"));

  /** "На проверке" -> "NA_PROVERKE": upper-case Latin letters, digits and underscores. */
  static String codeFor(String name) {
    String lower = name.strip().toLowerCase(Locale.ROOT);
    StringBuilder latin = new StringBuilder();
    for (char c : lower.toCharArray()) {
      String mapped = CYRILLIC.get(c);
      latin.append(mapped != null ? mapped : String.valueOf(c));
    }
    String ascii =
        Normalizer.normalize(latin, Normalizer.Form.NFD)
            .replaceAll("\\p{M}", "")
            .toUpperCase(Locale.ROOT)
            .replaceAll("[^A-Z0-9]+", "_")
            .replaceAll("^_+|_+$", "");
    if (ascii.isEmpty()) {
      ascii = "STATUS";
    }
    return ascii.length() > 56 ? ascii.substring(0, 56) : ascii;
  }
}

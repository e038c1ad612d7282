package dev.escrow.marketplace.interfaces.web;

import dev.escrow.marketplace.application.BusinessConflictException;
import dev.escrow.marketplace.application.DealStatusService;
import dev.escrow.marketplace.application.UnknownObjectException;
import dev.escrow.marketplace.domain.StateConflictException;
import dev.escrow.marketplace.domain.dealstatus.DealStatus;
import jakarta.annotation.PostConstruct;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import org.omnifaces.util.Messages;

/** Admin: deal statuses, listed with an editable name each; add one; remove added ones. */
@Named
@ViewScoped
public class DealStatusesView implements Serializable {

  private static final long serialVersionUID = 1L;

  /** One status as the page edits it. */
  public static class Row implements Serializable {
    private static final long serialVersionUID = 1L;
    private final long id;
    private final String code;
    private final boolean system;
    private String name;

    Row(DealStatus status) {
      this.id = status.id();
      this.code = status.code();
      this.system = status.system();
      this.name = status.name();
    }

    public long getId() {
      return id;
    }

    public String getCode() {
      return code;
    }

    public boolean isSystem() {
      return system;
    }

    public String getName() {
      return name;
    }

    public void setName(String name) {
      this.name = name;
    }
  }

  @Inject DealStatusService statuses;

  private List<Row> rows;
  private String newName;

  @PostConstruct
  void load() {
    rows = new ArrayList<>(statuses.statuses().stream().map(Row::new).toList());
  }

  public void add() {
    try {
      DealStatus added = statuses.addStatus(newName);
      Messages.addGlobalInfo("dealStatuses.added", added.name(), added.code());
      newName = null;
      load();
    } catch (BusinessConflictException e) {
      Messages.addError("addForm:newName", "dealStatuses.nameTaken");
    }
  }

  public void rename(Row row) {
    try {
      DealStatus renamed = statuses.renameStatus(row.getId(), row.getName());
      Messages.addGlobalInfo("dealStatuses.renamed", renamed.code(), renamed.name());
      load();
    } catch (BusinessConflictException e) {
      Messages.addGlobalError("dealStatuses.nameTaken");
    } catch (UnknownObjectException e) {
      Messages.addGlobalError("error.notFound");
      load();
    }
  }

  public void remove(Row row) {
    try {
      statuses.removeStatus(row.getId());
      Messages.addGlobalInfo("dealStatuses.removed", row.getName());
    } catch (StateConflictException e) {
      if (row.isSystem()) {
        Messages.addGlobalError("dealStatuses.systemNotRemovable");
      } else {
        Messages.addGlobalError("dealStatuses.inUse", row.getName());
      }
    } catch (UnknownObjectException e) {
      Messages.addGlobalError("error.notFound");
    }
    load();
  }

  public List<Row> getRows() {
    return rows;
  }

  public String getNewName() {
    return newName;
  }

  public void setNewName(String newName) {
    this.newName = newName;
  }
}

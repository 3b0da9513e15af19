package org.patchlake.etl.transform;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.catalyst.expressions.GenericRowWithSchema;
import org.patchlake.core.catalog.Update;
import org.patchlake.core.state.InstallPlan;
import org.patchlake.core.state.PlannedInstall;

/**
 * A computer's install plan (core's {@link org.patchlake.core.state.InstallPlanner}) on its evaluation rows: the planned
 * KB on each REQUIRED or FAILED state ({@link ComputerSchemas#EVALUATED_STATE} install_kb). The plan's KBs in plan order
 * are the computers table's install_kbs.
 */
final class InstallPlanRows {
  private InstallPlanRows() {}

  /** The states with the planned KB set on every update the plan fixes (the other rows as they are). */
  static List<Row> withInstallKb(Collection<Row> states, InstallPlan plan) {
    List<Row> rows = new ArrayList<>(states);
    if (plan.installs().isEmpty()) return rows;
    Map<String, String> kbByUpdate = new HashMap<>();
    for (PlannedInstall install : plan.installs()) {
      for (Update fixed : install.covers()) kbByUpdate.put(fixed.updateId(), install.kb());
    }
    for (int i = 0; i < rows.size(); i++) {
      Row state = rows.get(i);
      String kb = kbByUpdate.get(state.<String>getAs("update_id"));
      if (kb != null) {
        Object[] values = new Object[ComputerSchemas.EVALUATED_STATE.size()];
        for (int field = 0; field < values.length - 1; field++) values[field] = state.get(field);
        values[values.length - 1] = kb;
        rows.set(i, new GenericRowWithSchema(values, ComputerSchemas.EVALUATED_STATE));
      }
    }
    return rows;
  }
}

package org.patchlake.etl.transform;

import java.util.Iterator;
import org.apache.spark.api.java.function.MapPartitionsFunction;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;

/** Runs {@link ComputerEvaluator} over every computer, the catalog index broadcast once to each executor. */
public final class Evaluation {
  private Evaluation() {}

  public static Dataset<Row> evaluate(Dataset<Row> inputs, Broadcast<ComputerEvaluator> evaluator) {
    return inputs.mapPartitions((MapPartitionsFunction<Row, Row>) rows -> {
      ComputerEvaluator local = evaluator.value();
      return new Iterator<>() {
        @Override
        public boolean hasNext() {
          return rows.hasNext();
        }

        @Override
        public Row next() {
          Row input = rows.next();
          try {
            return local.evaluate(input);
          } catch (RuntimeException e) {
            throw new IllegalStateException("evaluation of computer " + input.getAs("computer_id") + " failed: " + e, e);
          }
        }
      };
    }, Encoders.row(ComputerSchemas.OUTPUT));
  }
}

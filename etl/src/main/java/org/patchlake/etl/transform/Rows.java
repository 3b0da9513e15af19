package org.patchlake.etl.transform;

import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Row;
import scala.jdk.javaapi.CollectionConverters;

/** Small helpers for reading nested Spark rows from Java. */
public final class Rows {
  private Rows() {}

  /** An array column as a Java list; null reads as empty. */
  public static <T> List<T> list(Row row, String field) {
    int index = row.fieldIndex(field);
    if (row.isNullAt(index)) return new ArrayList<>();
    Object value = row.get(index);
    if (value instanceof List<?> javaList) {
      @SuppressWarnings("unchecked") List<T> typed = (List<T>) javaList;
      return new ArrayList<>(typed);
    }
    @SuppressWarnings("unchecked")
    scala.collection.Seq<T> seq = (scala.collection.Seq<T>) value;
    return new ArrayList<>(CollectionConverters.asJava(seq));
  }

  public static Row struct(Row row, String field) {
    int index = row.fieldIndex(field);
    return row.isNullAt(index) ? null : row.getStruct(index);
  }

  /** A Java list as the Scala Seq Spark's row encoder expects for array columns; null stays null. */
  public static <T> scala.collection.immutable.Seq<T> seq(List<T> list) {
    return list == null ? null : CollectionConverters.asScala(list).toList();
  }
}

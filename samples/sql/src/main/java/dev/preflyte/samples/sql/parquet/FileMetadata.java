package dev.preflyte.samples.sql.parquet;

import dev.preflyte.samples.sql.parquet.ParquetWriter.ColumnChunkMetadata;
import dev.preflyte.samples.sql.parquet.ParquetWriter.RowGroupMetadata;
import java.util.List;

/** Encodes Parquet's footer, {@code FileMetaData} in parquet.thrift, with the field ids written there. */
final class FileMetadata {

  static final String CREATED_BY = "preflyte-samples-sql version 0.1.0";
  private static final int PLAIN = 0;
  private static final int RLE = 3;
  private static final int OPTIONAL = 1;
  private static final int UNCOMPRESSED = 0;
  private static final int CONVERTED_UTF8 = 0;
  private static final int CONVERTED_DECIMAL = 5;
  private static final int CONVERTED_DATE = 6;
  private static final int CONVERTED_TIMESTAMP_MICROS = 10;

  private FileMetadata() {}

  static Bytes encode(List<Column> columns, List<RowGroupMetadata> rowGroups, long rows) {
    Bytes out = new Bytes(256 + 128 * columns.size() * Math.max(1, rowGroups.size()));
    CompactProtocol file = new CompactProtocol(out);
    file.structBegin();
    file.fieldI32(1, 1); // version
    file.fieldList(2, CompactProtocol.STRUCT, columns.size() + 1); // schema, the root first
    file.structBegin();
    file.fieldString(4, "schema");
    file.fieldI32(5, columns.size()); // num_children
    file.structEnd();
    for (Column column : columns) {
      schemaElement(file, column);
    }
    file.fieldI64(3, rows); // num_rows
    file.fieldList(4, CompactProtocol.STRUCT, rowGroups.size());
    for (RowGroupMetadata group : rowGroups) {
      rowGroup(file, group);
    }
    file.fieldString(6, CREATED_BY);
    file.structEnd();
    return out;
  }

  private static void schemaElement(CompactProtocol file, Column column) {
    file.structBegin();
    file.fieldI32(1, column.physicalType());
    if (column.fixedLength() > 0) {
      file.fieldI32(2, column.fixedLength()); // type_length
    }
    file.fieldI32(3, OPTIONAL);
    file.fieldString(4, column.name());
    switch (column.type()) {
      case STRING -> {
        file.fieldI32(6, CONVERTED_UTF8);
        file.fieldStruct(10); // logicalType
        file.fieldStruct(1); // STRING
        file.structEnd();
        file.structEnd();
      }
      case DATE -> {
        file.fieldI32(6, CONVERTED_DATE);
        file.fieldStruct(10);
        file.fieldStruct(6); // DATE
        file.structEnd();
        file.structEnd();
      }
      case TIMESTAMP, TIMESTAMP_UTC -> {
        boolean utc = column.type() == ColumnType.TIMESTAMP_UTC;
        if (utc) {
          // The converted type means UTC-adjusted; a local timestamp has the logical type only.
          file.fieldI32(6, CONVERTED_TIMESTAMP_MICROS);
        }
        file.fieldStruct(10);
        file.fieldStruct(8); // TIMESTAMP
        file.fieldBool(1, utc); // isAdjustedToUTC
        file.fieldStruct(2); // unit
        file.fieldStruct(2); // MICROS
        file.structEnd();
        file.structEnd();
        file.structEnd();
        file.structEnd();
      }
      case DECIMAL -> {
        file.fieldI32(6, CONVERTED_DECIMAL);
        file.fieldI32(7, column.scale());
        file.fieldI32(8, column.precision());
        file.fieldStruct(10);
        file.fieldStruct(5); // DECIMAL
        file.fieldI32(1, column.scale());
        file.fieldI32(2, column.precision());
        file.structEnd();
        file.structEnd();
      }
      default -> { }
    }
    file.structEnd();
  }

  private static void rowGroup(CompactProtocol file, RowGroupMetadata group) {
    long totalBytes = group.chunks().stream().mapToLong(ColumnChunkMetadata::size).sum();
    file.structBegin();
    file.fieldList(1, CompactProtocol.STRUCT, group.chunks().size());
    for (ColumnChunkMetadata chunk : group.chunks()) {
      file.structBegin();
      file.fieldI64(2, chunk.offset()); // file_offset
      file.fieldStruct(3); // meta_data, without statistics: readers then read every page
      file.fieldI32(1, chunk.column().physicalType());
      file.fieldList(2, CompactProtocol.I32, 2); // encodings
      file.i32(PLAIN);
      file.i32(RLE);
      file.fieldList(3, CompactProtocol.BINARY, 1); // path_in_schema
      file.string(chunk.column().name());
      file.fieldI32(4, UNCOMPRESSED);
      file.fieldI64(5, chunk.rows()); // num_values
      file.fieldI64(6, chunk.size()); // total_uncompressed_size
      file.fieldI64(7, chunk.size()); // total_compressed_size
      file.fieldI64(9, chunk.offset()); // data_page_offset
      file.structEnd();
      file.structEnd();
    }
    file.fieldI64(2, totalBytes); // total_byte_size
    file.fieldI64(3, group.rows());
    if (!group.chunks().isEmpty()) {
      file.fieldI64(5, group.chunks().get(0).offset()); // file_offset
    }
    file.fieldI64(6, totalBytes); // total_compressed_size
    file.structEnd();
  }
}

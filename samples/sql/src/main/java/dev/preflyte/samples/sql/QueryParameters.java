package dev.preflyte.samples.sql;

import dev.preflyte.idl.core.LiteralType;
import dev.preflyte.idl.core.SimpleType;
import dev.preflyte.idl.core.Variable;
import dev.preflyte.runtime.executor.TaskInputs;
import dev.preflyte.runtime.literal.LiteralCodecs;
import dev.preflyte.runtime.literal.LiteralConversionException;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;

/**
 * Binds a task's inputs to a query's {@code :name} parameters by the inputs' declared types:
 * integers, floats, strings, booleans and datetimes. A value is only ever data, whatever it holds.
 */
final class QueryParameters {

  /** SQLite's own datetime text ({@code datetime()}, {@code CURRENT_TIMESTAMP}), in UTC. */
  private static final DateTimeFormatter SQLITE_DATETIME =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSS").withZone(ZoneOffset.UTC);

  private final boolean datetimeAsText;

  /**
   * @param datetimeAsText bind datetimes as SQLite's text form rather than as JDBC timestamps
   */
  QueryParameters(boolean datetimeAsText) {
    this.datetimeAsText = datetimeAsText;
  }

  /**
   * Checks that every parameter has a declared input of a bindable type, before anything is fetched.
   *
   * @throws LiteralConversionException (the task's input mismatch) naming the parameter and the fix
   */
  static void check(NamedParameters parameters, TaskInputs inputs) {
    for (String name : parameters.names()) {
      Variable variable = inputs.variable(name).orElseThrow(() -> LiteralConversionException.ofVariables("input",
          "the query's parameter :" + name + " has no input of that name (inputs: " + inputs.names()
              + "): declare it with TaskInterface.builder().input(\"" + name + "\", ...) or fix the query"));
      if (simpleType(variable.getType()) == null) {
        throw LiteralConversionException.ofVariables("input", "input '" + name + "' is bound to the query's :"
            + name + " but its type cannot be a query parameter: declare it as an integer, float, string,"
            + " boolean or datetime");
      }
    }
  }

  void bind(PreparedStatement statement, NamedParameters parameters, TaskInputs inputs) throws SQLException {
    check(parameters, inputs);
    List<String> names = parameters.names();
    for (int i = 0; i < names.size(); i++) {
      String name = names.get(i);
      int index = i + 1;
      switch (simpleType(inputs.variable(name).orElseThrow().getType())) {
        case INTEGER -> statement.setLong(index, inputs.get(name, LiteralCodecs.int64()));
        case FLOAT -> statement.setDouble(index, inputs.get(name, LiteralCodecs.float64()));
        case STRING -> statement.setString(index, inputs.get(name, LiteralCodecs.string()));
        case BOOLEAN -> statement.setBoolean(index, inputs.get(name, LiteralCodecs.bool()));
        case DATETIME -> bindDatetime(statement, index, inputs.get(name, LiteralCodecs.datetime()));
        default -> throw new IllegalStateException("checked above");
      }
    }
  }

  private void bindDatetime(PreparedStatement statement, int index, Instant value) throws SQLException {
    if (datetimeAsText) {
      statement.setString(index, SQLITE_DATETIME.format(value));
    } else {
      statement.setObject(index, value.atOffset(ZoneOffset.UTC));
    }
  }

  private static SimpleType simpleType(LiteralType type) {
    if (!type.hasSimple()) {
      return null;
    }
    return switch (type.getSimple()) {
      case INTEGER, FLOAT, STRING, BOOLEAN, DATETIME -> type.getSimple();
      default -> null;
    };
  }
}

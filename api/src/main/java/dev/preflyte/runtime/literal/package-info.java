/**
 * Conversion between Java values and Flyte literals, each with its LiteralType.
 *
 * <p>{@link dev.preflyte.runtime.literal.LiteralCodecs} hands out the codecs; {@link
 * dev.preflyte.runtime.literal.LiteralTypes} describes types and literals in one line for messages.
 * What each codec declares and writes is what flytekit 1.16 declares and writes for the matching
 * Python type, so that a Java task and a Python task can be wired together in either direction, and
 * flytekit's typeless readers ({@code TypeEngine.guess_python_type}, as FlyteRemote and {@code pyflyte
 * fetch} use) rebuild the Python type from Preflyte's declaration. The tests compare against
 * LiteralTypes and Literals flytekit 1.16.24 wrote ({@code shared/fixtures/flytekit}).
 *
 * <h2>Type by type</h2>
 *
 * <table>
 *   <caption>What flytekit writes for the Python type, and what Preflyte writes for the Java type</caption>
 *   <tr><th>Java</th><th>Python</th><th>LiteralType (both)</th><th>Literal; inside a struct</th>
 *       <th>Where they differ</th></tr>
 *   <tr><td>{@code long}, {@code int}</td><td>{@code int}</td><td>{@code simple: INTEGER}; schema
 *       {@code {"type": "integer"}}</td><td>{@code primitive.integer}; msgpack int, smallest form</td>
 *       <td>{@code int} refuses values outside its range</td></tr>
 *   <tr><td>{@code double}</td><td>{@code float}</td><td>{@code simple: FLOAT}; {@code {"type":
 *       "number"}}</td><td>{@code primitive.float_value}; msgpack float 64</td><td>none</td></tr>
 *   <tr><td>{@code float}</td><td>(none: Python has no float32)</td><td>as {@code double}</td>
 *       <td>widened to float 64 ({@code 0.1f} is 0.10000000149011612)</td><td>a value read back
 *       must fit float's range</td></tr>
 *   <tr><td>{@code String}, {@code boolean}</td><td>{@code str}, {@code bool}</td><td>{@code STRING},
 *       {@code BOOLEAN}; {@code {"type": "string"}}, {@code {"type": "boolean"}}</td><td>primitive;
 *       msgpack str, bool</td><td>none</td></tr>
 *   <tr><td>{@code Instant}</td><td>{@code datetime}</td><td>{@code DATETIME}; {@code {"type":
 *       "string", "format": "date-time"}}</td><td>{@code primitive.datetime} with nanoseconds; in a
 *       struct Python's {@code isoformat()}: {@code 2024-05-06T07:08:09.250000+00:00}, six fractional
 *       digits or none</td><td>at top level Preflyte keeps nanoseconds (flytekit has microseconds);
 *       in a struct they are cut, as Python 3.10 reads no more than six digits</td></tr>
 *   <tr><td>{@code Duration}</td><td>{@code timedelta}</td><td>{@code DURATION}; {@code {"type":
 *       "number", "format": "time-delta"}}</td><td>{@code primitive.duration}; in a struct float
 *       seconds</td><td>at top level nanoseconds are kept</td></tr>
 *   <tr><td>enum</td><td>{@code Enum} of strings</td><td>{@code enum_type{values}}; {@code {"enum":
 *       [values]}}</td><td>{@code string_value} of the name</td><td>Java uses constant names, so
 *       name the constants after the Python values</td></tr>
 *   <tr><td>{@code List<T>}</td><td>{@code List[T]}</td><td>{@code collection_type}; {@code
 *       {"type": "array", "items": T}}</td><td>{@code LiteralCollection}; msgpack array</td>
 *       <td>none</td></tr>
 *   <tr><td>{@code Map<String, T>}</td><td>{@code Dict[str, T]}</td><td>{@code map_value_type};
 *       {@code {"type": "object", "propertyNames": {"type": "string"}, "additionalProperties": T}}</td>
 *       <td>{@code LiteralMap}; msgpack map</td><td>none</td></tr>
 *   <tr><td>{@code Optional<T>}, {@code @Nullable T}</td><td>{@code Optional[T]}</td><td>{@code
 *       union_type{[T with structure{tag}], [NONE, tag "none"]}}, T's tag being flytekit's transformer
 *       name and the tag replacing T's whole structure (a struct variant keeps schema and annotation,
 *       not {@code dataclass_type}); {@code {"anyOf": [T, {"type": "null"}]}}</td><td>{@code
 *       Scalar.union{value, type: the variant}}, none {@code none_type}; in a struct the value or nil
 *       </td><td>none</td></tr>
 *   <tr><td>record, bean class</td><td>dataclass of the same name and field names</td><td>{@code
 *       simple: STRUCT}, {@code metadata} mashumaro's JSON schema ({@code type "object"}, {@code
 *       title} the simple class name, {@code properties}, {@code additionalProperties: false}, {@code
 *       required}: every property; nested structs inline), {@code structure.dataclass_type}, {@code
 *       annotation {"cache-key-metadata": {"serialization-format": "msgpack"}}}; computed once per
 *       class</td><td>{@code Scalar.binary{msgpack map in declaration order, tag "msgpack"}}</td><td>
 *       a Python field with a default is not {@code required} in flytekit's schema; Java properties
 *       have no defaults, so declare the dataclass without them. A value or schema naming a property
 *       the class lacks, or lacking one it needs, is an input mismatch</td></tr>
 *   <tr><td>{@code FlyteFile}, {@code FlyteDirectory}</td><td>{@code FlyteFile}, {@code
 *       FlyteDirectory}</td><td>{@code blob{format "", SINGLE | MULTIPART}}</td><td>{@code
 *       Scalar.blob}; in a struct {@code {"path": uri}}</td><td>inside a struct the schema is that of
 *       what flytekit's {@code _serialize} returns ({@code {"type": "object", "propertyNames": {"type":
 *       "string"}}}, a directory's with {@code "additionalProperties": {"type": "string"}}), taken
 *       from flytekit's and mashumaro's source: no fixture covers it</td></tr>
 *   <tr><td>{@code StructuredDataset}</td><td>{@code StructuredDataset}</td><td>{@code
 *       structured_dataset_type{format ""}}, as flytekit declares a plain {@code StructuredDataset}
 *       (top level, union variant and struct property alike); {@code structuredDataset("csv")}
 *       declares a format of its own</td><td>{@code Scalar.structured_dataset{uri, format}}, Parquet
 *       when the value names no format; in a struct {@code {"uri", "file_format"}}</td><td>inside a
 *       struct the schema is that of {@code Dict[str, Optional[str]]}, from flytekit's source (no
 *       fixture)</td>
 *       </tr>
 * </table>
 */
package dev.preflyte.runtime.literal;

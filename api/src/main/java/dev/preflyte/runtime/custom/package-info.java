/**
 * How a pre-built task's configuration is written into {@code TaskTemplate.custom} (a protobuf
 * {@code Struct}) and read back, exactly, without reflection.
 *
 * <p>A configuration type is described once as a {@link dev.preflyte.runtime.custom.CustomStruct}
 * of {@link dev.preflyte.runtime.custom.CustomProperty properties}, each with a {@link
 * dev.preflyte.runtime.custom.CustomCodec} from {@link dev.preflyte.runtime.custom.CustomCodecs}:
 *
 * <pre>{@code
 * static final CustomProperty<Adder, Long> OFFSET =
 *     CustomProperty.required("offset", CustomCodecs.int64(), Adder::offset);
 * static final CustomStruct<Adder> CUSTOM = CustomStruct.of(fields -> new Adder(fields.get(OFFSET)), OFFSET);
 *
 * Struct custom = CUSTOM.encodeStruct(config);
 * Adder decoded = CUSTOM.decodeStruct(template.getCustom());
 * }</pre>
 *
 * <p>The encoding:
 *
 * <table>
 *   <caption>Configuration values in the custom struct</caption>
 *   <tr><th>Java type</th><th>Struct value</th></tr>
 *   <tr><td>{@code long}, {@code Long}</td><td>a number when |v| &le; 2<sup>53</sup>, else its
 *       decimal text ({@code "9223372036854775807"}); both decode</td></tr>
 *   <tr><td>{@code int}, {@code Integer}</td><td>a number</td></tr>
 *   <tr><td>{@code double}, {@code float} and boxes</td><td>a number; NaN and the infinities as the
 *       text {@code "NaN"}, {@code "Infinity"}, {@code "-Infinity"}; {@code -0.0} stays negative
 *       zero</td></tr>
 *   <tr><td>{@code boolean}, {@code Boolean}</td><td>a boolean</td></tr>
 *   <tr><td>{@code String}</td><td>a string</td></tr>
 *   <tr><td>enum</td><td>the constant's name</td></tr>
 *   <tr><td>{@code Duration}, {@code Instant}</td><td>ISO-8601 text ({@code "PT1H30M"},
 *       {@code "2026-01-01T00:00:00Z"})</td></tr>
 *   <tr><td>{@code List<T>}</td><td>a list; a null element is JSON null</td></tr>
 *   <tr><td>{@code Map<String, T>}</td><td>a struct with the keys sorted; a null value is JSON
 *       null; a null key is refused</td></tr>
 *   <tr><td>{@code Optional<T>}</td><td>empty as JSON null, present as its value; a null
 *       {@code Optional} is refused in lists and maps; {@code Optional<Optional<T>>} is refused at
 *       compile time</td></tr>
 *   <tr><td>record</td><td>a nested struct, one field per component, by the same rules</td></tr>
 * </table>
 *
 * <p>A property (or record component) that is {@code null} is left out of its struct, so the
 * struct stays small and a configuration of nulls is an empty struct, which means "no custom" to
 * Flyte. Decoding reads an absent property as {@code null} (primitives must be present), rejects
 * properties the type does not have, and throws {@link
 * dev.preflyte.runtime.custom.CustomDecodingException} whose message starts with the property path
 * ({@code limits.max}, {@code tags[2]}, {@code weights["a"]}) and ends with the fix. A value
 * refused when encoding is named by its path too ({@code custom property 'tags[2]': a null Optional
 * cannot be written ...}).
 */
package dev.preflyte.runtime.custom;

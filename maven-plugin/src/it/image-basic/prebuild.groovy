// The training inputs of demo.hello, as Flyte writes them for {{.input}}: the LiteralMap
// {name: "World"}, encoded by hand (literals, field 1: a map entry of key "name" and value, field 2,
// a Literal whose scalar, field 1, holds a primitive, field 1, whose string_value, field 3, is "World").
File inputs = new File(basedir, 'training-inputs')
inputs.mkdirs()
byte[] name = 'name'.bytes
byte[] world = 'World'.bytes
List<Integer> primitive = [0x1a, world.length] + world.toList()
List<Integer> scalar = [0x0a, primitive.size()] + primitive
List<Integer> literal = [0x0a, scalar.size()] + scalar
List<Integer> entry = [0x0a, name.length] + name.toList() + [0x12, literal.size()] + literal
List<Integer> map = [0x0a, entry.size()] + entry
new File(inputs, 'demo.hello.pb').bytes = map.collect { it as byte } as byte[]
// Data the inputs could name by relative path: a folder beside them goes into the context too.
new File(inputs, 'data').mkdirs()
new File(inputs, 'data/greetings.txt').text = 'Hello\n'
return true

# test/difftest/genlib/data.py: composite values: slices (append, copy,
# 2- and 3-index slicing, aliasing, nesting, sorting), arrays (value
# semantics, comparison), maps (printed by fmt in sorted key order; ranged
# only into order-independent results).  cap() is printed only where the
# spec fixes it (make, slicing), never after a reallocating append, whose
# growth policy is the implementation's.
from .ints import BY_NAME, Scope, expr


def int_list(p, n, lo=-20, hi=99):
    return ", ".join(str(p.int(lo, hi)) for _ in range(n))


def elem_fn(p):
    """A random int -> int function body expression over x."""
    scope = Scope()
    scope.vars["int"] = ["x"]
    e, _ = expr(p, BY_NAME["int"], scope, 2, need_var=True)
    return e


def sec_slices(p):
    a, b = p.name("a"), p.name("b")
    body = [f"{a} := []int{{{int_list(p, p.int(0, 6))}}}",
            f"{b} := make([]int, {p.int(0, 4)}, {p.int(4, 9)})",
            f"fmt.Println({a}, len({a}), {b}, len({b}), cap({b}), {b} == nil)"]
    ops = [sl_append, sl_copy, sl_reslice, sl_alias, sl_nested, sl_sort, sl_filter,
           sl_strings, sl_nil, sl_variadic]
    for op in p.rng.sample(ops, p.int(4, 8)):
        body += op(p, a, b)
    body.append(f"fmt.Println({a}, {b})")
    return p.func("slices", body)


def sl_append(p, a, b):
    return [f"for i := 0; i < {p.int(1, 12)}; i++ {{",
            [f"{a} = append({a}, i*{p.int(1, 9)}-{p.int(0, 9)})"], "}",
            f"{a} = append({a}, {int_list(p, p.int(0, 3), 0, 9) or '0'})",
            f"{b} = append({b}, {a}...)",
            f"fmt.Println(len({a}), len({b}), {a}[len({a})-1])"]


def sl_copy(p, a, b):
    return [f"n := copy({b}, {a})",
            f"fmt.Println(n, {b})",
            f"if len({a}) > 1 {{",
            [f"m := copy({a}[1:], {a})", f"fmt.Println(m, {a})"], "}",
            f"bs := make([]byte, {p.int(0, 6)})",
            f'fmt.Println(copy(bs, "héllo"), bs)']


def sl_reslice(p, a, b):
    i, j = p.int(0, 20), p.int(0, 20)
    return ["{",
            [f"lo, hi := {i} % (len({a}) + 1), {j} % (len({a}) + 1)",
             "if lo > hi {", ["lo, hi = hi, lo"], "}",
             f"s := {a}[lo:hi]",
             f"t := {a}[lo:hi:hi]",
             f"u := {b}[:cap({b})]",
             'fmt.Println(s, len(s), cap(s) - (cap(' + a + ') - lo), t, len(t), cap(t), len(u) == cap(u))'],
            "}"]


def sl_alias(p, a, b):
    v = p.int(100, 200)
    return [f"if len({a}) >= 2 {{",
            [f"w := {a}[1:2]", f"w[0] = {v}",
             f"x := append({a}[:1:1], {v + 1})",
             f"fmt.Println({a}[1], w, x, len(x))"],
            "}",
            f"c := {b}[:0]",
            f"c = append(c, {v + 2})",
            f"fmt.Println(len(c), cap(c) == cap({b}), {b}[:1])"]


def sl_nested(p, a, b):
    rows = p.int(1, 4)
    return [f"grid := make([][]int, {rows})",
            "for r := range grid {",
            ["grid[r] = make([]int, r+1)",
             "for c := range grid[r] {", [f"grid[r][c] = r*{p.int(2, 9)} + c"], "}"],
            "}",
            f"grid = append(grid, []int{{{int_list(p, 2)}}})",
            f"grid[0] = append(grid[0], len({a}))",
            'fmt.Println(grid, len(grid))',
            'fmt.Printf("%v %d\\n", grid[len(grid)-1], grid[0])']


def sl_sort(p, a, b):
    return [f"d := append([]int(nil), {a}...)",
            "sort.Ints(d)",
            "e := []int{" + int_list(p, p.int(2, 6)) + "}",
            "sort.Slice(e, func(i, j int) bool { return e[i] > e[j] })",
            "f := []string{\"pear\", \"Apple\", \"fig\", \"\", \"apple\", \"é\"}",
            "sort.Strings(f)",
            'fmt.Printf("%v %v %q\\n", d, e, f)']


def sl_filter(p, a, b):
    e = elem_fn(p)
    return ["var out []int",
            f"for _, x := range {a} {{",
            [f"if y := {e}; y%2 == 0 {{", ["out = append(out, y)"], "}"],
            "}",
            "sum := 0",
            "for i, v := range out {", ["sum += i * v"], "}",
            "fmt.Println(out, len(out), sum, out == nil)"]


def sl_strings(p, a, b):
    return ['words := []string{"to", "be", "or", "not"}',
            f"words = append(words, words[{p.int(0, 3)}:]...)",
            "words[0], words[len(words)-1] = words[len(words)-1], words[0]",
            'fmt.Println(strings.Join(words, "-"), len(words), words)']


def sl_nil(p, a, b):
    return ["var z []int",
            'fmt.Println(z, len(z), cap(z), z == nil, z[:0] == nil)',
            "for range z {", ['fmt.Println("never")'], "}",
            "z = append(z, 1)",
            "fmt.Println(z, z == nil)"]


def sl_variadic(p, a, b):
    name = "sumall"
    p.helper(name, f"func {name}(base int, xs ...int) int {{\n\tfor _, x := range xs {{\n"
                   "\t\tbase = base*3 + x\n\t}\n\treturn base\n}")
    return [f"fmt.Println({name}(1), {name}(2, 3, 4), {name}({p.int(-9, 9)}, {a}...))"]


def sec_arrays(p):
    n = p.int(2, 5)
    a, by = p.name("arr"), p.name("byArray")
    body = [f"var {a} [{n}]int",
            f"for i := range {a} {{", [f"{a}[i] = i*i - {p.int(0, 9)}"], "}",
            f"c := {a}",
            f"c[{p.int(0, n - 1)}] = {p.int(100, 999)}",
            f"fmt.Println({a}, c, {a} == c, len(c))",
            f"lit := [...]string{{\"x\", \"yy\", {p.int(2, 9)}: \"z\"}}",
            'fmt.Printf("%q %d\\n", lit, len(lit))',
            f"var m [{p.int(1, 3)}][{p.int(1, 3)}]int",
            "for i := range m {", ["for j := range m[i] {", ["m[i][j] = i*10 + j"], "}"], "}",
            "m2 := m",
            "m2[0][0] = -1",
            "fmt.Println(m, m2, m == m2)",
            f"pa := &{a}",
            f"pa[0] += {p.int(1, 9)}",
            f"s := {a}[1:]",
            "s[0] = 77",
            f"fmt.Println(*pa, s, len(s), cap(s))",
            f"idx := {p.int(0, 100)} % len({a})",
            f"fmt.Println({a}[idx], {a}[len({a})-1-idx])",
            "sum := 0",
            f"for _, v := range {a} {{", ["sum += v"], "}",
            f"fmt.Println(sum, {by}({a}), {a})"]
    p.decl(f"func {by}(x [{n}]int) int {{\n\tx[0] = 1000\n\treturn x[0] + x[len(x)-1]\n}}")
    return p.func("arrays", body)


def sec_maps(p):
    words = p.rng.sample(["go", "mp", "chan", "select", "defer", "map", "x", "",
                          "é", "Zeta", "alpha", "go"], p.int(4, 10))
    wl = ", ".join(f'"{w}"' for w in words)
    k = p.int(2, 7)
    body = [f"words := []string{{{wl}}}",
            "count := map[string]int{}",
            "for _, w := range words {", ["count[w]++"], "}",
            'fmt.Println(count, len(count))',
            "byLen := make(map[int][]string)",
            "for _, w := range words {", ["byLen[len(w)] = append(byLen[len(w)], w)"], "}",
            'fmt.Printf("%v %d\\n", byLen, len(byLen))',
            f"sq := map[int]int{{}}",
            f"for i := -{k}; i <= {k}; i++ {{", [f"sq[i*{p.int(1, 5)}%{p.int(3, 11)}] += i"], "}",
            f"delete(sq, {p.int(-3, 3)})",
            "delete(sq, 12345)",
            "keys := make([]int, 0, len(sq))",
            "total := 0",
            "for key, v := range sq {", ["keys = append(keys, key)", "total += v * key"], "}",
            "sort.Ints(keys)",
            "fmt.Println(sq, keys, total)",
            f"v, ok := sq[{p.int(-3, 3)}]",
            'w, ok2 := count["nope"]',
            "fmt.Println(v, ok, w, ok2)",
            "var nilm map[string]bool",
            'fmt.Println(nilm["x"], len(nilm), nilm == nil, nilm)',
            "runes := map[rune]int{}",
            f'for _, r := range "{p.pick(["hello, wörld", "abcab", "世界世", "mississippi"])}" {{', ["runes[r]++"], "}",
            "fmt.Println(runes)",
            "flags := map[bool]string{true: \"yes\", false: \"no\"}",
            f"pos := map[[2]int]string{{{{1, 2}}: \"a\", {{0, {p.int(0, 9)}}}: \"b\", {{-1, 5}}: \"c\"}}",
            "nested := map[string]map[string]int{}",
            "for i, w := range words {",
            ["if nested[w] == nil {", ["nested[w] = map[string]int{}"], "}",
             'nested[w][fmt.Sprint("k", i%3)] += i'], "}",
            "fmt.Println(flags, pos, nested)",
            "for key := range count {",
            [f"if len(key) < {p.int(1, 4)} {{", ["delete(count, key)"], "}"], "}",
            'fmt.Printf("%v %d %v\\n", count, len(count), count["go"])']
    return p.func("maps", body)

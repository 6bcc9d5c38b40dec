# test/difftest/genlib/control.py: functions and control flow: closures
# capturing variables, defer (LIFO, arguments evaluated at the defer) and
# recover (of strings, errors, ints and runtime errors), multiple and named
# results, error values (errors.New, fmt.Errorf, a custom error type),
# expression and tag-less switch with fallthrough, labelled break/continue.
# Loop variables captured by closures are copied (`i := i`) so the program
# means the same before and after Go 1.22's per-iteration loop variables.
from .ints import BY_NAME, Scope, expr


def int_fn(p, var="x"):
    scope = Scope()
    scope.vars["int"] = [var]
    e, _ = expr(p, BY_NAME["int"], scope, 2, need_var=True)
    return e


def sec_closures(p):
    mk = p.name("makeCounter")
    p.decl(f"func {mk}(step int) func() int {{\n\tn := 0\n\treturn func() int {{\n"
           "\t\tn += step\n\t\treturn n\n\t}\n}")
    k1, k2, n = p.int(1, 9), p.int(-9, 9), p.int(2, 6)
    body = [f"c1, c2 := {mk}({k1}), {mk}({k2})",
            "fmt.Println(c1(), c1(), c2(), c1(), c2())",
            "total := 0",
            "add := func(x int) { total += x }",
            f"for i := 0; i < {n}; i++ {{", [f"add(i * {p.int(1, 9)})"], "}",
            "fmt.Println(total)",
            "var fs []func() int",
            f"for i := 0; i < {n}; i++ {{",
            ["i := i", f"fs = append(fs, func() int {{ return i*i + total%{p.int(2, 9)} }})"], "}",
            f"total = {p.int(0, 99)}",
            "for _, f := range fs {", ['fmt.Print(f(), " ")'], "}",
            "fmt.Println()",
            "var fib func(int) int",
            "fib = func(n int) int {",
            ["if n < 2 {", ["return n"], "}", "return fib(n-1) + fib(n-2)"], "}",
            f"fmt.Println(fib({p.int(0, 20)}))",
            "compose := func(f, g func(int) int) func(int) int {",
            ["return func(x int) int { return f(g(x)) }"], "}",
            f"h := compose(func(x int) int {{ return {int_fn(p)} }}, func(x int) int {{ return {int_fn(p)} }})",
            f"fmt.Println(h({p.int(-9, 9)}), h({p.int(-9, 9)}))",
            "ops := map[string]func(int, int) int{",
            ['"add": func(a, b int) int { return a + b },',
             '"mul": func(a, b int) int { return a * b },',
             '"sub": func(a, b int) int { return a - b },'], "}",
            'for _, name := range []string{"sub", "add", "mul"} {',
            [f'fmt.Print(name, "=", ops[name]({p.int(-9, 9)}, {p.int(-9, 9)}), " ")'], "}",
            "fmt.Println(len(ops))",
            "acc := func() func(int) []int {",
            ["var seen []int", "return func(v int) []int {", ["seen = append(seen, v)", "return seen"], "}"],
            "}()",
            f"acc({p.int(0, 9)})",
            f"fmt.Println(acc({p.int(0, 9)}))"]
    return p.func("closures", body)


def sec_defer(p):
    order, named, safe, tryix, pan = (p.name(x) for x in
                                      ("deferOrder", "named", "safeDiv", "tryIndex", "panicWith"))
    p.decl(f"func {order}(n int) {{\n\tfor i := 0; i < n; i++ {{\n"
           f"\t\tdefer fmt.Println(\"defer\", i)\n\t}}\n\tfmt.Println(\"body\", n)\n}}")
    p.decl(f"func {named}(k int) (r int) {{\n\tdefer func() {{\n\t\tr *= {p.int(2, 5)}\n\t}}()\n"
           f"\tr = k\n\treturn r + 1\n}}")
    p.decl(f"func {safe}(a, b int) (q int, err error) {{\n\tdefer func() {{\n"
           f"\t\tif e := recover(); e != nil {{\n\t\t\terr = fmt.Errorf(\"recovered: %v\", e)\n"
           f"\t\t}}\n\t}}()\n\tq = a / b\n\treturn\n}}")
    p.decl(f"func {tryix}(xs []int, i int) (v int) {{\n\tdefer func() {{\n"
           f"\t\tif r := recover(); r != nil {{\n\t\t\tfmt.Println(\"recovered:\", r)\n"
           f"\t\t\tv = -1\n\t\t}}\n\t}}()\n\treturn xs[i]\n}}")
    p.decl(f"func {pan}(k int) (out string) {{\n\tdefer func() {{\n"
           f"\t\tout = fmt.Sprint(\"got \", recover())\n\t}}()\n\tswitch k % 5 {{\n"
           f"\tcase 0:\n\t\tpanic(\"plain string\")\n\tcase 1:\n\t\tpanic(errors.New(\"an error\"))\n"
           f"\tcase 2:\n\t\tpanic(k * 100)\n\tcase 3:\n\t\tvar m map[int]int\n\t\tm[k] = 1\n"
           f"\tcase 4:\n\t\tvar np *struct{{ v int }}\n\t\tout = fmt.Sprint(np.v)\n\t}}\n\treturn \"no panic\"\n}}")
    a, b = p.int(-99, 99), p.pick([0, 0, p.int(-9, 9)])
    xs = ", ".join(str(p.int(0, 9)) for _ in range(p.int(0, 4)))
    body = [f"{order}({p.int(0, 4)})",
            f"fmt.Println({named}({p.int(-9, 9)}))",
            f"fmt.Println({safe}({a}, {b}))",
            f"fmt.Println({safe}({p.int(-99, 99)}, {p.int(1, 9)}))",
            f"fmt.Println({tryix}([]int{{{xs}}}, {p.int(-1, 5)}))",
            f"for k := {p.int(0, 4)}; k < {p.int(5, 8)}; k++ {{", [f"fmt.Println({pan}(k))"], "}",
            f"x := {p.int(0, 9)}",
            'defer fmt.Println("deferred x was", x)',
            "x *= 10",
            'defer func() { fmt.Println("closure sees x =", x) }()',
            "x++",
            "fmt.Println(recover(), x)"]
    return p.func("defers", body)


def sec_results(p):
    dm, me, chk, mm, sw = (p.name(x) for x in ("divmod", "MyErr", "check", "minmax", "swap"))
    p.decl(f"func {dm}(a, b int) (int, int) {{\n\treturn a / b, a % b\n}}")
    p.decl(f"type {me} struct {{\n\tCode int\n\tMsg  string\n}}\n\n"
           f"func (e *{me}) Error() string {{\n\treturn fmt.Sprintf(\"code %d: %s\", e.Code, e.Msg)\n}}")
    m = p.int(2, 5)
    p.decl(f"func {chk}(n int) error {{\n\tif n%{m} == 0 {{\n\t\treturn &{me}{{n, \"multiple of {m}\"}}\n\t}}\n"
           f"\tif n < 0 {{\n\t\treturn errors.New(\"negative\")\n\t}}\n\tif n > 50 {{\n"
           f"\t\treturn fmt.Errorf(\"too big: %d > %d\", n, 50)\n\t}}\n\treturn nil\n}}")
    p.decl(f"func {mm}(xs ...int) (lo, hi int) {{\n\tif len(xs) == 0 {{\n\t\treturn\n\t}}\n"
           f"\tlo, hi = xs[0], xs[0]\n\tfor _, x := range xs[1:] {{\n\t\tif x < lo {{\n\t\t\tlo = x\n"
           f"\t\t}}\n\t\tif x > hi {{\n\t\t\thi = x\n\t\t}}\n\t}}\n\treturn\n}}")
    p.decl(f"func {sw}(a, b string) (string, string) {{\n\treturn b, a\n}}")
    nums = ", ".join(str(p.int(-20, 80)) for _ in range(p.int(2, 6)))
    body = [f"for _, n := range []int{{{nums}}} {{",
            [f"if err := {chk}(n); err != nil {{", ['fmt.Println("error:", err, err.Error() != "")'],
             "} else {", ['fmt.Println("ok", n)'], "}"], "}",
            f"q, r := {dm}({p.int(-99, 99)}, {p.pick([-7, -3, 2, 5, 10])})",
            "fmt.Println(q, r)",
            f"_, r2 := {dm}(r, {p.int(1, 4)})",
            f"lo, hi := {mm}({nums})",
            f"lo0, hi0 := {mm}()",
            "fmt.Println(r2, lo, hi, lo0, hi0)",
            f'a, b := {sw}("left", "right")',
            "a, b = b+a, a",
            "fmt.Println(a, b)",
            f"var pe *{me}",
            "var err error = pe",
            "fmt.Println(pe == nil, err == nil, err != nil)",
            f"err = &{me}{{{p.int(0, 9)}, \"direct\"}}",
            'wrapped := fmt.Errorf("wrap: %v", err)',
            "fmt.Println(err, wrapped)",
            f'fmt.Printf("%v|%s|%q\\n", wrapped, errors.New("plain"), err)']
    return p.func("results", body)


def sec_switch(p):
    words = p.rng.sample(["go", "mp", "x", "", "chan", "go"], 4)
    wl = ", ".join(f'"{w}"' for w in words)
    body = [f"words := []string{{{wl}}}",
            f"for i := 0; i < {p.int(3, 8)}; i++ {{",
            [f"x := {int_fn(p, 'i')}",
             f"switch x % {p.int(3, 6)} {{",
             "case 0, 1:", ['fmt.Println("small", x)'],
             "case 2:", ['fmt.Println("two", x)', "fallthrough"],
             "case -1:", ['fmt.Println("two or minus one")'],
             "default:", ['fmt.Println("other", x)', "if x > 0 {", ["break"], "}",
                          'fmt.Println("not positive")'],
             "}",
             "switch {",
             f"case x < {p.int(-10, 0)}:", ['fmt.Println("negative")'],
             f"case x > {p.int(0, 20)} && x%2 == 0:", ['fmt.Println("big even")'],
             "default:", ['fmt.Println("middle")'],
             "}",
             "switch w := words[i%len(words)]; w {",
             'case "go", "mp":', ['fmt.Println("lang", w)'],
             'case "":', ['fmt.Println("empty")', "continue"],
             "default:", ['fmt.Println("word", len(w))'],
             "}",
             'fmt.Println("end", i)'],
            "}"]
    return p.func("switches", body)


def sec_loops(p):
    n, m = p.int(2, 6), p.int(2, 6)
    body = ["count := 0",
            "outer:",
            f"for i := 0; i < {n}; i++ {{",
            [f"for j := 0; j < {m}; j++ {{",
             [f"if (i*j)%{p.int(2, 5)} == {p.int(0, 1)} {{", ["continue outer"], "}",
              f"if i+j > {p.int(3, 9)} {{", ["break outer"], "}",
              "count++",
              'fmt.Print(i, ",", j, " ")'], "}"], "}",
            "fmt.Println(count)",
            "primes := []int{}",
            "next:",
            f"for c := 2; len(primes) < {p.int(3, 15)}; c++ {{",
            ["for _, q := range primes {", ["if c%q == 0 {", ["continue next"], "}"], "}",
             "primes = append(primes, c)"], "}",
            "fmt.Println(primes)",
            f"k := {p.int(1, 1000)}",
            "steps := 0",
            "for k != 1 {",
            ["if k%2 == 0 {", ["k /= 2"], "} else {", ["k = 3*k + 1"], "}", "steps++"], "}",
            "fmt.Println(steps)",
            "j := 0",
            "for {", ["j += 3", f"if j > {p.int(5, 50)} {{", ["break"], "}"], "}",
            "found := -1",
            "search:",
            "for r := 0; r < 4; r++ {",
            ["switch {", [], f"case r*r > {p.int(0, 10)}:", ["found = r", "break search"], "}"], "}",
            "fmt.Println(j, found)"]
    return p.func("loops", body)

# test/difftest/genlib/structs.py: structs, pointers and methods: value and
# pointer receivers, method values, struct copies and ==, new, %v/%+v, a
# String method (value or pointer receiver: fmt uses it only when the
# printed value's method set has it, also inside nested values), named
# non-struct types with methods, linked lists through pointers.
# Structs holding pointers are never printed whole (fmt would print addresses).


def sec_structs(p):
    pt, node, temp, lst = p.name("Point"), p.name("Node"), p.name("Celsius"), p.name("IntList")
    tags = p.chance(0.4)
    p.decl(f"type {pt} struct {{\n\tX, Y int\n\tName string\n" +
           ("\tTags []string\n" if tags else "") + "}")
    p.decl(f"func (p {pt}) Sum() int {{\n\treturn p.X*{p.int(1, 5)} + p.Y\n}}")
    p.decl(f"func (p *{pt}) Move(dx, dy int) {{\n\tp.X += dx\n\tp.Y -= dy\n}}")
    stringer = p.pick([None, "value", "pointer"])
    if stringer:
        recv = f"p {pt}" if stringer == "value" else f"p *{pt}"
        p.decl(f"func ({recv}) String() string {{\n\treturn fmt.Sprintf(\"P<%d,%d,%q>\", p.X, p.Y, p.Name)\n}}")
    p.decl(f"type {node} struct {{\n\tVal  int\n\tNext *{node}\n}}")
    p.decl(f"type {temp} float64\n\nfunc (c {temp}) F() float64 {{\n\treturn float64(c)*9/5 + 32\n}}")
    p.decl(f"type {lst} []int\n\nfunc (l {lst}) Sum() (s int) {{\n\tfor _, v := range l {{\n"
           f"\t\ts += v\n\t}}\n\treturn\n}}\n\nfunc (l *{lst}) Push(v int) {{\n\t*l = append(*l, v)\n}}")
    x0, y0 = p.int(-9, 9), p.int(-9, 9)
    body = [f'a := {pt}{{X: {x0}, Y: {y0}, Name: "{p.pick(["a", "é", "pt"])}"}}',
            "b := a",
            f"b.Move({p.int(-5, 5)}, {p.int(-5, 5)})",
            "pa := &a",
            f"pa.Move({p.int(-5, 5)}, 1)",
            "fmt.Println(a, b, a.Sum(), b.Sum(), pa.Sum())",
            'fmt.Printf("%v %+v %v\\n", a, b, pa)',
            "f := a.Sum",
            "g := pa.Move",
            f"a.X = {p.int(10, 99)}",
            "g(1, 1)",
            "fmt.Println(f(), a.Sum(), a.X, a.Y)",
            f"r := new({pt})",
            'r.Name = "new"',
            f"ps := []*{pt}{{&a, &b, r}}",
            "for i, q := range ps {", ["q.X += i * 10"], "}",
            "fmt.Println(a.X, b.X, r.X, *r)",
            f"grid := [2]{pt}{{a, {{Y: 7}}}}",
            f"m := map[string]{pt}{{\"k\": b}}",
            'fmt.Printf("%v %+v\\n", grid, m)']
    if tags:
        body += ['a.Tags = append(a.Tags, "t1", "t2")', "b.Tags = a.Tags[:1]",
                 'b.Tags[0] = "shared"', "fmt.Println(a.Tags, b.Tags, len(r.Tags))"]
    else:
        body += ["c := a", "fmt.Println(a == b, a == c, *pa == a, pa == &a, pa == &c)"]
    body += [f"var head *{node}",
             f"for i := 0; i < {p.int(1, 6)}; i++ {{", [f"head = &{node}{{Val: i*i - {p.int(0, 5)}, Next: head}}"], "}",
             "for n := head; n != nil; n = n.Next {", ['fmt.Print(n.Val, " ")'], "}",
             "fmt.Println(head.Next == nil)",
             f"x := {p.int(-9, 9)}",
             "px := &x",
             f"*px += {p.int(1, 9)}",
             "ppx := &px",
             f"**ppx *= {p.int(2, 4)}",
             "fmt.Println(x, *px == x, px == *ppx)",
             f"t := {temp}({p.pick(['-40', '100', '36.6', '0'])})",
             'fmt.Println(t, t.F())',
             f"var l {lst}",
             f"for i := 0; i < {p.int(0, 5)}; i++ {{", ["l.Push(i * 3)"], "}",
             'fmt.Println(l, l.Sum(), len(l))',
             "anon := struct {", ["A int", "B string"], f'}}{{{p.int(0, 9)}, "anon"}}',
             'fmt.Printf("%v %+v\\n", anon, anon)']
    return p.func("structs", body)

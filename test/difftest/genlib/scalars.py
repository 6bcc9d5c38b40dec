# test/difftest/genlib/scalars.py: sections on scalar values: integer
# arithmetic on every integer type (wrap-around, division, shifts,
# conversions), float64 arithmetic and printing, and exact untyped constants.
# Values change in a loop so nothing folds to a constant the compiler could
# check; prints use Println and a spread of Printf verbs, widths and flags.
from .ints import Scope, expr, literal, types, shift_count, nonzero_helper, bool_expr

INT_VERBS = ["%d", "%v", "%x", "%5d", "%-4d|", "%+d", "%08d", "%X"]


def sec_ints(p):
    scope, body, vars_ = Scope(), [], []
    for t in p.rng.sample(types(p), p.int(3, 5)):
        name = p.name("v")
        body.append(f"var {name} {t.name} = {literal(p, t)}")
        scope.add(name, t)
        vars_.append((name, t))
    loop = Scope()
    loop.vars = {k: list(v) for k, v in scope.vars.items()}
    loop.vars.setdefault("int", []).append("i")
    targets = vars_ + [p.pick(vars_) for _ in range(p.int(0, 3))]
    p.rng.shuffle(targets)
    inner = [int_update(p, loop, target) for target in targets]
    inner.append(f'fmt.Println(i, {", ".join(n for n, _ in vars_)})')
    body += [f"for i := 0; i < {p.int(2, 6)}; i++ {{", inner, "}"]
    verbs = [p.pick(INT_VERBS) for _ in vars_]
    body.append(f'fmt.Printf("{" ".join(verbs)}\\n", {", ".join(n for n, _ in vars_)})')
    for _ in range(p.int(1, 3)):
        body.append(f"fmt.Println({bool_expr(p, scope)}, {bool_expr(p, scope)})")
    t = p.pick(types(p))
    e, _ = expr(p, t, scope, 3, need_var=True)
    body.append(f'fmt.Printf("%T %v\\n", {e}, {e})')
    return p.func("ints", body)


def int_update(p, scope, target):
    name, t = target
    r = p.rng.random()
    if r < 0.35:
        e, _ = expr(p, t, scope, 2)
        return f"{name} = {name}*{p.pick(['31', '0x5bd1e995', '-3', '1000003'][:2 + 2 * t.signed if t.bits > 8 else 1])} + {e}"
    if r < 0.45:
        e, _ = expr(p, t, scope, 3)
        return f"{name} = {e}"
    if r < 0.6:
        e, _ = expr(p, t, scope, 2)
        return f"{name} {p.pick(['+=', '-=', '*=', '^=', '|=', '&=', '&^='])} {e}"
    if r < 0.7:
        return f"{name} {p.pick(['<<=', '>>='])} {shift_count(p, t, scope, 1)}"
    if r < 0.85:
        e, _ = expr(p, t, scope, 2, need_var=True)
        return f"{name} {p.pick(['/=', '%='])} {nonzero_helper(p, t)}({e})"
    return f"{name}{p.pick(['++', '--'])}"


FLOAT_LITS = ["0.5", "1.25", "-3.75", "1e10", "1e-7", "3.14159", "2.0", "1e300",
              "0.1", "-0.0", "100", "7.0", "1e21", "123456789.125", "0.000123"]
FLOAT_VERBS = ["%v", "%f", "%.3f", "%g", "%e", "%8.2f", "%-10.4g|", "%.0f", "%.2e", "%G"]


def fexpr(p, fvars, ivars, depth, need_var=False):
    """A float64 expression; returns (code, is_constant)."""
    if depth <= 0 or p.chance(0.3):
        r = p.rng.random()
        if need_var or r < 0.6:
            return p.pick(fvars), False
        if r < 0.75 and ivars:
            return f"float64({p.pick(ivars)})", False
        return p.pick(FLOAT_LITS), True
    r = p.rng.random()
    if r < 0.2:
        fn = p.pick(["math.Sqrt", "math.Floor", "math.Ceil", "math.Abs"])
        e, _ = fexpr(p, fvars, ivars, depth - 1, need_var=True)
        return f"{fn}({e})", False
    if r < 0.25:
        e, _ = fexpr(p, fvars, ivars, depth - 1, need_var=True)
        return f"math.Pow({e}, {p.pick(['2', '0.5', '3', '-1'])})", False
    a, ac = fexpr(p, fvars, ivars, depth - 1)
    b, _ = fexpr(p, fvars, ivars, depth - 1, need_var=ac)
    return f"({a} {p.pick(['+', '-', '*', '/'])} {b})", False


def sec_floats(p):
    body, fvars = [], []
    for _ in range(p.int(2, 4)):
        n = p.name("f")
        body.append(f"var {n} float64 = {p.pick(FLOAT_LITS + ['0'])}")
        fvars.append(n)
    ivar = p.name("n")
    body.append(f"var {ivar} int = {p.int(-50, 50)}")
    inner = []
    for _ in range(p.int(2, 4)):
        e, _ = fexpr(p, fvars, [ivar, "i"], 3)
        inner.append(f"{p.pick(fvars)} {p.pick(['=', '+=', '-=', '*=', '/='])} {e}")
    inner.append(f"{ivar} += i")
    inner.append(f'fmt.Println({", ".join(fvars)})')
    body += [f"for i := 0; i < {p.int(2, 5)}; i++ {{", inner, "}"]
    verbs = [p.pick(FLOAT_VERBS) for _ in fvars]
    body.append(f'fmt.Printf("{" ".join(verbs)}\\n", {", ".join(fvars)})')
    for f in fvars:
        body += [f"if {f} > -1e15 && {f} < 1e15 {{",
                 [f"fmt.Println(int64({f}), int({f}), {f} == float64(int64({f})))"], "}"]
    a, b = p.pick(fvars), p.pick(fvars)
    body.append(f"fmt.Println({a} < {b}, {a} == {b}, {a} != {a}, {ivar})")
    body.append(f'fmt.Println(fmt.Sprint({a}), fmt.Sprintf("%6.2f|%v", {b}, {a}/3))')
    return p.func("floats", body)


def sec_consts(p):
    """Untyped constants are exact: 1<<100 and 0.1+0.2 fold without
    rounding or overflow, and iota counts declarations."""
    k, shift = p.int(1, 9), p.int(64, 120)
    a = p.name("c")
    p.decl(f"const (\n\t{a}0 = iota * {k}\n\t{a}1\n\t_\n\t{a}3\n\t{a}4 = 1 << (iota * {p.int(1, 4)})\n"
           f"\t{a}5\n)")
    t = p.name("Level")
    p.decl(f"type {t} int\n\nconst (\n\t{t}Low {t} = iota + {p.int(0, 5)}\n\t{t}Mid\n\t{t}High\n)")
    big = p.name("big")
    p.decl(f"const {big} = 1 << {shift}")
    num, den = p.int(1, 9), p.pick([3, 7, 10, 9])
    body = [f"fmt.Println({a}0, {a}1, {a}3, {a}4, {a}5)",
            f"fmt.Println({t}Low, {t}Mid, {t}High, {t}High - {t}Low)",
            f"fmt.Println({big} >> {shift - p.int(0, 60)}, {big} / ({big} >> {p.int(1, 40)}))",
            f"fmt.Println({num}.0 / {den} * {den}, 0.1 + 0.2, {num} / {den}, {num} % {den})",
            f"const third = {num}.0 / {den}",
            f"x := third",
            f"fmt.Println(x * {den}, third * {den} == {num}, x * {den} == {num})",
            f'fmt.Printf("%T %T %T %v\\n", {a}1, {t}Mid, third, {t}High)',
            f"var m int32 = 1 << {p.int(0, 30)} - 1",
            f"fmt.Println(m, m * {p.int(2, 9)}, ^m, -m)"]
    return p.func("consts", body)

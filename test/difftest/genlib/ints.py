# test/difftest/genlib/ints.py: integer types and random typed integer
# expressions.  Go rejects constant overflow and constant division by zero at
# compile time, so an expression never combines two constants, never negates
# or complements a constant, never shifts a constant, and divides only by a
# divisor that cannot be zero (`d | 1` or a nonzero helper).  Everything else
# (wrap-around, MinInt / -1, shifts past the width) happens at run time.


class IntType:
    def __init__(self, name, bits, signed, canon):
        self.name, self.bits, self.signed, self.canon = name, bits, signed, canon
        self.min = -(1 << (bits - 1)) if signed else 0
        self.max = (1 << (bits - 1)) - 1 if signed else (1 << bits) - 1


# The integer types of MP's v1 subset (LANGUAGE.md §1); byte and rune are
# aliases, spelled both ways on purpose.  `canon` groups identical types.
V1_TYPES = [
    IntType("int", 64, True, "int"), IntType("int64", 64, True, "int64"),
    IntType("int32", 32, True, "int32"), IntType("rune", 32, True, "int32"),
    IntType("uint8", 8, False, "uint8"), IntType("byte", 8, False, "uint8"),
]
# Go's other integer types, outside v1; only with gen.py --all-int-types.
EXTRA_TYPES = [
    IntType("int8", 8, True, "int8"), IntType("int16", 16, True, "int16"),
    IntType("uint16", 16, False, "uint16"), IntType("uint32", 32, False, "uint32"),
    IntType("uint64", 64, False, "uint64"), IntType("uint", 64, False, "uint"),
]
BY_NAME = {t.name: t for t in V1_TYPES + EXTRA_TYPES}


def types(p):
    return V1_TYPES + (EXTRA_TYPES if p.all_int_types else [])


def literal(p, t):
    """A constant that fits t, biased to the values where bugs live."""
    r = p.rng.random()
    if r < 0.25:
        v = p.pick([t.min, t.max, t.min + 1, t.max - 1, 0, 1])
    elif r < 0.35 and t.signed:
        v = p.pick([-1, -2, t.min // 2])
    elif r < 0.5:
        v = 1 << p.int(0, t.bits - 2)
    elif r < 0.8:
        v = p.int(max(t.min, -100), min(t.max, 100))
    else:
        v = p.int(t.min, t.max)
    if t.canon == "int32" and 32 <= v < 127 and v not in (39, 92) and p.chance(0.3):
        return f"'{chr(v)}'"
    if v >= 0 and p.chance(0.15):
        return hex(v)
    return str(v) if v >= 0 else f"({v})"


class Scope:
    """Integer variables in scope, by canonical type: what leaves can read."""

    def __init__(self):
        self.vars = {}

    def add(self, name, t):
        self.vars.setdefault(t.canon, []).append(name)

    def of(self, t):
        return self.vars.get(t.canon, [])

    def any_var(self, p):
        canon = p.pick(sorted(self.vars))
        return p.pick(self.vars[canon]), canon


def nonzero_helper(p, t):
    """A helper that maps 0 to 7 so divisors can also be even."""
    name = f"nz_{t.name}"
    p.helper(name, f"func {name}(x {t.name}) {t.name} {{\n\tif x == 0 {{\n"
                   f"\t\treturn 7\n\t}}\n\treturn x\n}}")
    return name


def leaf(p, t, scope, need_var=False):
    """Returns (code, is_constant)."""
    own = scope.of(t)
    r = p.rng.random()
    if own and (need_var or r < 0.55):
        return p.pick(own), False
    others = [c for c in scope.vars if c != t.canon]
    if others and (need_var or r < 0.75):
        src = p.pick(sorted(others))
        return f"{t.name}({p.pick(scope.vars[src])})", False
    if need_var:
        name, canon = scope.any_var(p)
        return (name if canon == t.canon else f"{t.name}({name})"), False
    return literal(p, t), True


def expr(p, t, scope, depth, need_var=False):
    """A random expression of type t; returns (code, is_constant)."""
    if depth <= 0 or p.chance(0.25):
        return leaf(p, t, scope, need_var)
    r = p.rng.random()
    if r < 0.1:
        e, _ = expr(p, t, scope, depth - 1, need_var=True)
        return f"({p.pick(['-', '^'])}{e})", False
    if r < 0.25:
        e, _ = expr(p, t, scope, depth - 1, need_var=True)
        return f"({e} {p.pick(['<<', '>>'])} {shift_count(p, t, scope, depth)})", False
    op = p.pick(["+", "-", "*"] * 3 + ["&", "|", "^", "&^", "/", "%"])
    a, ac = expr(p, t, scope, depth - 1)
    b, bc = expr(p, t, scope, depth - 1, need_var=ac)
    if op in ("/", "%"):
        if p.chance(0.6):
            b = f"({b} | 1)"
        else:
            b = f"{nonzero_helper(p, t)}({b})"
            bc = False
    return f"({a} {op} {b})", ac and bc


def shift_count(p, t, scope, depth):
    """A non-negative shift count, sometimes at or past t's width (Go then
    gives 0 or -1; hardware masks the count, a classic miscompile)."""
    if p.chance(0.5):
        return str(p.pick([0, 1, t.bits - 1, t.bits, t.bits + 1, p.int(0, t.bits + 8)]))
    u = p.pick(types(p))
    e, _ = expr(p, u, scope, min(depth, 1), need_var=True)
    return f"({e} & {p.pick([7, 15, 31, 63])})"


def bool_expr(p, scope, depth=2):
    """A comparison of two same-typed integer expressions."""
    t = p.pick(types(p))
    a, ac = expr(p, t, scope, depth)
    b, _ = expr(p, t, scope, depth, need_var=ac)
    return f"{a} {p.pick(['==', '!=', '<', '<=', '>', '>='])} {b}"

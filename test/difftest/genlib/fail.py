# test/difftest/genlib/fail.py: sections that end the program the Go way: a
# runtime error or explicit panic (first stderr line `panic: ...`, status 2),
# a deadlock (`fatal error: all goroutines are asleep - deadlock!`, status
# 2) or os.Exit(n).  Each prints first, and most defer a print, so output
# written before the failure (and by deferred calls) must not be lost.
# The failing operand is a variable: constant ones are compile errors.
from .ints import types


def divide(p):
    t = p.pick(types(p))
    op = p.pick(["/", "%"])
    return [f"var x {t.name} = {p.int(1, 100)}", f"var zero {t.name}",
            f"fmt.Println(x {op} (zero + 1))", f"fmt.Println(x {op} zero)"]


def index(p):
    n = p.int(0, 5)
    xs = ", ".join(str(i * 3) for i in range(n))
    kind = p.pick(["slice", "array", "string", "negative"])
    if kind == "slice":
        return [f"xs := []int{{{xs}}}", f"i := {n + p.int(0, 3)}", "fmt.Println(len(xs))",
                "fmt.Println(xs[i])"]
    if kind == "array":
        return [f"var a [{n + 1}]int", f"i := {n + 1 + p.int(0, 3)}", "a[0] = 1",
                "fmt.Println(a)", "a[i] = 2"]
    if kind == "string":
        return [f's := "{"é" * n}"', f"i := {2 * n + p.int(0, 2)}", "fmt.Println(len(s))",
                "fmt.Println(s[i])"]
    return [f"xs := make([]string, {n})", f"i := {n} - {n + p.int(1, 3)}", "xs[i] = \"x\""]


def slice_bounds(p):
    c = p.int(0, 4)
    kind = p.pick(["cap", "inverted", "string"])
    if kind == "cap":
        return [f"xs := make([]int, {c}, {c + 1})", f"hi := {c + p.int(2, 4)}",
                "fmt.Println(len(xs), cap(xs))", "fmt.Println(xs[:hi])"]
    if kind == "inverted":
        return [f"xs := make([]int, {c + 3})", "lo, hi := 2, 1", "fmt.Println(xs[lo:hi])"]
    return ['s := "hello"', f"hi := {6 + c}", "fmt.Println(s[1:hi])"]


def nil_map(p):
    return ["var m map[string]int", 'fmt.Println(m["k"], len(m))', 'm["k"] = 1']


def nil_deref(p):
    kind = p.pick(["struct", "int", "func"])
    if kind == "struct":
        return ["type T struct{ v, w int }", "var t *T", "fmt.Println(t == nil)", "fmt.Println(t.w)"]
    if kind == "int":
        return ["var ip *int", "fmt.Println(ip)", "*ip = 3"]
    return ["var f func(int) int", "fmt.Println(f == nil)", "fmt.Println(f(1))"]


def explicit(p):
    v = p.pick(['"boom"', 'fmt.Sprintf("bad value %d", 42)', 'errors.New("an error value")',
                f'fmt.Errorf("wrapped %d", {p.int(0, 9)})', str(p.int(-9, 99)), '"multi\\nline"'])
    return [f"panic({v})"]


def repanic(p):
    return ["defer func() {", ["r := recover()", 'fmt.Println("recovered", r)',
                               'panic(fmt.Sprint("again: ", r))'], "}()",
            'panic("first")']


def channel_misuse(p):
    kind = p.pick(["close closed", "close nil", "send closed"])
    if kind == "close closed":
        return ["ch := make(chan int, 1)", "close(ch)", "fmt.Println(<-ch)", "close(ch)"]
    if kind == "close nil":
        return ["var ch chan string", "fmt.Println(ch == nil)", "close(ch)"]
    return ["ch := make(chan int, 2)", "ch <- 1", "close(ch)", "fmt.Println(len(ch))", "ch <- 2"]


def deadlock(p):
    kind = p.pick(["recv", "send", "both"])
    if kind == "recv":
        return ["ch := make(chan int)", "fmt.Println(<-ch)"]
    if kind == "send":
        return ["ch := make(chan int, 1)", "ch <- 1", 'fmt.Println("one sent")', "ch <- 2"]
    return ["a, b := make(chan int), make(chan int)",
            "go func() { <-a; b <- 1 }()", "<-b"]


def goroutine_panic(p):
    return ["done := make(chan int)",
            "go func() {", ['fmt.Println("worker starts")', f"xs := []int{{{p.int(0, 9)}}}",
                            f"i := {p.int(1, 5)}", "done <- xs[i]"], "}()",
            "fmt.Println(<-done)"]


def negative_shift(p):
    return [f"s := {p.int(-5, -1)}", f"x := {p.int(1, 9)}", "fmt.Println(x << (s + 10))",
            "fmt.Println(x << s)"]


def os_exit(p):
    p.expect_status = p.int(0, 5)
    return [f"fmt.Print(\"exiting without newline\")", f"os.Exit({p.expect_status})"]


FAILURES = {"divide": divide, "index": index, "slicebounds": slice_bounds, "nilmap": nil_map,
            "nilderef": nil_deref, "panic": explicit, "repanic": repanic,
            "chanmisuse": channel_misuse, "deadlock": deadlock,
            "gopanic": goroutine_panic, "negshift": negative_shift, "exit": os_exit}


def failure(p, kind):
    p.expect_status = 2
    body = [f'fmt.Println("about to fail: {kind}")']
    if kind != "exit" and p.chance(0.5):
        body.append('defer fmt.Println("deferred print runs before the crash")')
    return p.func("fail", body + FAILURES[kind](p))

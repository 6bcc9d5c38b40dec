# test/difftest/genlib/strs.py: the strings section: concatenation, byte
# indexing, slicing (also through the middle of a UTF-8 sequence), len,
# range over UTF-8 (invalid bytes decode to U+FFFD), conversions to and from
# []byte and []rune, and the v1 functions of strings and strconv.
# Indices are reduced modulo len so every access is in range.

# Go source literals: ASCII, multi-byte UTF-8, escapes, NUL, invalid UTF-8.
STRINGS = [r'"hello"', r'"héllo wörld"', r'"世界"', r'"Go语言!"', r'"a\tb\\n"',
           r'"x\x00y"', r'"\xff\xfeA"', r'"emoji 🎉!"', r'""', r'"MixedCASE"',
           r'"  spaces  around "', r'"a,b,,c"', r'"ß straße"', r'"Ω≈ç√"',
           r'"abc"', r'"naïve café"', r'`raw\n`', r'"\u00e9\U0001F600"']
NUMBERS = [r'"123"', r'"-45"', r'"abc"', r'"99999999999999999999"', r'" 7"',
           r'"+8"', r'""', r'"0x1f"', r'"-9223372036854775808"', r'"1_000"']


def sec_strings(p):
    svars = []
    body = []
    for _ in range(p.int(2, 3)):
        n = p.name("s")
        body.append(f"{n} := {p.pick(STRINGS)}")
        body.append(f'fmt.Printf("%d %q\\n", len({n}), {n})')
        svars.append(n)
    ops = [op_concat, op_index, op_slice, op_range, op_convert, op_compare,
           op_funcs, op_builder, op_strconv, op_sprintf, op_bytes]
    for op in p.rng.sample(ops, p.int(4, 8)):
        body += op(p, svars)
    return p.func("strs", body)


def op_concat(p, sv):
    acc = p.name("acc")
    return [f'{acc} := ""',
            f"for i := 0; i < {p.int(2, 5)}; i++ {{",
            [f"{acc} += {p.pick(sv)} + strconv.Itoa(i) + {p.pick(sv)}[:len({p.pick(sv)})*0]"],
            "}",
            f"fmt.Println({acc}, len({acc}))"]


def op_index(p, sv):
    s = p.pick(sv)
    k = p.int(0, 1000)
    return [f"if len({s}) > 0 {{",
            [f"i := {k} % len({s})",
             f"b := {s}[i]",
             f'fmt.Println(i, b, string(b), b+{p.int(1, 255)}, {s}[len({s})-1], b == \'l\')',
             f'fmt.Printf("%c %x %d %v\\n", b, b, b-\'a\', {s}[0] < {s}[i])'],
            "}"]


def op_slice(p, sv):
    s = p.pick(sv)
    a, b = p.int(0, 50), p.int(0, 50)
    return [f"{{",
            [f"lo, hi := {a} % (len({s}) + 1), {b} % (len({s}) + 1)",
             "if lo > hi {", ["lo, hi = hi, lo"], "}",
             f"sub := {s}[lo:hi]",
             f'fmt.Printf("%q %d %q %q\\n", sub, len(sub), {s}[lo:], {s}[:hi])',
             "for _, r := range sub {", ['fmt.Print(r, " ")'], "}",
             "fmt.Println()"],
            "}"]


def op_range(p, sv):
    s = p.pick(sv)
    return [f"for i, r := range {s} {{",
            ['fmt.Printf("%d:%c(%d) ", i, r, r)'], "}",
            "fmt.Println()",
            "n := 0",
            f"for range {s} {{", ["n++"], "}",
            f"for i := range {s} {{", ["n += i"], "}",
            "fmt.Print(n, len(" + s + "), \"x\", 1, 2, \"y\", \"z\", 3.5, '\\n')",
            "fmt.Println()"]


def op_convert(p, sv):
    s = p.pick(sv)
    rs, bs = p.name("rs"), p.name("bs")
    return [f"{bs} := []byte({s})", f"{rs} := []rune({s})",
            f"fmt.Println(len({bs}), len({rs}), {bs}, {rs})",
            f"if len({rs}) > 0 {{", [f"{rs}[0] = {p.pick(['65', chr(39) + 'é' + chr(39), '0x4e16', '-1'])}"], "}",
            f"if len({bs}) > 0 {{", [f"{bs}[len({bs})-1] ^= {p.int(1, 255)}"], "}",
            f'fmt.Printf("%q %q %x % x\\n", string({rs}), string({bs}), {bs}, {s})',
            f"fmt.Println(string(rune({p.pick(['65', '0x4e16', '-5', '0x10ffff', '0xd800'])} + len({rs}))))"]


def op_compare(p, sv):
    a, b = p.pick(sv), p.pick(sv)
    return [f"fmt.Println({a} < {b}, {a} == {b}, {a} >= {b}, {a}+{b} == {b}+{a}, {a} + \"|\" + {b})"]


def op_funcs(p, sv):
    a, b = p.pick(sv), p.pick(sv)
    sub = p.pick(['"a"', '"l"', '""', '"é"', '","', '" "', '"世"'])
    return [f"fmt.Println(strings.Contains({a}, {sub}), strings.HasPrefix({a}, {b}), "
            f"strings.HasSuffix({a}, {sub}), strings.Index({a}, {sub}))",
            f"fmt.Println(strings.ToUpper({a}), strings.ToLower({b}), "
            f"strings.TrimSpace({a}) + \"|\")",
            f'fmt.Printf("%q %q\\n", strings.Fields({a}), strings.Split({a}, {sub}))',
            f'fmt.Println(strings.Join([]string{{{a}, {b}, "z"}}, {sub}), '
            f"strings.Repeat({b}, {p.int(0, 3)}), strings.Replace({a}, {sub}, \"_\", {p.pick([-1, 1, 2])}))"]


def op_builder(p, sv):
    sb = p.name("sb")
    return [f"var {sb} strings.Builder",
            f"for i := 0; i < {p.int(1, 4)}; i++ {{",
            [f"{sb}.WriteString({p.pick(sv)})", f"{sb}.WriteByte('0' + byte(i))",
             f"{sb}.WriteRune('{p.pick(['世', 'é', 'x', '🎉'])}')"],
            "}",
            f"fmt.Println({sb}.String(), {sb}.Len())"]


def op_strconv(p, sv):
    num = p.pick(NUMBERS)
    v = p.int(-100000, 100000)
    base = p.pick([2, 8, 10, 16, 36])
    return [f"if n, err := strconv.Atoi({num}); err != nil {{",
            ['fmt.Println("error:", err)'], "} else {", ["fmt.Println(n, n*2)"], "}",
            f"if n, err := strconv.ParseInt({p.pick(NUMBERS)}, {p.pick([0, 10, 16])}, 64); err == nil {{",
            ["fmt.Println(n)"], "} else {", ["fmt.Println(err)"], "}",
            f"fmt.Println(strconv.Itoa({v}), strconv.FormatInt({v}, {base}), "
            f"strconv.Quote({p.pick(sv)}))"]


def op_sprintf(p, sv):
    a, b = p.pick(sv), p.pick(sv)
    return [f'fmt.Printf("[%5s|%-6s|%q|%x|%.2s|%v|%s]\\n", {a}, {b}, {a}, {b}, {a}, {b}, {a})',
            f'msg := fmt.Sprintf("%d-%s-%t", len({a}), {b}, {a} == {b})',
            f"fmt.Println(msg, len(msg), fmt.Sprint({a}, 1, 2, {b}), fmt.Sprintln({a}, 3))"]


def op_bytes(p, sv):
    s = p.pick(sv)
    bs = p.name("buf")
    return [f"{bs} := make([]byte, 0, {p.int(0, 8)})",
            f"for i := 0; i < len({s}); i++ {{",
            [f"if {s}[i] >= 'a' && {s}[i] <= 'z' {{", [f"{bs} = append({bs}, {s}[i]-32)"],
             "} else {", [f"{bs} = append({bs}, {s}[i])"], "}"],
            "}",
            f"{bs} = append({bs}, \"!?\"...)",
            f"fmt.Println(string({bs}), len({bs}))"]

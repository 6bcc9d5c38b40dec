#!/usr/bin/env python3
"""bench/frontend/gen.py LINES > prog.mp: a deterministic MP program of about
LINES lines that is also a valid Go program (gofmt-clean, go vet-clean), for
bench/frontend/run.py.  It repeats one template of ordinary code -- a struct
type with methods, loops, switch, closures, maps, slices, channels, select,
constants, string and float work -- with the names numbered, so lexing,
parsing and type-checking see every common construct in realistic density."""
import sys

HEADER = """package main

import (
	"fmt"
	"strings"
)

const (
	kindA = iota
	kindB
	kindC
)
"""

UNIT = """
// shape{n} is one repetition of the benchmark's template.
type shape{n} struct {{
	name  string
	sides []int
	scale float64
	tags  map[string]int
}}

func newShape{n}(name string, sides ...int) *shape{n} {{
	return &shape{n}{{name: name, sides: sides, scale: 1.5, tags: map[string]int{{"id": {n}}}}}
}}

func (s *shape{n}) perimeter() int {{
	total := 0
	for _, side := range s.sides {{
		total += side
	}}
	return total
}}

func (s shape{n}) describe(kind int) string {{
	var b strings.Builder
	switch kind {{
	case kindA:
		b.WriteString("a:" + s.name)
	case kindB, kindC:
		b.WriteString(fmt.Sprintf("%s/%d", s.name, len(s.sides)))
	default:
		b.WriteString("?")
	}}
	return b.String()
}}

func work{n}(limit int) (int, error) {{
	sh := newShape{n}("s{n}", 1, 2, 3, limit%7)
	counts := make(map[int]int)
	acc := 0
	for i := 0; i < limit; i++ {{
		if i%3 == 0 && i != {n} {{
			counts[i%5]++
		}} else if i > 100 {{
			break
		}}
		acc += sh.perimeter() * (i << 1) / (i + 1)
	}}
	double := func(x float64) float64 {{ return x * sh.scale * 2.0 }}
	ch := make(chan int, 4)
	done := make(chan bool)
	go func() {{
		for v := range ch {{
			acc += v
		}}
		done <- true
	}}()
	for k, v := range counts {{
		select {{
		case ch <- k + v:
		default:
		}}
	}}
	close(ch)
	<-done
	if acc < 0 {{
		return 0, fmt.Errorf("negative %d", acc)
	}}
	words := strings.Fields(sh.describe(limit % 3))
	return acc + len(words) + int(double(0.25)), nil
}}
"""

FOOTER = """
func main() {{
	total := 0
{calls}	fmt.Println(total)
}}
"""


def main():
    lines = int(sys.argv[1]) if len(sys.argv) > 1 else 100000
    unit_lines = UNIT.count("\n")
    n = max(1, -(-(lines - HEADER.count("\n") - 5) // (unit_lines + 3)))
    out = [HEADER]
    for i in range(n):
        out.append(UNIT.format(n=i))
    calls = "".join(f"\tif v, err := work{i}({i % 50 + 3}); err == nil {{\n\t\ttotal += v\n\t}}\n"
                    for i in range(n))
    out.append(FOOTER.format(calls=calls))
    sys.stdout.write("".join(out))


if __name__ == "__main__":
    main()

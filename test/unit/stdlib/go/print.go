// Expected output of the print/println builtins for ../print_test.cpp:
// `go run print.go 2>&1` (Go's builtins write to stderr; MP's to stdout).
package main

import "math"

func main() {
	x := 0.0
	println(1.5, 100, -7, "str", true, false)
	println(1e100, -0.1, x, -x*1, 123456789.0, 1.0/3, 2.0/3, 9.9999999, 0.000001234)
	println(math.Inf(1), math.Inf(-1), math.NaN(), math.MaxFloat64, math.SmallestNonzeroFloat64)
	println(uint64(math.MaxUint64), int64(math.MinInt64))
	print("a", 1, 2, "b", 2.5, "\n")
	println()
	var p *int
	var m map[int]int
	println(p, m)
}

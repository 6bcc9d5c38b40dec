// fmt_prelude.go: the Go types and helpers behind ../fmt_cases.def (the
// C++ side is ../fmt_values.hpp).  update_cases.py appends a main() that
// prints every case, runs it with `go run`, and writes Go's output back
// into the .def file as the expected strings.
package main

import (
	"errors"
	"fmt"
	"math"
	"math/rand"
	"os"
	"sort"
	"strconv"
	"strings"
	"time"
)

type Point struct{ X, Y int }
type pair struct {
	a int
	b string
}
type Celsius float64

func (c Celsius) String() string { return fmt.Sprintf("%.1f°C", float64(c)) }

type MyErr struct{ Code int }

func (e *MyErr) Error() string { return fmt.Sprintf("code %d", e.Code) }

type Both int

func (b Both) String() string { return "string" }
func (b Both) Error() string  { return "error" }

type Name string
type Inner struct {
	P *Point
	E error
	C Celsius
	c Celsius
}

var (
	nilMap   map[string]int
	nilSlice []int
	nilPtr   *int
	nilChan  chan int
	nilFunc  func(int) string
	nilPoint *Point
	nilErr   *MyErr
	negZero  = math.Copysign(0, -1)
	pointOne = 0.1 // variables, so that 0.1+0.2 is not constant-folded
	pointTwo = 0.2
)

func emit(s string) { fmt.Printf("%x\n", s) }

var _ = errors.New
var _ = strconv.Itoa
var _ = strings.Repeat
var _ = os.Exit
var _ = sort.Ints
var _ = rand.Intn
var _ = time.Now

func atoi(s string) string {
	n, err := strconv.Atoi(s)
	return fmt.Sprint(n, " ", err, ";")
}

func parseInt(s string, base, bits int) string {
	n, err := strconv.ParseInt(s, base, bits)
	return fmt.Sprint(n, " ", err, ";")
}

func errAtoi(s string) error {
	_, err := strconv.Atoi(s)
	return err
}

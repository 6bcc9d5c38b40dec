// bufio_helpers.go: Go helpers behind ../bufio_cases.def, mirrored in
// ../bufio_test.cpp (which feeds the same bytes through a file).
package main

import (
	"bufio"
	"fmt"
	"strings"
)

// scanAll scans input with the given split (0 lines, 1 words, 2 runes)
// and reports the tokens, then Err.
func scanAll(input string, split int) string {
	s := bufio.NewScanner(strings.NewReader(input))
	switch split {
	case 1:
		s.Split(bufio.ScanWords)
	case 2:
		s.Split(bufio.ScanRunes)
	}
	var toks []string
	for s.Scan() {
		toks = append(toks, s.Text())
	}
	return fmt.Sprintf("%q %v %q", toks, s.Err(), s.Text())
}

// scanLong scans lines of the given lengths (each a run of 'x').
func scanLong(lens ...int) string {
	var b strings.Builder
	for _, n := range lens {
		b.WriteString(strings.Repeat("x", n))
		b.WriteByte('\n')
	}
	s := bufio.NewScanner(strings.NewReader(b.String()))
	out := ""
	for s.Scan() {
		out += fmt.Sprint(len(s.Text()), " ")
	}
	return out + fmt.Sprint(s.Err())
}

// readAll calls ReadString(delim) until it fails.
func readAll(input string, delim byte) string {
	r := bufio.NewReader(strings.NewReader(input))
	out := ""
	for {
		s, err := r.ReadString(delim)
		out += fmt.Sprintf("%q,%v;", s, err)
		if err != nil {
			return out
		}
	}
}

// countingWriter records how many bytes reached it after each call.
type countingWriter struct{ n int }

func (c *countingWriter) Write(p []byte) (int, error) { c.n += len(p); return len(p), nil }
func (c *countingWriter) WriteString(s string) (int, error) {
	c.n += len(s)
	return len(s), nil
}

// writerTrace writes strings of the given sizes (negative: a rune of
// that code point) and lists the bytes written through after each, then
// after Flush.
func writerTrace(ops ...int) string {
	c := &countingWriter{}
	w := bufio.NewWriter(c)
	out := ""
	for _, op := range ops {
		if op < 0 {
			w.WriteRune(rune(-op))
		} else {
			w.WriteString(strings.Repeat("y", op))
		}
		out += fmt.Sprint(c.n, ",", w.Buffered(), " ")
	}
	w.Flush()
	return out + fmt.Sprint(c.n)
}

// sort_helpers.go: Go helpers behind ../sort_cases.def, mirrored in
// ../sort_test.cpp.  Keys come from shapes that drive pdqsort down its
// different paths (insertion sort, ninther pivots, partial insertion sort,
// equal-run partitioning, pattern breaking); ties on the key make the
// final order depend on the exact sequence of swaps.
package main

import (
	"fmt"
	"math"
	"sort"
)

type person struct{ N, A int }

func shapeKeys(n, shape int) []int {
	keys := make([]int, n)
	x := uint64(42)
	for i := range keys {
		x = x*6364136223846793005 + 1442695040888963407
		switch shape {
		case 0: // random
			keys[i] = int(x >> 33)
		case 1: // ascending
			keys[i] = i
		case 2: // descending
			keys[i] = n - i
		case 3: // sawtooth
			keys[i] = i % 17
		case 4: // organ pipe
			if i < n/2 {
				keys[i] = i
			} else {
				keys[i] = n - i
			}
		case 5: // nearly sorted: every 97th element out of place
			keys[i] = i
			if i%97 == 50 {
				keys[i] = int(x>>33) % n
			}
		case 6: // ascending halves: unbalanced median-of-three pivots
			keys[i] = (i % (n / 2)) * 2
		}
	}
	return keys
}

// sortSliceShape sorts n persons by key%mod and fingerprints the order of
// their ids (or lists it when n is small).
func sortSliceShape(n, shape, mod int) string {
	keys := shapeKeys(n, shape)
	ps := make([]person, n)
	for i := range ps {
		ps[i] = person{i, keys[i] % mod}
	}
	sort.Slice(ps, func(i, j int) bool { return ps[i].A < ps[j].A })
	if n <= 20 {
		return fmt.Sprint(ps)
	}
	h := uint64(0)
	for i, p := range ps {
		if i > 0 && ps[i-1].A > p.A {
			return "not sorted"
		}
		h = h*1000003 + uint64(p.N)
	}
	return fmt.Sprint(h)
}

// sortZeros sorts n values, each 0, -0 or NaN (all "equal" to each other
// except NaN first), and fingerprints where the signs end up.
func sortZeros(n int) string {
	keys := shapeKeys(n, 0)
	xs := make([]float64, n)
	for i := range xs {
		switch keys[i] % 5 {
		case 0:
			xs[i] = math.NaN()
		case 1, 2:
			xs[i] = math.Copysign(0, -1)
		default:
			xs[i] = float64(keys[i]%3) * 0
		}
	}
	sort.Float64s(xs)
	h := uint64(0)
	for _, x := range xs {
		h *= 3
		if math.IsNaN(x) {
			h += 2
		} else if math.Signbit(x) {
			h++
		}
	}
	return fmt.Sprint(h)
}

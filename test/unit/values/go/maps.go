// Expected outputs for test/unit/values/map_test.cpp (go run maps.go).
package main

import (
	"fmt"
	"math"
)

type K struct {
	A string
	B int32
	_ int64
	C float64
}

func main() {
	m := map[float64]int{}
	m[0.0] = 1
	negz := math.Copysign(0, -1)
	m[negz] = 2
	fmt.Println(len(m), m, math.Signbit(func() float64 { for k := range m { return k }; return 1 }()))
	nan := math.NaN()
	m[nan] = 3
	m[nan] = 4
	_, ok := m[nan]
	fmt.Println(len(m), ok)
	n := 0
	for k, v := range m {
		if k != k {
			n += v
		}
	}
	fmt.Println(n)
	delete(m, nan)
	fmt.Println(len(m))

	sk := map[K]int{}
	sk[K{"a", 1, 0, 0}] = 1
	sk[K{"a", 1, 0, negz}] = 2
	sk[K{"a", 2, 0, 0}] = 3
	fmt.Println(len(sk), sk[K{"a", 1, 0, 0}])

	ik := map[interface{}]string{}
	ik[1] = "int"
	ik[int64(1)] = "int64"
	ik["1"] = "string"
	ik[nil] = "nil"
	fmt.Println(len(ik), ik[1], ik[int64(1)], ik[nil])
	func() {
		defer func() { fmt.Println(recover()) }()
		ik[[]int{1}] = "x"
	}()
	func() {
		defer func() { fmt.Println(recover()) }()
		_ = ik[map[string]int{}]
	}()
	func() {
		defer func() { fmt.Println(recover()) }()
		var a, b interface{} = []int{1}, []int{1}
		fmt.Println(a == b)
	}()
	func() {
		defer func() { fmt.Println(recover()) }()
		_ = make(map[int]int, func() int { return -1 }())
	}()
}

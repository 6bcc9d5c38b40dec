// Expected outputs for test/unit/values/string_test.cpp (go run strings.go).
package main

import "fmt"

func main() {
	// range over a string with invalid and truncated UTF-8
	s := "a\xffé\xe2\x82\xac\xed\xa0\x80z\xf0\x9f\x98\x80\xf0\x9f\x98"
	for i, r := range s {
		fmt.Printf("%d:%U ", i, r)
	}
	fmt.Println()
	fmt.Println(len([]rune(s)), []rune(s))
	for _, r := range []int64{65, 0xe9, 0x20ac, 0x1F600, -1, 0xD800, 0x110000, 0x10FFFF} {
		fmt.Printf("%q ", string(rune(r)))
	}
	fmt.Println()
	fmt.Printf("%q\n", string([]rune{0x48, -5, 0x4e16, 0xDFFF}))
	fmt.Println("abc" < "abd", "ab" < "abc", "b" < "abc", "" < "a", "\xff" > "a")
	for _, c := range [][2]int{{1, 5}, {4, 2}, {-1, 2}, {0, -1}} {
		func() {
			defer func() { fmt.Println(recover()) }()
			str := "abc"
			_ = str[c[0]:c[1]]
		}()
	}
	func() {
		defer func() { fmt.Println(recover()) }()
		str, i := "abc", 3
		_ = str[i]
	}()
	func() {
		defer func() { fmt.Println(recover()) }()
		str, i := "abc", -2
		_ = str[i]
	}()
}

func init() {
	// three-index slice messages used by ThreeIndexSliceMessages
	for _, c := range [][3]int{{0, 0, 7}, {0, 5, 3}, {2, 1, 3}} {
		func() {
			defer func() { fmt.Println(recover()) }()
			a := make([]int, 3, 4)
			_ = a[c[0]:c[1]:c[2]]
		}()
	}
}

// examples/go/boundedbuffer.go: the Go twin of examples/boundedbuffer.mp,
// used to produce examples/expected/boundedbuffer.out. Each boolean guard
// becomes Go's nil-channel idiom: a case whose guard is false gets a nil
// channel, which is never ready, exactly as a false guard disables a case.
package main

import "fmt"

func buffer(size int, in <-chan int, out chan<- int, level chan<- int) {
	var queue []int
	head := 0
	open := true
	for open || len(queue) > 0 {
		if len(queue) > 0 {
			head = queue[0]
		}
		inIf := in
		if !(open && len(queue) < size) {
			inIf = nil
		}
		outIf := out
		if !(len(queue) > 0) {
			outIf = nil
		}
		select {
		case v, ok := <-inIf:
			if !ok {
				open = false
				break
			}
			queue = append(queue, v)
		case outIf <- head:
			queue = queue[1:]
		case level <- len(queue):
		}
	}
	close(out)
}

func main() {
	const size = 3
	in := make(chan int)
	out := make(chan int)
	level := make(chan int)
	go buffer(size, in, out, level)

	for i := 1; i <= size; i++ {
		in <- i * 10
	}
	fmt.Println("buffered:", <-level)

	// Full: the buffer's receive case is disabled, so a send cannot
	// complete now and the non-blocking select takes its default.
	select {
	case in <- 0:
		fmt.Println("a send into a full buffer went through")
	default:
		fmt.Println("full: a fourth send would have to wait")
	}

	go func() {
		for i := size + 1; i <= 6; i++ {
			in <- i * 10
		}
		close(in)
	}()
	for v := range out {
		fmt.Println("got", v)
	}
	fmt.Println("buffer closed its output after draining")
}

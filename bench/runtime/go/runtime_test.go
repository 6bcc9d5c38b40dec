// bench/runtime/go/runtime_test.go: the Go equivalents of
// bench/runtime/runtime_bench.cpp, same operations and same shapes, for
// `go test -bench . -cpu 1,2` beside the MP runtime (make bench).
package mpbench

import (
	"os"
	"runtime"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
)

func residentBytes() int64 {
	b, err := os.ReadFile("/proc/self/statm")
	if err != nil {
		return 0
	}
	f := strings.Fields(string(b))
	pages, _ := strconv.ParseInt(f[1], 10, 64)
	return pages * int64(os.Getpagesize())
}

// Resident bytes per parked goroutine: 100,000 goroutines blocked on one
// channel.
func BenchmarkParkedGoroutineBytes(b *testing.B) {
	const n = 100000
	for i := 0; i < b.N; i++ {
		c := make(chan int)
		before := residentBytes()
		var started sync.WaitGroup
		started.Add(n)
		for k := 0; k < n; k++ {
			go func() { started.Done(); <-c }()
		}
		started.Wait()
		b.ReportMetric(float64(residentBytes()-before)/n, "bytes/goroutine")
		close(c)
	}
}

// Unbuffered ping-pong with an echo goroutine: one op = one round trip.
func BenchmarkChanRoundTrip(b *testing.B) {
	ping, pong := make(chan int), make(chan int)
	go func() {
		for v := range ping {
			pong <- v
		}
	}()
	v := 0
	for i := 0; i < b.N; i++ {
		ping <- v
		v = <-pong
	}
	close(ping)
}

// A producer fills a 128-slot channel, the benchmark drains it.
func BenchmarkChanBuffered(b *testing.B) {
	c := make(chan int, 128)
	n := b.N
	go func() {
		for i := 0; i < n; i++ {
			c <- i
		}
	}()
	for i := 0; i < b.N; i++ {
		<-c
	}
}

// A feeder sends on four unbuffered channels in turn; one op = one select.
func BenchmarkSelect4(b *testing.B) {
	var c [4]chan int
	for k := range c {
		c[k] = make(chan int)
	}
	n := b.N
	go func() {
		for i := 0; i < n; i++ {
			c[i&3] <- i
		}
	}()
	for i := 0; i < b.N; i++ {
		select {
		case <-c[0]:
		case <-c[1]:
		case <-c[2]:
		case <-c[3]:
		}
	}
}

// go f() of a function that only counts its exit: one op = one goroutine.
func BenchmarkSpawnExit(b *testing.B) {
	var exited int64
	for i := 0; i < b.N; i++ {
		go func() { atomic.AddInt64(&exited, 1) }()
	}
	for atomic.LoadInt64(&exited) < int64(b.N) {
		runtime.Gosched()
	}
}

// Thread ring of 503 goroutines, token sent in passes of 10,000 hops: one
// op = one hop.
func BenchmarkThreadRingHop(b *testing.B) {
	const ring = 503
	ch := make([]chan int, ring)
	for i := range ch {
		ch[i] = make(chan int)
	}
	done := make(chan int, 1)
	for i := 0; i < ring; i++ {
		in, out := ch[i], ch[(i+1)%ring]
		go func() {
			for v := range in {
				if v == 0 {
					done <- 0
				} else {
					out <- v - 1
				}
			}
		}()
	}
	pending := 0
	for i := 0; i < b.N; i++ {
		if pending == 0 {
			pending = 10000
			ch[0] <- pending
			<-done
		}
		pending--
	}
	for _, c := range ch {
		close(c)
	}
}

func skynet(out chan<- int, num, size int) {
	if size == 1 {
		out <- num
		return
	}
	c := make(chan int, 10)
	sub := size / 10
	for i := 0; i < 10; i++ {
		go skynet(c, num+i*sub, sub)
	}
	sum := 0
	for i := 0; i < 10; i++ {
		sum += <-c
	}
	out <- sum
}

// Skynet: 1,111,111 goroutines in a 10-ary tree.
func BenchmarkSkynet(b *testing.B) {
	for i := 0; i < b.N; i++ {
		out := make(chan int, 1)
		go skynet(out, 0, 1000000)
		if <-out != 499999500000 {
			b.Fatal("wrong skynet sum")
		}
	}
}

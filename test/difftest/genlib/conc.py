# test/difftest/genlib/conc.py: goroutines and channels whose output does
# not depend on scheduling: pipelines (one chain keeps order), worker pools
# and fan-in whose results are gathered by id or summed, ping-pong (each print
# happens-before the send that lets the other side print), select over
# channels made nil once closed, non-blocking select on known states, a
# Newsqueak prime sieve.  Timeouts only race a channel that is certainly
# ready or certainly never ready; a program using timers never deadlocks on
# purpose (Go does not report deadlock while a timer is pending).
from .control import int_fn


def sec_goroutines(p):
    temps = [pipeline, worker_pool, fan_in, mutex_counter, buffered, request_reply,
             ping_pong, broadcast, timeouts, semaphore, futures, sieve, select_queue]
    calls = [f"{t(p)}()" for t in p.rng.sample(temps, p.int(2, 4))]
    return p.func("goroutines", calls)


def pipeline(p):
    gen, stage = p.name("gen"), p.name("stage")
    p.decl(f"func {gen}(n int) <-chan int {{\n\tout := make(chan int)\n\tgo func() {{\n"
           "\t\tfor i := 0; i < n; i++ {\n\t\t\tout <- i\n\t\t}\n\t\tclose(out)\n\t}()\n\treturn out\n}")
    p.decl(f"func {stage}(in <-chan int, f func(int) int) <-chan int {{\n"
           f"\tout := make(chan int, {p.int(0, 3)})\n\tgo func() {{\n\t\tdefer close(out)\n"
           "\t\tfor v := range in {\n\t\t\tout <- f(v)\n\t\t}\n\t}()\n\treturn out\n}")
    src = f"{gen}({p.int(0, 12)})"
    for _ in range(p.int(1, 3)):
        src = f"{stage}({src}, func(x int) int {{ return {int_fn(p)} }})"
    return p.func("pipeline", ["total := 0",
                               f"for v := range {src} {{", ['fmt.Print(v, " ")', "total += v"], "}",
                               'fmt.Println("total", total)'])


def worker_pool(p):
    n, w = p.int(1, 20), p.int(1, 5)
    return p.func("workers", [
        "type job struct{ id, x int }",
        "type result struct{ id, y int }",
        f"jobs := make(chan job, {p.int(0, 4)})",
        f"results := make(chan result, {p.int(0, 4)})",
        "var wg sync.WaitGroup",
        f"for w := 0; w < {w}; w++ {{",
        ["wg.Add(1)", "go func() {",
         ["defer wg.Done()", "for j := range jobs {",
          ["x := j.x", f"results <- result{{j.id, {int_fn(p)}}}"], "}"], "}()"], "}",
        "go func() {",
        [f"for i := 0; i < {n}; i++ {{", [f"jobs <- job{{i, i*{p.int(1, 9)} - {p.int(0, 20)}}}"], "}",
         "close(jobs)"], "}()",
        "go func() {", ["wg.Wait()", "close(results)"], "}()",
        f"out := make([]int, {n})",
        "for r := range results {", ["out[r.id] = r.y"], "}",
        "fmt.Println(out)"])


def fan_in(p):
    n, m = p.int(0, 10), p.int(0, 6)
    return p.func("fanin", [
        f"a := make(chan int, {p.int(0, 2)})", f"b := make(chan string, {p.int(0, 2)})",
        f"go func() {{\n\t\tfor i := 0; i < {n}; i++ {{\n\t\t\ta <- i\n\t\t}}\n\t\tclose(a)\n\t}}()",
        f"go func() {{\n\t\tfor i := 0; i < {m}; i++ {{\n\t\t\tb <- fmt.Sprint(\"s\", i*i)\n\t\t}}\n\t\tclose(b)\n\t}}()",
        "sum, strs, last, ordered := 0, 0, -1, true",
        "for a != nil || b != nil {",
        ["select {",
         "case v, ok := <-a:",
         ["if !ok {", ["a = nil", "continue"], "}",
          "if v != last+1 {", ["ordered = false"], "}", "last = v", "sum += v"],
         "case s, ok := <-b:",
         ["if !ok {", ["b = nil", "continue"], "}", "strs += len(s)"],
         "}"], "}",
        "fmt.Println(sum, strs, last, ordered)"])


def mutex_counter(p):
    return p.func("mutex", [
        "var mu sync.Mutex", "var wg sync.WaitGroup", "counter := 0",
        f"for g := 0; g < {p.int(1, 8)}; g++ {{",
        ["wg.Add(1)", "go func(g int) {",
         ["defer wg.Done()", f"for k := 0; k < {p.int(1, 50)}; k++ {{",
          ["mu.Lock()", "counter += g*k + 1", "mu.Unlock()"], "}"], "}(g)"], "}",
        "wg.Wait()", "fmt.Println(counter)"])


def buffered(p):
    c = p.int(1, 5)
    return p.func("buffered", [
        f"ch := make(chan int, {c})",
        f"for i := 0; i < {c}; i++ {{", [f"ch <- i * {p.int(1, 9)}"], "}",
        "fmt.Println(len(ch), cap(ch))",
        "select {", "case ch <- 99:", ['fmt.Println("sent")'], "default:", ['fmt.Println("full")'], "}",
        "v := <-ch",
        "select {", "case ch <- 99:", ['fmt.Println("sent after receive")'],
        "default:", ['fmt.Println("still full")'], "}",
        "close(ch)",
        "for x := range ch {", ['fmt.Print(x, " ")'], "}",
        "x, ok := <-ch",
        "fmt.Println(v, x, ok, len(ch))",
        "var nilch chan int",
        "select {", "case v := <-nilch:", ["fmt.Println(v)"],
        "default:", ['fmt.Println("nil channel never ready", nilch == nil)'], "}",
        "done := make(chan struct{})",
        "close(done)",
        "_, open := <-done",
        "fmt.Println(open)"])


def request_reply(p):
    return p.func("reqreply", [
        "type req struct {", ["n     int", "reply chan int"], "}",
        "reqs := make(chan req)",
        "go func() {", ["for r := range reqs {", ["x := r.n", f"r.reply <- {int_fn(p)}"], "}"], "}()",
        f"for i := 0; i < {p.int(1, 8)}; i++ {{",
        ["rc := make(chan int)", "reqs <- req{i, rc}", 'fmt.Print(<-rc, " ")'], "}",
        "close(reqs)", "fmt.Println()"])


def ping_pong(p):
    return p.func("pingpong", [
        "ping, pong, done := make(chan int), make(chan int), make(chan bool)",
        "go func() {",
        ["for v := range ping {", ['fmt.Println("pong got", v)', f"pong <- v*{p.int(2, 3)} - 1"], "}",
         "done <- true"], "}()",
        f"v := {p.int(0, 5)}",
        f"for i := 0; i < {p.int(1, 6)}; i++ {{", ["ping <- v", "v = <-pong", 'fmt.Println("main got", v)'], "}",
        "close(ping)", "fmt.Println(<-done)"])


def broadcast(p):
    g = p.int(1, 8)
    return p.func("broadcast", [
        "start := make(chan struct{})", f"out := make(chan int, {p.int(0, g)})",
        f"for g := 0; g < {g}; g++ {{",
        ["go func(id int) {", ["<-start", "out <- id*id"], "}(g)"], "}",
        "close(start)", "var got []int",
        f"for i := 0; i < {g}; i++ {{", ["got = append(got, <-out)"], "}",
        "sort.Ints(got)", "fmt.Println(got)"])


def timeouts(p):
    p.timers = True
    return p.func("timeouts", [
        "c := make(chan int, 1)", f"c <- {p.int(0, 9)}",
        "select {", "case v := <-c:", ['fmt.Println("value", v)'],
        "case <-time.After(time.Hour):", ['fmt.Println("timeout")'], "}",
        "select {", "case v := <-c:", ['fmt.Println("value", v)'],
        f"case <-time.After({p.int(1, 3)} * time.Millisecond):", ['fmt.Println("timed out")'], "}",
        "var never chan int",
        "select {", "case <-never:", ['fmt.Println("impossible")'],
        "case <-time.After(time.Millisecond):", ['fmt.Println("nil channel: timeout")'], "}",
        f"d := {p.int(1, 90)} * time.Second",
        "fmt.Println(d, d.Seconds(), d.Milliseconds(), time.Duration(1500)*time.Microsecond)"])


def semaphore(p):
    n = p.int(1, 10)
    return p.func("semaphore", [
        f"sem := make(chan struct{{}}, {p.int(1, 3)})", f"res := make([]int, {n})",
        "var wg sync.WaitGroup",
        f"for i := 0; i < {n}; i++ {{",
        ["wg.Add(1)", "go func(x int) {",
         ["defer wg.Done()", "sem <- struct{}{}", f"res[x] = {int_fn(p)}", "<-sem"], "}(i)"], "}",
        "wg.Wait()", "fmt.Println(res)"])


def futures(p):
    return p.func("futures", [
        f"futs := make([]chan int, {p.int(1, 8)})",
        "for i := range futs {",
        ["futs[i] = make(chan int, 1)",
         f"go func(x int, c chan<- int) {{ c <- {int_fn(p)} }}(i, futs[i])"], "}",
        "for _, f := range futs {", ['fmt.Print(<-f, " ")'], "}",
        "fmt.Println(len(futs))"])


def sieve(p):
    gen, filt = p.name("numbers"), p.name("filter")
    p.decl(f"func {gen}(ch chan<- int) {{\n\tfor i := 2; ; i++ {{\n\t\tch <- i\n\t}}\n}}")
    p.decl(f"func {filt}(in <-chan int, out chan<- int, prime int) {{\n\tfor {{\n"
           "\t\ti := <-in\n\t\tif i%prime != 0 {\n\t\t\tout <- i\n\t\t}\n\t}\n}")
    return p.func("sieve", [
        "ch := make(chan int)", f"go {gen}(ch)",
        f"for i := 0; i < {p.int(1, 15)}; i++ {{",
        ["prime := <-ch", 'fmt.Print(prime, " ")', "ch1 := make(chan int)",
         f"go {filt}(ch, ch1, prime)", "ch = ch1"], "}",
        "fmt.Println()"])


def select_queue(p):
    return p.func("selqueue", [
        "in, out, done := make(chan int), make(chan int), make(chan int)",
        f"go func() {{\n\t\tfor i := 0; i < {p.int(0, 10)}; i++ {{\n\t\t\tin <- i\n\t\t}}\n\t\tclose(in)\n\t}}()",
        "go func() {",
        ["s := 0", "for v := range out {", ['fmt.Print(v, " ")', "s += v"], "}", "done <- s"], "}()",
        "var queue []int",
        "for in != nil || len(queue) > 0 {",
        ["var send chan int", "next := 0",
         "if len(queue) > 0 {", ["send = out", "next = queue[0]"], "}",
         "select {",
         "case v, ok := <-in:",
         ["if !ok {", ["in = nil"], "} else {", [f"queue = append(queue, v*{p.int(1, 9)})"], "}"],
         "case send <- next:", ["queue = queue[1:]"],
         "}"], "}",
        "close(out)", 'fmt.Println("sum", <-done)'])

/* runtime/context_x86_64.S: goroutine context switch and mp_morestack.
 * Hand-written rather than Boost.Context's jump_fcontext: it saves only the
 * six callee-saved registers (no MXCSR/x87 control word, which MP code
 * never changes) and needs no transfer record.
 *
 * It resumes with `ret`, not `pop; jmp *reg`.  Every switch in the runtime
 * goes through the one call in switchTo (sched.cpp), so the resumed side's
 * return address is that call site and the return-stack predictor, which
 * holds the same address, predicts it; the callers above it then return
 * through the predictor as usual.  A `jmp` left the call's predictor entry
 * unpopped, so every return after a switch was mispredicted: measured in
 * bench/runtime (CPU time, MPPROCS=1, same run), thread-ring hop 43-54 ns
 * with jmp vs 31-40 ns with ret.  A bare switch pair that never returns
 * looks cheaper with jmp (4.5 vs 17 ns), which is why the benchmark
 * switches through one shared call site, as the runtime does. */
        .text

/* void mp_ctx_switch(void **save_sp, void *new_sp) */
        .globl  mp_ctx_switch
        .type   mp_ctx_switch, @function
        .p2align 4
mp_ctx_switch:
        pushq   %rbp
        pushq   %rbx
        pushq   %r12
        pushq   %r13
        pushq   %r14
        pushq   %r15
        movq    %rsp, (%rdi)
        movq    %rsi, %rsp
        popq    %r15
        popq    %r14
        popq    %r13
        popq    %r12
        popq    %rbx
        popq    %rbp
        ret
        .size   mp_ctx_switch, .-mp_ctx_switch

/* First frame of a new context: r12 = entry(G*), r13 = the G. */
        .globl  mp_ctx_entry
        .type   mp_ctx_entry, @function
        .p2align 4
mp_ctx_entry:
        movq    %r13, %rdi
        xorl    %ebp, %ebp
        callq   *%r12
        ud2
        .size   mp_ctx_entry, .-mp_ctx_entry

/* mp_morestack: the slow path of the stack check codegen puts at the entry
 * of MP functions (codegen/stack_check.cpp):
 *         cmpq    %fs:0x70, %rsp            (or %rsp - frame, in %r11)
 *         jbe     cold
 *   cold: leaq    -frame(%rsp), %r11
 *         leaq    -128(%rsp), %rsp          (step over the SysV red zone)
 *         callq   mp_morestack
 *         leaq    128(%rsp), %rsp
 * The call is inline asm, not an LLVM call, so the function needs no frame
 * to make it and LLVM can shrink-wrap the prologue past the check; in
 * exchange the trampoline preserves every register but %r11 and the flags.
 * %r11 holds the stack pointer the check compared, %r10 the function's
 * `const mp_srcpos *` (or NULL: then the report looks the return address
 * up in mp_register_funcs's table).  mp_morestack_slow
 * (sched.cpp) yields if the limit is the preemption poison, then reports
 * `fatal error: stack overflow` (on the red zone kept below the limit) if
 * %r11 is still at or below the limit.
 * mp_preempt_asm: the same for loop back-edge polls (`cmpq $-1, %fs:0x70;
 * je cold`): %r11 = all ones, so it only yields. */
        .globl  mp_morestack
        .globl  mp_preempt_asm
        .type   mp_morestack, @function
        .type   mp_preempt_asm, @function
        .p2align 4
mp_preempt_asm:
        movq    $-1, %r11
mp_morestack:
        pushq   %rbp
        movq    %rsp, %rbp
        subq    $336, %rsp
        andq    $-16, %rsp
        movq    %rdi, 0(%rsp)
        movq    %rsi, 8(%rsp)
        movq    %rdx, 16(%rsp)
        movq    %rcx, 24(%rsp)
        movq    %r8, 32(%rsp)
        movq    %r9, 40(%rsp)
        movq    %rax, 48(%rsp)
        movq    %r10, 56(%rsp)
        movdqa  %xmm0, 64(%rsp)
        movdqa  %xmm1, 80(%rsp)
        movdqa  %xmm2, 96(%rsp)
        movdqa  %xmm3, 112(%rsp)
        movdqa  %xmm4, 128(%rsp)
        movdqa  %xmm5, 144(%rsp)
        movdqa  %xmm6, 160(%rsp)
        movdqa  %xmm7, 176(%rsp)
        movdqa  %xmm8, 192(%rsp)
        movdqa  %xmm9, 208(%rsp)
        movdqa  %xmm10, 224(%rsp)
        movdqa  %xmm11, 240(%rsp)
        movdqa  %xmm12, 256(%rsp)
        movdqa  %xmm13, 272(%rsp)
        movdqa  %xmm14, 288(%rsp)
        movdqa  %xmm15, 304(%rsp)
        movq    8(%rbp), %rdi       /* return address: inside the function */
        movq    %r11, %rsi
        movq    %r10, %rdx
        callq   mp_morestack_slow
        movq    0(%rsp), %rdi
        movq    8(%rsp), %rsi
        movq    16(%rsp), %rdx
        movq    24(%rsp), %rcx
        movq    32(%rsp), %r8
        movq    40(%rsp), %r9
        movq    48(%rsp), %rax
        movq    56(%rsp), %r10
        movdqa  64(%rsp), %xmm0
        movdqa  80(%rsp), %xmm1
        movdqa  96(%rsp), %xmm2
        movdqa  112(%rsp), %xmm3
        movdqa  128(%rsp), %xmm4
        movdqa  144(%rsp), %xmm5
        movdqa  160(%rsp), %xmm6
        movdqa  176(%rsp), %xmm7
        movdqa  192(%rsp), %xmm8
        movdqa  208(%rsp), %xmm9
        movdqa  224(%rsp), %xmm10
        movdqa  240(%rsp), %xmm11
        movdqa  256(%rsp), %xmm12
        movdqa  272(%rsp), %xmm13
        movdqa  288(%rsp), %xmm14
        movdqa  304(%rsp), %xmm15
        movq    %rbp, %rsp
        popq    %rbp
        ret
        .size   mp_morestack, .-mp_morestack
        .size   mp_preempt_asm, .-mp_preempt_asm

        .section .note.GNU-stack,"",@progbits

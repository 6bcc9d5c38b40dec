/* runtime/context_x86_64.S: goroutine context switch and __morestack.
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

/* __morestack: called by an LLVM split-stack prologue when %rsp (minus the
 * frame) is below the limit at %fs:0x70.  Stacks never grow: if the limit
 * is the preemption poison, yield and re-run the function (return to the
 * byte after the prologue's `ret`); otherwise report the overflow, on the
 * red zone kept below the limit. */
        .globl  __morestack
        .globl  __morestack_non_split
        .type   __morestack, @function
        .p2align 4
__morestack:
__morestack_non_split:
        cmpq    $-1, %fs:0x70
        jne     1f
        /* Preempted: save argument registers around the yield. */
        pushq   %rbp
        movq    %rsp, %rbp
        subq    $192, %rsp
        andq    $-16, %rsp
        movq    %rdi, 0(%rsp)
        movq    %rsi, 8(%rsp)
        movq    %rdx, 16(%rsp)
        movq    %rcx, 24(%rsp)
        movq    %r8, 32(%rsp)
        movq    %r9, 40(%rsp)
        movq    %rax, 48(%rsp)
        movdqa  %xmm0, 64(%rsp)
        movdqa  %xmm1, 80(%rsp)
        movdqa  %xmm2, 96(%rsp)
        movdqa  %xmm3, 112(%rsp)
        movdqa  %xmm4, 128(%rsp)
        movdqa  %xmm5, 144(%rsp)
        movdqa  %xmm6, 160(%rsp)
        movdqa  %xmm7, 176(%rsp)
        callq   mp_preempt
        movq    0(%rsp), %rdi
        movq    8(%rsp), %rsi
        movq    16(%rsp), %rdx
        movq    24(%rsp), %rcx
        movq    32(%rsp), %r8
        movq    40(%rsp), %r9
        movq    48(%rsp), %rax
        movdqa  64(%rsp), %xmm0
        movdqa  80(%rsp), %xmm1
        movdqa  96(%rsp), %xmm2
        movdqa  112(%rsp), %xmm3
        movdqa  128(%rsp), %xmm4
        movdqa  144(%rsp), %xmm5
        movdqa  160(%rsp), %xmm6
        movdqa  176(%rsp), %xmm7
        movq    %rbp, %rsp
        popq    %rbp
        addq    $1, (%rsp)          /* skip the prologue's `ret` */
        ret
1:      movq    (%rsp), %rdi        /* return address: inside the function */
        andq    $-16, %rsp
        callq   mp_stack_overflow
        ud2
        .size   __morestack, .-__morestack

        .section .note.GNU-stack,"",@progbits

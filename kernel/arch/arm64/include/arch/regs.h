/* SPDX-License-Identifier: MIT */
/*
 * Register state saved on the kernel stack on every entry from EL0
 * (struct trap_frame), and the callee-saved state kept across a kernel
 * context switch (struct kctx).  vectors.S and switch.S hard-code the
 * offsets checked below.
 */
#ifndef ARCH_REGS_H
#define ARCH_REGS_H

#define TF_SIZE 272
#define TF_SP 248
#define TF_PC 256
#define TF_PSTATE 264

#define KCTX_SIZE 104

#ifndef __ASSEMBLER__
#include <stddef.h>

struct trap_frame {
	unsigned long x[31];
	unsigned long sp;     /* SP_EL0 */
	unsigned long pc;     /* ELR_EL2 */
	unsigned long pstate; /* SPSR_EL2 */
};

/* x19..x29, lr, sp: what a C function must find intact after switch_to(). */
struct kctx {
	unsigned long x19_x29[11];
	unsigned long lr;
	unsigned long sp;
};

/* User FP/SIMD state, switched eagerly with the thread. */
struct fpu_state {
	__uint128_t q[32];
	unsigned long fpcr, fpsr;
};

_Static_assert(sizeof(struct trap_frame) == TF_SIZE, "trap frame layout");
_Static_assert(offsetof(struct trap_frame, sp) == TF_SP, "trap frame sp");
_Static_assert(offsetof(struct trap_frame, pc) == TF_PC, "trap frame pc");
_Static_assert(offsetof(struct trap_frame, pstate) == TF_PSTATE, "trap frame pstate");
_Static_assert(sizeof(struct kctx) == KCTX_SIZE, "kctx layout");

/* PSTATE for a fresh EL0 thread: AArch64 EL0t, interrupts unmasked. */
#define PSTATE_EL0 0x0UL

void switch_to(struct kctx *prev, struct kctx *next);
void fpu_save(struct fpu_state *st);
void fpu_restore(const struct fpu_state *st);
void ret_to_user(void) __attribute__((noreturn));
#endif

#endif

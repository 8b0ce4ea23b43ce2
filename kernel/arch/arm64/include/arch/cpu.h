/* SPDX-License-Identifier: MIT */
/* CPU state changes the generic kernel asks for. */
#ifndef ARCH_CPU_H
#define ARCH_CPU_H

#include <types.h>

struct thread;

void cpu_init(void);
/* Switch the user-visible CPU state (FPU, TLS, UTCB pointer, address space). */
void cpu_switch_prepare(struct thread *prev, struct thread *next);
/* t used FP/SIMD while the registers held another thread's state. */
void fpu_trap(struct thread *t);
/* t is destroyed: forget any CPU state it owns. */
void cpu_thread_gone(struct thread *t);
/* Idle until an interrupt has been handled. */
void cpu_idle_wait(void);
/* Prepare a fresh thread's kernel context so that it enters user mode. */
void cpu_thread_init(struct thread *t);
/* Stop the machine; under QEMU with -semihosting the exit code reaches the host. */
void cpu_exit(int code) __attribute__((noreturn));

#endif

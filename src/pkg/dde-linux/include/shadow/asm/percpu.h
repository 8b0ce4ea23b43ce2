/* SPDX-License-Identifier: MIT */
/*
 * Shadow of arch/arm64/include/asm/percpu.h for dde-linux: the kernel
 * finds this CPU's per-CPU area through TPIDR_EL1 (or _EL2), which user
 * code cannot read (the mrs traps).  A driver server has one "CPU" whose
 * per-CPU variables are the ones the image defines (DEFINE_PER_CPU puts
 * them into ordinary data), so the offset is 0.  Everything else is
 * Linux's header; the offset macro is only expanded where per-CPU data
 * is used, after this point.
 */
#ifndef DDE_SHADOW_ASM_PERCPU_H
#define DDE_SHADOW_ASM_PERCPU_H

#include_next <asm/percpu.h>

#undef __my_cpu_offset
#define __my_cpu_offset 0UL

#endif

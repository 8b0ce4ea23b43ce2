/* SPDX-License-Identifier: MIT */
/*
 * l4re-libc: crt1.o, the program entry.  musl's own _start (its
 * crt_arch.h, included from musl's tree) aligns the stack and calls
 * _start_c with the initial stack pointer; ours first initialises the L4Re
 * backend (finding l4re_env_t through AT_L4_ENV in the auxiliary vector) and
 * only then enters musl's __libc_start_main.  Doing it here, not lazily in
 * the first system call, means the L4Re environment (l4re_env(), file
 * descriptors 0-2, the futex doorbell of the main thread) is ready before
 * any musl code runs, whatever that code does first; musl runs no
 * .preinit_array, so this is the earliest hook there is.
 */
#include <features.h>
#include "libc.h"

#define START "_start"

#include "crt_arch.h"

int main();
weak void _init();
weak void _fini();
int __libc_start_main(int (*)(), int, char **, void (*)(), void (*)(), void (*)());
void __l4re_libc_init(long *sp);

void _start_c(long *p)
{
	int argc = p[0];
	char **argv = (void *)(p + 1);

	__l4re_libc_init(p);
	__libc_start_main(main, argc, argv, _init, _fini, 0);
}

// SPDX-License-Identifier: MIT
/*
 * l4re-libc backend: start-up.  crt1.o (overlay/crt/aarch64/crt1.c) calls
 * __l4re_libc_init with the initial stack pointer before musl's
 * __libc_start_main runs, so that the L4Re environment is set up before
 * musl's first system call (set_tid_address, poll of fds 0-2, maybe mmap
 * for TLS).  The stack is System V shaped (docs/runtime.md): argc, argv,
 * NULL, envp, NULL, auxv pairs; AT_L4_ENV in auxv points at l4re_env_t.
 * Without it there is no way to talk to anybody, so we stop the thread.
 */
#include <l4/re/c/util/cap_alloc.h>
#include <l4/re/l4aux.h>
#include <l4/sys/ipc.h>
#include <l4/sys/task.h>

#include "backend.h"
#include "lock.h"

l4re_env_t *__l4libc_env;

static struct __l4libc_lock cap_lock;

l4_cap_idx_t __l4libc_cap_alloc(void)
{
	l4_cap_idx_t c;

	__l4libc_lock(&cap_lock);
	c = l4re_util_cap_alloc();
	__l4libc_unlock(&cap_lock);
	return c;
}

void __l4libc_cap_free(l4_cap_idx_t cap)
{
	__l4libc_lock(&cap_lock);
	l4re_util_cap_free(cap);
	__l4libc_unlock(&cap_lock);
}

void __l4libc_cap_release(l4_cap_idx_t cap)
{
	__l4libc_lock(&cap_lock);
	l4re_util_cap_free_um(cap);
	__l4libc_unlock(&cap_lock);
}

void __l4re_libc_init(long *sp)
{
	long argc = sp[0];
	char **argv = (char **)(sp + 1);

	if (l4re_env_init_argv(argc, argv) < 0 || !l4re_env()) {
		/* No environment: no log, no parent.  Nothing sensible is left. */
		for (;;)
			l4_ipc_sleep(L4_IPC_NEVER);
	}
	__l4libc_env = l4re_env();
	__l4libc_thread_init_main();
	__l4libc_console_init();
	__l4libc_rom_init();
	__l4libc_fsclient_init();
}

/* SPDX-License-Identifier: MIT */
/*
 * l4re-libc: the system-call layer musl compiles against, replacing musl's
 * arch/aarch64/syscall_arch.h (which issues `svc 0`, the Linux trap).  On
 * L4ReC `svc` is the L4 IPC entry, so every musl "system call" becomes an
 * ordinary function call into the L4Re backend instead, which dispatches on
 * the Linux AArch64 system-call number (backend/syscall.c).  Unused
 * arguments are passed as 0 so the backend has one fixed signature.
 *
 * No VDSO_* macros: there is no vDSO, clock_gettime goes to the backend.
 */

#define __SYSCALL_LL_E(x) (x)
#define __SYSCALL_LL_O(x) (x)

long __l4re_syscall(long n, long a, long b, long c, long d, long e, long f);

static inline long __syscall0(long n)
{
	return __l4re_syscall(n, 0, 0, 0, 0, 0, 0);
}

static inline long __syscall1(long n, long a)
{
	return __l4re_syscall(n, a, 0, 0, 0, 0, 0);
}

static inline long __syscall2(long n, long a, long b)
{
	return __l4re_syscall(n, a, b, 0, 0, 0, 0);
}

static inline long __syscall3(long n, long a, long b, long c)
{
	return __l4re_syscall(n, a, b, c, 0, 0, 0);
}

static inline long __syscall4(long n, long a, long b, long c, long d)
{
	return __l4re_syscall(n, a, b, c, d, 0, 0);
}

static inline long __syscall5(long n, long a, long b, long c, long d, long e)
{
	return __l4re_syscall(n, a, b, c, d, e, 0);
}

static inline long __syscall6(long n, long a, long b, long c, long d, long e, long f)
{
	return __l4re_syscall(n, a, b, c, d, e, f);
}

#define IPC_64 0

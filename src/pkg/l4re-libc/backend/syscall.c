// SPDX-License-Identifier: MIT
/*
 * l4re-libc backend: the system-call dispatcher.  musl's every system call
 * ends here (overlay/syscall_arch.h) with the Linux AArch64 number and up to
 * six arguments; we serve what a program needs on L4Re and answer -ENOSYS
 * to everything else, so an unserved call is an error the program sees,
 * never a crash.  Calls that only make sense with signals or credentials
 * succeed trivially (no signals are ever delivered, everybody is root).
 */
#include <errno.h>
#include <signal.h>
#include <string.h>
#include <sys/syscall.h>
#include <sys/utsname.h>

#include <l4/sys/thread.h>

#include "backend.h"

static long sys_uname(struct utsname *u)
{
	memset(u, 0, sizeof(*u));
	strcpy(u->sysname, "L4Re");
	strcpy(u->nodename, "l4rec");
	strcpy(u->release, "1");
	strcpy(u->version, "L4ReC");
	strcpy(u->machine, "aarch64");
	return 0;
}

/* old: the kernel's struct k_sigaction, 3 words and a mask of size bytes. */
static long sys_sigaction(int sig, const void *act, void *old, size_t size)
{
	(void)act;
	if (sig <= 0 || sig >= _NSIG)
		return -EINVAL;
	/* Nothing is ever delivered, so every handler stays "default". */
	if (old)
		memset(old, 0, 3 * sizeof(long) + size);
	return 0;
}

/*
 * A signal sent to ourselves (raise, abort): nothing can catch it, so it
 * does what the default action of nearly every signal does, end the
 * process, with the shell's convention 128 + signal as the status.
 */
static long sys_kill_self(int sig)
{
	if (sig < 0 || sig >= _NSIG)
		return -EINVAL;
	if (sig == 0 || sig == SIGCHLD || sig == SIGURG || sig == SIGWINCH || sig == SIGCONT)
		return 0;
	__l4libc_exit_group(128 + sig);
}

static long sys_sigprocmask(int how, const void *set, unsigned long *old, size_t size)
{
	(void)how;
	(void)set;
	if (old)
		memset(old, 0, size < sizeof(*old) ? size : sizeof(*old));
	return 0;
}

long __l4re_syscall(long n, long a, long b, long c, long d, long e, long f)
{
	switch (n) {
	/* files: vfs.c */
	case SYS_openat:
		return __l4libc_sys_openat(a, (const char *)b, c, d);
	case SYS_close:
		return __l4libc_sys_close(a);
	case SYS_read:
		return __l4libc_sys_read(a, (void *)b, c);
	case SYS_write:
		return __l4libc_sys_write(a, (const void *)b, c);
	case SYS_readv:
		return __l4libc_sys_readv(a, (const struct iovec *)b, c);
	case SYS_writev:
		return __l4libc_sys_writev(a, (const struct iovec *)b, c);
	case SYS_pread64:
		return __l4libc_sys_pread(a, (void *)b, c, d);
	case SYS_lseek:
		return __l4libc_sys_lseek(a, b, c);
	case SYS_fstat:
		return __l4libc_sys_fstat(a, (struct stat *)b);
	case SYS_newfstatat:
		return __l4libc_sys_fstatat(a, (const char *)b, (struct stat *)c, d);
	case SYS_ioctl:
		return __l4libc_sys_ioctl(a, b, (void *)c);
	case SYS_fcntl:
		return __l4libc_sys_fcntl(a, b, c);
	case SYS_dup:
		return __l4libc_sys_dup3(a, -1, 0);
	case SYS_dup3:
		return __l4libc_sys_dup3(a, b, c);
	case SYS_ppoll:
		return __l4libc_sys_ppoll((struct pollfd *)a, b);
	case SYS_pwrite64:
		return __l4libc_sys_pwrite(a, (const void *)b, c, d);
	case SYS_getdents64: /* file_dir.c */
		return __l4libc_sys_getdents(a, (void *)b, c);
	case SYS_mkdirat:
		return __l4libc_sys_mkdirat(a, (const char *)b, c);
	case SYS_unlinkat:
		return __l4libc_sys_unlinkat(a, (const char *)b, c);
	case SYS_renameat:
		return __l4libc_sys_renameat(a, (const char *)b, c, (const char *)d, 0);
	case SYS_renameat2:
		return __l4libc_sys_renameat(a, (const char *)b, c, (const char *)d, e);
	case SYS_fsync:
	case SYS_fdatasync:
		return __l4libc_sys_fsync(a);
	case SYS_ftruncate:
		return __l4libc_sys_ftruncate(a, b);

	/* memory: mem.c */
	case SYS_brk:
		return 0; /* no heap segment: musl's malloc falls back to mmap */
	case SYS_mmap:
		return __l4libc_sys_mmap((void *)a, b, c, d, e, f);
	case SYS_munmap:
		return __l4libc_sys_munmap((void *)a, b);
	case SYS_mremap:
		return -ENOMEM; /* realloc then allocates, copies and frees */
	case SYS_madvise:
	case SYS_mprotect: /* anonymous memory is always read-write */
		return 0;

	/* time: time.c */
	case SYS_clock_gettime:
		return __l4libc_sys_clock_gettime(a, (struct timespec *)b);
	case SYS_clock_getres:
		return __l4libc_sys_clock_getres(a, (struct timespec *)b);
	case SYS_nanosleep:
		return __l4libc_sys_nanosleep((const struct timespec *)a, (struct timespec *)b);
	case SYS_clock_nanosleep:
		return __l4libc_sys_clock_nanosleep(a, b, (const struct timespec *)c,
						    (struct timespec *)d);
	case SYS_getrandom:
		return __l4libc_sys_getrandom((void *)a, b, c);

	/* threads and processes: thread.c, futex.c, process.c */
	case SYS_gettid:
		return __l4libc_sys_gettid();
	case SYS_set_tid_address:
		return __l4libc_sys_set_tid_address((int *)a);
	case SYS_futex:
		return __l4libc_sys_futex((int *)a, b, c, (const struct timespec *)d, (int *)e, f);
	case SYS_exit:
		__l4libc_thread_exit();
	case SYS_exit_group:
		__l4libc_exit_group(a);
	case SYS_getpid:
	case SYS_getppid:
		return n == SYS_getpid ? L4LIBC_PID : 0;
	case SYS_getuid:
	case SYS_geteuid:
	case SYS_getgid:
	case SYS_getegid:
		return 0;
	case SYS_sched_yield:
		l4_thread_yield();
		return 0;
	case SYS_uname:
		return sys_uname((struct utsname *)a);
	case SYS_rt_sigaction:
		return sys_sigaction(a, (const void *)b, (void *)c, d);
	case SYS_rt_sigprocmask:
		return sys_sigprocmask(a, (const void *)b, (unsigned long *)c, d);
	case SYS_kill:
		return a == L4LIBC_PID ? sys_kill_self(b) : -ESRCH;
	case SYS_tkill:
		return sys_kill_self(b);
	case SYS_tgkill:
		return a == L4LIBC_PID ? sys_kill_self(c) : -ESRCH;
	case SYS_set_robust_list:
	case SYS_membarrier:
		return 0;
	default:
		return -ENOSYS;
	}
}

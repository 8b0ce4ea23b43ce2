/* SPDX-License-Identifier: MIT */
/*
 * l4re-libc backend: what its files share.  musl calls __l4re_syscall(n,
 * a..f) with a Linux AArch64 system-call number (overlay/syscall_arch.h);
 * syscall.c dispatches to the handlers declared here, each returning the
 * result or a negative errno value, exactly like the Linux kernel would.
 * Everything here runs in the calling thread: there is no server thread.
 */
#ifndef L4RE_LIBC_BACKEND_H
#define L4RE_LIBC_BACKEND_H

#include <stddef.h>
#include <stdint.h>
#include <poll.h>
#include <sys/stat.h>
#include <sys/types.h>
#include <sys/uio.h>
#include <time.h>

#include <l4/re/env.h>
#include <l4/sys/types.h>

/* The process id getpid() returns; the main thread's tid, too. */
#define L4LIBC_PID 1

/* Priority of threads created by pthread_create (the loader's default). */
#define L4LIBC_THREAD_PRIO 2

/* Entry from musl (overlay/syscall_arch.h) and from our assembly. */
long __l4re_syscall(long n, long a, long b, long c, long d, long e, long f);
void __l4re_libc_init(long *sp);

/* init.c: the environment, found at start-up (never NULL afterwards). */
extern l4re_env_t *__l4libc_env;

/* Capability slots, serialised (the l4re allocator is not thread-safe). */
l4_cap_idx_t __l4libc_cap_alloc(void);
void __l4libc_cap_free(l4_cap_idx_t cap);    /* slot only */
void __l4libc_cap_release(l4_cap_idx_t cap); /* unmap the object, free the slot */

/* Map an L4 error (-L4_E*, IPC errors) to -errno (vfs.c). */
long __l4libc_l4err_to_errno(long err);

/* console.c / rom_fs.c: file system backends, vfs.c: the file table. */
void __l4libc_console_init(void);
long __l4libc_console_read(l4_cap_idx_t log, void *buf, size_t n); /* console_read.c */
void __l4libc_rom_init(void);
long __l4libc_sys_openat(int dirfd, const char *path, int flags, int mode);
long __l4libc_sys_close(int fd);
long __l4libc_sys_read(int fd, void *buf, size_t n);
long __l4libc_sys_write(int fd, const void *buf, size_t n);
long __l4libc_sys_readv(int fd, const struct iovec *iov, int cnt);
long __l4libc_sys_writev(int fd, const struct iovec *iov, int cnt);
long __l4libc_sys_pread(int fd, void *buf, size_t n, off_t off);
long __l4libc_sys_lseek(int fd, off_t off, int whence);
long __l4libc_sys_fstat(int fd, struct stat *st);
long __l4libc_sys_fstatat(int dirfd, const char *path, struct stat *st, int flags);
long __l4libc_sys_ioctl(int fd, unsigned long req, void *arg);
long __l4libc_sys_fcntl(int fd, int cmd, long arg);
long __l4libc_sys_dup3(int fd, int newfd, int flags);
long __l4libc_sys_ppoll(struct pollfd *fds, unsigned n);
long __l4libc_sys_pwrite(int fd, const void *buf, size_t n, off_t off);

/* file_dir.c: directories, names, fsync, ftruncate; fs_client.c: file servers. */
long __l4libc_sys_getdents(int fd, void *buf, size_t n);
long __l4libc_sys_mkdirat(int dirfd, const char *path, int mode);
long __l4libc_sys_unlinkat(int dirfd, const char *path, int flags);
long __l4libc_sys_renameat(int olddirfd, const char *from, int newdirfd, const char *to,
			   unsigned flags);
long __l4libc_sys_fsync(int fd);
long __l4libc_sys_ftruncate(int fd, int64_t size);
void __l4libc_fsclient_init(void);

/* mem.c: anonymous memory over dataspaces. */
long __l4libc_sys_mmap(void *addr, size_t len, int prot, int flags, int fd, off_t off);
long __l4libc_sys_munmap(void *addr, size_t len);
/* Zero-filled pages for the backend itself (thread records); 0 on failure. */
void *__l4libc_pages_alloc(size_t len);

/* time.c */
uint64_t __l4libc_now_us(void);
long __l4libc_sys_clock_gettime(clockid_t clk, struct timespec *ts);
long __l4libc_sys_clock_getres(clockid_t clk, struct timespec *ts);
long __l4libc_sys_nanosleep(const struct timespec *req, struct timespec *rem);
long __l4libc_sys_clock_nanosleep(clockid_t clk, int flags, const struct timespec *req,
				  struct timespec *rem);
/* Sleep until the KIP clock reaches deadline_us (in bounded steps). */
void __l4libc_sleep_until(uint64_t deadline_us);
/* Largest relative IPC timeout not longer than us (0: the zero timeout). */
l4_timeout_s __l4libc_timeout_rel(uint64_t us);
long __l4libc_sys_getrandom(void *buf, size_t n, unsigned flags);

/* thread.c, thread_exit.c */
long __l4libc_sys_gettid(void);
long __l4libc_sys_set_tid_address(int *tidptr);
int __l4re_clone(int (*fn)(void *), void *stack, int flags, void *arg, int *ptid, void *tls,
		 int *ctid);
_Noreturn void __l4libc_thread_exit(void);
_Noreturn void __l4re_unmapself(void *base, size_t size);
/* The calling thread's futex doorbell (an IRQ bound to it). */
l4_cap_idx_t __l4libc_self_doorbell(void);
void __l4libc_thread_init_main(void);

/* futex.c */
long __l4libc_sys_futex(int *uaddr, int op, int val, const struct timespec *to, int *uaddr2,
			int val3);
/* Wake up to n waiters on addr (used by thread exit for clear_tid). */
int __l4libc_futex_wake(int *addr, int n);

/* process.c */
_Noreturn void __l4libc_exit_group(int status);

#endif

/* SPDX-License-Identifier: MIT */
/*
 * What e2fsprogs' configure would find on L4ReC: musl's headers, built
 * hosted for AArch64 against l4re-libc.  Only what libext2fs and com_err
 * test is defined.  Deliberately absent: threads in the library
 * (HAVE_PTHREAD: fs_server serialises calls itself), multi-mount
 * protection (CONFIG_MMP: it needs O_DIRECT host files), tdb/undo files,
 * mount tables and Linux ioctls (there are no host devices here).
 */
#ifndef L4REC_EXT2FS_CONFIG_H
#define L4REC_EXT2FS_CONFIG_H

#define HAVE_UNISTD_H 1
#define HAVE_SYS_TYPES_H 1
#define HAVE_SYS_STAT_H 1
#define HAVE_SYS_TIME_H 1
#define HAVE_ERRNO_H 1
#define HAVE_STDLIB_H 1
#define HAVE_STDINT_H 1
#define HAVE_INTTYPES_H 1
#define HAVE_FCNTL 1
#define HAVE_STRDUP 1
#define HAVE_STRNLEN 1
#define HAVE_VPRINTF 1
#define HAVE_POSIX_MEMALIGN 1
#define HAVE_TYPE_SSIZE_T 1
#define HAVE_SYSCONF 1
#define HAVE_GETPAGESIZE 1
#define HAVE_SRANDOM 1

/* No config of a home directory or environment to trust: getenv as is. */
#define HAVE_SECURE_GETENV 1

/* Size of the types ext2_types.h also records. */
#define SIZEOF_SHORT 2
#define SIZEOF_INT 4
#define SIZEOF_LONG 8
#define SIZEOF_LONG_LONG 8
#define SIZEOF_OFF_T 8
#define SIZEOF_TIME_T 8

#endif

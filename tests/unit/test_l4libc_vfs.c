// SPDX-License-Identifier: MIT
/* The l4re-libc backend's VFS core: path normalisation, mount lookup
 * (longest prefix, whole components), descriptors, references. */
#include "unit.h"

#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>

#include "vfs.h"

static long norm(const char *in, char *out)
{
	return __l4libc_vfs_normalize(in, out, L4LIBC_PATH_MAX);
}

TEST(normalize)
{
	char b[L4LIBC_PATH_MAX];

	CHECK_EQ(norm("rom/hello", b), 0L);
	CHECK_STR(b, "rom/hello");
	CHECK_EQ(norm("/rom//./hello/", b), 0L);
	CHECK_STR(b, "rom/hello");
	CHECK_EQ(norm("/a/b/../../rom/x", b), 0L);
	CHECK_STR(b, "rom/x");
	CHECK_EQ(norm("/../..", b), 0L);
	CHECK_STR(b, "");
	CHECK_EQ(__l4libc_vfs_normalize("/abcdef", b, 4), -(long)ENAMETOOLONG);
}

/* A file system whose files are their own name; counts releases. */
static int released;

static long fake_read(struct __l4libc_file *f, void *buf, size_t n, uint64_t off)
{
	const char *s = f->priv;
	size_t l = strlen(s);

	if (off >= l)
		return 0;
	if (n > l - off)
		n = l - off;
	memcpy(buf, s + off, n);
	return n;
}

static void fake_release(struct __l4libc_file *f)
{
	released++;
	free(f);
}

static const struct __l4libc_file_ops fake_ops = {
	.read = fake_read,
	.release = fake_release,
	.seekable = 1,
};

static long fake_open(void *ctx, const char *rest, int oflags, int mode, struct __l4libc_file **out)
{
	struct __l4libc_file *f;

	(void)oflags;
	(void)mode;
	if (!strcmp(rest, "missing"))
		return -ENOENT;
	f = calloc(1, sizeof(*f));
	f->ops = &fake_ops;
	f->priv = ctx;
	*out = f;
	/* The name the file system saw is checked through ctx's copy. */
	CHECK(strlen(rest) < 64);
	return 0;
}

TEST(mounts_and_descriptors)
{
	static char rom_tag[] = "rom-file", romx_tag[] = "romx-file";
	struct __l4libc_fs rom = { .open = fake_open, .ctx = rom_tag };
	struct __l4libc_fs romx = { .open = fake_open, .ctx = romx_tag };
	struct __l4libc_file *f;
	char buf[32];
	long fd, fd2;

	CHECK_EQ(__l4libc_vfs_mount("rom", &rom), 0L);
	CHECK_EQ(__l4libc_vfs_mount("romx", &romx), 0L);
	CHECK_EQ(__l4libc_vfs_mount("a/b", &rom), -(long)EINVAL);

	CHECK_EQ(__l4libc_vfs_open("nowhere/x", O_RDONLY, 0), -(long)ENOENT);
	CHECK_EQ(__l4libc_vfs_open("rom/missing", O_RDONLY, 0), -(long)ENOENT);

	fd = __l4libc_vfs_open("/rom/x", O_RDONLY, 0);
	CHECK_EQ(fd, 0L);
	f = __l4libc_vfs_get(fd);
	CHECK(f && f->priv == rom_tag);
	CHECK_EQ(f->ops->read(f, buf, sizeof(buf), 4), 4L);
	__l4libc_vfs_put(f);

	/* "romx" is its own mount, not "rom" + "x". */
	fd2 = __l4libc_vfs_open("romx/y", O_RDONLY, 0);
	CHECK_EQ(fd2, 1L);
	f = __l4libc_vfs_get(fd2);
	CHECK(f && f->priv == romx_tag);
	__l4libc_vfs_put(f);

	/* dup shares the file; it goes away with the last descriptor. */
	CHECK_EQ(__l4libc_vfs_dup(fd, 7, 0), 7L);
	CHECK_EQ(__l4libc_vfs_close(fd), 0L);
	CHECK_EQ(released, 0);
	CHECK_EQ(__l4libc_vfs_close(fd), -(long)EBADF);
	CHECK_EQ(__l4libc_vfs_close(7), 0L);
	CHECK_EQ(released, 1);
	CHECK_EQ(__l4libc_vfs_close(fd2), 0L);
	CHECK_EQ(released, 2);
	CHECK(__l4libc_vfs_get(7) == NULL);
	CHECK(__l4libc_vfs_get(-1) == NULL);
	CHECK(__l4libc_vfs_get(L4LIBC_MAX_FDS) == NULL);
}

TEST(errno_mapping)
{
	CHECK_EQ(__l4libc_l4err_to_errno(-2), -2L);
	CHECK_EQ(__l4libc_l4err_to_errno(-2003), -(long)EIO);
	CHECK_EQ(__l4libc_l4err_to_errno(5), 5L);
}

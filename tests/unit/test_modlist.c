// SPDX-License-Identifier: MIT
/*
 * Unit tests of mkimage's modules.list parser: a good list, and each error
 * with its exact "file:line: reason" message.
 */
#include "modlist.h"
#include "unit.h"

static struct modlist_entry ent;
static char err[512];

static int parse(const char *text, const char *want)
{
	err[0] = '\0';
	return modlist_parse("t.list", text, strlen(text), want, &ent, err, sizeof(err));
}

/* Expects a parse error with exactly this message. */
#define CHECK_ERR(text, want, msg)               \
	do {                                     \
		CHECK_EQ(parse(text, want), -1); \
		CHECK_STR(err, msg);             \
	} while (0)

TEST(good_entry)
{
	const char *list = "# comment line\n"
			   "\n"
			   "entry other\n"
			   "kernel k2\n"
			   "roottask r2\n"
			   "  entry hello   # the one\n"
			   "\tkernel  l4rec -v \n"
			   "roottask moe rom/hello.cfg\n"
			   "module hello\n"
			   "module  dir/data.bin  a  b\n";

	CHECK_EQ(parse(list, "hello"), 0);
	CHECK_STR(ent.name, "hello");
	CHECK_EQ(ent.line, 6);
	CHECK_STR(ent.kernel.file, "l4rec");
	CHECK_STR(ent.kernel.cmdline, "l4rec -v");
	CHECK_STR(ent.sigma0.file, "sigma0");
	CHECK_EQ(ent.sigma0.line, 0);
	CHECK_STR(ent.roottask.file, "moe");
	CHECK_STR(ent.roottask.cmdline, "moe rom/hello.cfg");
	CHECK_EQ(ent.roottask.line, 8);
	CHECK_EQ(ent.nr_modules, 2);
	CHECK_STR(ent.modules[0].file, "hello");
	CHECK_STR(ent.modules[1].file, "dir/data.bin");
	CHECK_STR(ent.modules[1].cmdline, "dir/data.bin  a  b");
	CHECK_EQ(ent.modules[1].line, 10);
}

TEST(explicit_sigma0_no_trailing_newline)
{
	CHECK_EQ(parse("entry a\nkernel k\nsigma0 mys0\nroottask r", "a"), 0);
	CHECK_STR(ent.sigma0.file, "mys0");
	CHECK_EQ(ent.sigma0.line, 3);
	CHECK_STR(ent.roottask.file, "r");
}

TEST(crlf_lines)
{
	CHECK_EQ(parse("entry a\r\nkernel k\r\nroottask r\r\n", "a"), 0);
	CHECK_STR(ent.kernel.file, "k");
	CHECK_STR(ent.name, "a");
}

TEST(unknown_keyword)
{
	CHECK_ERR("entry a\nkernel k\nbogus x\nroottask r\n", "a",
		  "t.list:3: unknown keyword 'bogus'");
}

TEST(unknown_keyword_in_other_entry)
{
	CHECK_ERR("entry a\nkernel k\nroottask r\nentry b\nmodul x\n", "a",
		  "t.list:5: unknown keyword 'modul'");
}

TEST(no_entry)
{
	CHECK_ERR("entry a\nkernel k\nroottask r\n", "zzz", "t.list: no entry 'zzz'");
}

TEST(empty_file)
{
	CHECK_ERR("", "a", "t.list: no entry 'a'");
}

TEST(missing_kernel)
{
	CHECK_ERR("\nentry a\nroottask r\nentry b\n", "a", "t.list:2: entry 'a' has no kernel");
}

TEST(missing_roottask)
{
	CHECK_ERR("entry a\nkernel k\n", "a", "t.list:1: entry 'a' has no roottask");
}

TEST(duplicate_entry)
{
	CHECK_ERR("entry a\nkernel k\nroottask r\nentry a\nkernel k\nroottask r\n", "a",
		  "t.list:4: duplicate entry 'a' (first at line 1)");
}

TEST(second_kernel)
{
	CHECK_ERR("entry a\nkernel k\nkernel k2\nroottask r\n", "a",
		  "t.list:3: second 'kernel' in entry (first at line 2)");
}

TEST(outside_entry)
{
	CHECK_ERR("kernel k\nentry a\n", "a", "t.list:1: 'kernel' outside an entry");
}

TEST(missing_file_name)
{
	CHECK_ERR("entry a\nkernel k\nroottask r\nmodule   # nothing\n", "a",
		  "t.list:4: 'module' needs a file name");
}

TEST(entry_without_name)
{
	CHECK_ERR("entry\n", "a", "t.list:1: 'entry' needs a name");
}

TEST(entry_name_two_words)
{
	CHECK_ERR("entry a b\n", "a", "t.list:1: entry name must be one word");
}

TEST(line_too_long)
{
	static char list[3000];
	size_t n;

	strcpy(list, "entry a\nkernel k\nroottask r\nmodule ");
	n = strlen(list);
	memset(list + n, 'x', 1200);
	strcpy(list + n + 1200, "\n");
	CHECK_ERR(list, "a", "t.list:4: line too long (max 1023 characters)");
}

TEST(cmdline_too_long)
{
	static char list[1000];
	size_t n;

	strcpy(list, "entry a\nkernel k\nroottask r ");
	n = strlen(list);
	memset(list + n, 'y', 300);
	list[n + 300] = '\0';
	CHECK_ERR(list, "a",
		  "t.list:3: 'roottask' line too long for the command line (max 191 characters)");
}

TEST(too_many_modules)
{
	static char list[4000];
	int i;

	strcpy(list, "entry a\nkernel k\nroottask r\n");
	for (i = 0; i < MODLIST_MAX_PLAIN + 1; i++)
		strcat(list, "module m\n");
	CHECK_ERR(list, "a", "t.list:34: too many modules (max 30)");
}

TEST(nul_byte)
{
	static const char list[] = "entry a\nkernel k\0x\nroottask r\n";

	CHECK_EQ(modlist_parse("t.list", list, sizeof(list) - 1, "a", &ent, err, sizeof(err)), -1);
	CHECK_STR(err, "t.list:2: NUL byte in line");
}

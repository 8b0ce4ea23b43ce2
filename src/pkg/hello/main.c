// SPDX-License-Identifier: MIT
/*
 * hello: the smallest l4util program.  Proves the whole chain: bootstrap,
 * kernel, sigma0, moe's ELF loader and pager, and moe's log server (which
 * prints the line as "hello | Hello World").
 */
#include <l4/util/exit.h>
#include <l4/util/printf.h>

int main(int argc, char **argv)
{
	(void)argc;
	(void)argv;
	printf("Hello World\n");
	exit(0);
}
